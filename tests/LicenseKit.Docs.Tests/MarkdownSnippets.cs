using System.Text.RegularExpressions;

namespace LicenseKit.Docs.Tests;

/// <summary>
/// Reads the C# blocks of the repository's markdown (README.md, docs/*.md, src/*/README.md). The last non-blank line
/// before a ```csharp fence may be an HTML comment that says how to compile the block:
/// <list type="bullet">
/// <item><c>&lt;!-- snippet: program --&gt;</c> (also what an unmarked block is): a complete console program; it brings
/// its own <c>using</c> directives beyond the console SDK's implicit ones.</item>
/// <item><c>&lt;!-- snippet: run --&gt;</c>: a complete console program that the test also runs.</item>
/// <item><c>&lt;!-- snippet: web --&gt;</c>: a complete ASP.NET Core program (Web SDK implicit usings).</item>
/// <item><c>&lt;!-- snippet: fragment(WebApplicationBuilder builder, string connectionString) --&gt;</c>: statements and
/// types from the middle of a file, with the listed variables in scope, the Web SDK's implicit usings, the namespaces of
/// every LicenseKit package, EF Core, NUnit, System.Security.Cryptography and the example types in ReaderTypes/.</item>
/// <item><c>&lt;!-- snippet: skip: reason --&gt;</c>: not compiled; the test is reported as ignored with the reason, which
/// may not be empty.</item>
/// </list>
/// A <c>program</c>, <c>run</c>, <c>web</c> or <c>fragment</c> marker may end with <c>with MyStore, MyKeyGenerator</c>:
/// the stand-ins for the reader's own types the block names, each compiled with it from <c>StandIns/{name}.cs</c>.
/// </summary>
public static partial class MarkdownSnippets
{
    /// <summary>The repository root: the nearest folder above the test assembly that holds LicenseKit.sln.</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>Every markdown file whose C# blocks are checked, relative to the repository root.</summary>
    public static IEnumerable<string> MarkdownFiles()
    {
        var files = new List<string> { "README.md" };
        files.AddRange(Directory.GetFiles(Path.Combine(RepositoryRoot, "docs"), "*.md").Order(StringComparer.Ordinal)
            .Select(path => Path.GetRelativePath(RepositoryRoot, path)));
        files.AddRange(Directory.GetDirectories(Path.Combine(RepositoryRoot, "src")).Order(StringComparer.Ordinal)
            .Select(folder => Path.Combine(folder, "README.md")).Where(File.Exists)
            .Select(path => Path.GetRelativePath(RepositoryRoot, path)));
        return files.Select(path => path.Replace('\\', '/'));
    }

    /// <summary>The C# blocks of all checked markdown files, in file and line order.</summary>
    public static IEnumerable<Snippet> All() => MarkdownFiles().SelectMany(Read);

    /// <summary>The C# blocks of one markdown file.</summary>
    public static IEnumerable<Snippet> Read(string file)
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryRoot, file));
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Trim() != "```csharp")
            {
                continue;
            }

            var end = Array.FindIndex(lines, i + 1, line => line.Trim() == "```");
            if (end < 0)
            {
                throw new InvalidDataException($"{file}:{i + 1}: the ```csharp block is never closed.");
            }

            var (kind, inScope, skipReason, standIns) = ReadMarker(file, lines, i);
            yield return new Snippet(file, i + 2, kind, inScope, skipReason, standIns, string.Join('\n', lines[(i + 1)..end]));
            i = end;
        }
    }

    /// <summary>The folder of the stand-in files a marker names.</summary>
    public static string StandInFolder { get; } = Path.Combine(RepositoryRoot, "tests", "LicenseKit.Docs.Tests", "StandIns");

    private static (SnippetKind Kind, string InScope, string SkipReason, string[] StandIns) ReadMarker(string file, string[] lines, int fence)
    {
        var previous = fence - 1;
        while (previous >= 0 && string.IsNullOrWhiteSpace(lines[previous]))
        {
            previous--;
        }

        var marker = previous >= 0 ? MarkerPattern().Match(lines[previous]) : Match.Empty;
        if (!marker.Success)
        {
            return (SnippetKind.Program, "", "", []);
        }

        var kind = marker.Groups["kind"].Value;
        var argument = marker.Groups["argument"].Value.Trim();
        if (kind == "skip")
        {
            var reason = argument.TrimStart(':').Trim();
            return reason.Length > 0
                ? (SnippetKind.Skip, "", reason, [])
                : throw new InvalidDataException($"{file}:{previous + 1}: '{lines[previous].Trim()}': a skip needs a reason.");
        }

        var withStandIns = WithStandInsPattern().Match(argument);
        var standIns = withStandIns.Success ? ReadStandIns(file, previous, withStandIns.Groups["names"].Value) : [];
        argument = withStandIns.Success ? argument[..withStandIns.Index].Trim() : argument;
        return kind switch
        {
            "program" when argument.Length == 0 => (SnippetKind.Program, "", "", standIns),
            "run" when argument.Length == 0 => (SnippetKind.Run, "", "", standIns),
            "web" when argument.Length == 0 => (SnippetKind.Web, "", "", standIns),
            "fragment" => (SnippetKind.Fragment, argument.TrimStart('(').TrimEnd(')'), "", standIns),
            _ => throw new InvalidDataException($"{file}:{previous + 1}: unknown snippet marker '{lines[previous].Trim()}'."),
        };
    }

    // "MyStore, MyKeyGenerator" → the paths of StandIns/MyStore.cs and StandIns/MyKeyGenerator.cs, which must exist.
    private static string[] ReadStandIns(string file, int markerLine, string names) =>
        names.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(name => Path.Combine(StandInFolder, name + ".cs"))
            .Select(path => File.Exists(path)
                ? path
                : throw new InvalidDataException($"{file}:{markerLine + 1}: no stand-in {Path.GetRelativePath(RepositoryRoot, path)}."))
            .ToArray();

    private static string FindRepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "LicenseKit.sln")))
            {
                return folder.FullName;
            }
        }

        throw new DirectoryNotFoundException("No folder above the test assembly holds LicenseKit.sln.");
    }

    [GeneratedRegex(@"^\s*<!--\s*snippet:\s*(?<kind>[a-z]+)(?<argument>.*?)\s*-->\s*$")]
    private static partial Regex MarkerPattern();

    [GeneratedRegex(@"(^|\s)with\s+(?<names>[A-Za-z0-9_,\s]+)$")]
    private static partial Regex WithStandInsPattern();
}
