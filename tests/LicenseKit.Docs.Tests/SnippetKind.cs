namespace LicenseKit.Docs.Tests;

/// <summary>How a markdown C# block is compiled; see <see cref="MarkdownSnippets"/> for the markers.</summary>
public enum SnippetKind
{
    /// <summary>A complete console program (top-level statements) with the console SDK's implicit usings.</summary>
    Program,

    /// <summary>A complete program that is also run; it must finish without throwing.</summary>
    Run,

    /// <summary>A complete ASP.NET Core program with the Web SDK's implicit usings.</summary>
    Web,

    /// <summary>Statements and types from the middle of a file, compiled with named variables in scope.</summary>
    Fragment,

    /// <summary>Not compiled; the test reports the marker's reason.</summary>
    Skip,
}
