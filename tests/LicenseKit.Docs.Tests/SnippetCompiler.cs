using System.Reflection;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LicenseKit.Docs.Tests;

/// <summary>Compiles a <see cref="Snippet"/> with Roslyn against the assemblies this test runs on: the LicenseKit
/// packages, their dependencies and the .NET and ASP.NET Core shared frameworks.</summary>
public static class SnippetCompiler
{
    private static readonly string[] ConsoleUsings =
        ["System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Threading", "System.Threading.Tasks"];

    private static readonly string[] WebUsings =
    [
        .. ConsoleUsings, "System.Net.Http.Json", "Microsoft.AspNetCore.Builder", "Microsoft.AspNetCore.Hosting",
        "Microsoft.AspNetCore.Http", "Microsoft.AspNetCore.Routing", "Microsoft.Extensions.Configuration",
        "Microsoft.Extensions.DependencyInjection", "Microsoft.Extensions.Hosting", "Microsoft.Extensions.Logging",
    ];

    private static readonly string[] AssemblyPaths = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
        .Split(Path.PathSeparator).Where(path => path.EndsWith(".dll", StringComparison.Ordinal)).ToArray();

    private static readonly Lazy<MetadataReference[]> References = new(() =>
        AssemblyPaths.Select(path => (MetadataReference)MetadataReference.CreateFromFile(path)).ToArray());

    private static readonly Lazy<string[]> FragmentUsings = new(() =>
    [
        .. WebUsings, "System.Security.Cryptography", "Microsoft.EntityFrameworkCore", "NUnit.Framework",
        typeof(ReaderTypes.AppDb).Namespace!,
        .. AssemblyPaths
            .Where(path => Path.GetFileName(path).StartsWith("LicenseKit", StringComparison.Ordinal)
                && !path.EndsWith(".Tests.dll", StringComparison.Ordinal))
            .SelectMany(path => Assembly.Load(AssemblyName.GetAssemblyName(path)).GetExportedTypes())
            .Select(type => type.Namespace!)
            .Where(name => name is not null),
    ]);

    /// <summary>Compiles the snippet; the result holds its errors (with markdown file and line) and, when there are
    /// none, the emitted assembly.</summary>
    public static SnippetCompilation Compile(Snippet snippet)
    {
        ArgumentNullException.ThrowIfNull(snippet);
        var compilation = snippet.Kind switch
        {
            SnippetKind.Program or SnippetKind.Run => Program(snippet, ConsoleUsings),
            SnippetKind.Web => Program(snippet, WebUsings),
            SnippetKind.Fragment => Fragment(snippet),
            _ => throw new ArgumentException($"A {snippet.Kind} snippet is not compiled.", nameof(snippet)),
        };

        using var assembly = new MemoryStream();
        var emitted = compilation.Emit(assembly);
        var errors = emitted.Diagnostics.Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error)
            .Select(diagnostic => diagnostic.ToString()).ToArray();
        return new SnippetCompilation(errors, emitted.Success ? assembly.ToArray() : null);
    }

    // The reader's own types the snippet names, compiled with it so they must implement the current interfaces.
    private static IEnumerable<SyntaxTree> StandIns(Snippet snippet, CSharpParseOptions options) =>
        snippet.StandIns.Select(path => CSharpSyntaxTree.ParseText(File.ReadAllText(path), options,
            path: Path.GetRelativePath(MarkdownSnippets.RepositoryRoot, path), encoding: Encoding.UTF8));

    private static CSharpCompilation Program(Snippet snippet, string[] implicitUsings)
    {
        var options = new CSharpParseOptions(LanguageVersion.Latest);
        var globalUsings = CSharpSyntaxTree.ParseText(
            string.Concat(implicitUsings.Select(name => $"global using global::{name};\n")), options);
        var code = CSharpSyntaxTree.ParseText(Located(snippet, snippet.Code), options, path: snippet.File, encoding: Encoding.UTF8);
        return CSharpCompilation.Create(SnippetAssemblyName(snippet), [globalUsings, code, .. StandIns(snippet, options)], References.Value,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));
    }

    private static CSharpCompilation Fragment(Snippet snippet)
    {
        // A fragment may put a type before the statements that use it, which a program may not: its parts are
        // reordered (using directives, the variables in scope, statements, then types), each keeping its markdown line.
        var options = new CSharpParseOptions(LanguageVersion.Latest);
        var parsed = (CompilationUnitSyntax)CSharpSyntaxTree.ParseText(snippet.Code, options).GetRoot();
        var statements = parsed.Members.OfType<GlobalStatementSyntax>().ToArray();
        var declarations = parsed.Members.Except<MemberDeclarationSyntax>(statements);
        var code = new StringBuilder();
        code.Append(string.Concat(parsed.Usings.Select(directive => Located(snippet, directive))));
        code.Append("#line default\n");
        code.Append(string.Concat(SplitDeclarations(snippet.InScope).Select(declaration => $"{declaration} = default!;\n")));
        code.Append(string.Concat(statements.Select(statement => Located(snippet, statement))));
        code.Append(string.Concat(declarations.Select(declaration => Located(snippet, declaration))));

        var globalUsings = CSharpSyntaxTree.ParseText(
            string.Concat(FragmentUsings.Value.Distinct().Select(name => $"global using global::{name};\n")), options);
        var tree = CSharpSyntaxTree.ParseText(code.ToString(), options, path: $"{snippet.File} (in scope: {snippet.InScope})",
            encoding: Encoding.UTF8);
        // Only types and no statements: a library, as a program would need a Main.
        var kind = statements.Length > 0 || snippet.InScope.Length > 0 ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary;
        return CSharpCompilation.Create(SnippetAssemblyName(snippet), [globalUsings, tree, .. StandIns(snippet, options)], References.Value,
            new CSharpCompilationOptions(kind, nullableContextOptions: NullableContextOptions.Enable));
    }

    /// <summary>"A a, B&lt;C, D&gt; b" → "A a", "B&lt;C, D&gt; b": splits on the commas outside angle brackets.</summary>
    private static IEnumerable<string> SplitDeclarations(string declarations)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < declarations.Length; i++)
        {
            depth += declarations[i] switch { '<' => 1, '>' => -1, _ => 0 };
            if (declarations[i] == ',' && depth == 0)
            {
                yield return declarations[start..i].Trim();
                start = i + 1;
            }
        }

        if (declarations[start..].Trim().Length > 0)
        {
            yield return declarations[start..].Trim();
        }
    }

    // Errors then name the markdown file and line.
    private static string Located(Snippet snippet, string code) => $"#line {snippet.Line} \"{snippet.File}\"\n{code}";

    private static string Located(Snippet snippet, SyntaxNode node) =>
        $"#line {snippet.Line + node.GetLocation().GetLineSpan().StartLinePosition.Line} \"{snippet.File}\"\n{node}\n";

    private static string SnippetAssemblyName(Snippet snippet) =>
        "Snippet_" + new string(snippet.ToString().Select(c => char.IsLetterOrDigit(c) ? c : '_').ToArray());
}
