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
/// <item><c>&lt;!-- snippet: skip: reason --&gt;</c>: not compiled; the test is reported as ignored with the reason.</item>
/// </list>
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

            var (kind, inScope, skipReason) = ReadMarker(file, lines, i);
            yield return new Snippet(file, i + 2, kind, inScope, skipReason, string.Join('\n', lines[(i + 1)..end]));
            i = end;
        }
    }

    private static (SnippetKind Kind, string InScope, string SkipReason) ReadMarker(string file, string[] lines, int fence)
    {
        var previous = fence - 1;
        while (previous >= 0 && string.IsNullOrWhiteSpace(lines[previous]))
        {
            previous--;
        }

        var marker = previous >= 0 ? MarkerPattern().Match(lines[previous]) : Match.Empty;
        if (!marker.Success)
        {
            return (SnippetKind.Program, "", "");
        }

        var argument = marker.Groups["argument"].Value.Trim();
        return marker.Groups["kind"].Value switch
        {
            "program" => (SnippetKind.Program, "", ""),
            "run" => (SnippetKind.Run, "", ""),
            "web" => (SnippetKind.Web, "", ""),
            "fragment" => (SnippetKind.Fragment, argument.TrimStart('(').TrimEnd(')'), ""),
            "skip" when argument.TrimStart(':').Trim().Length > 0 => (SnippetKind.Skip, "", argument.TrimStart(':').Trim()),
            _ => throw new InvalidDataException($"{file}:{previous + 1}: unknown snippet marker '{lines[previous].Trim()}' (a skip needs a reason)."),
        };
    }

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
}
