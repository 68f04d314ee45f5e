namespace LicenseKit.Docs.Tests;

/// <summary>What compiling a snippet gave: its errors, and the assembly when there were none.</summary>
/// <param name="Errors">Each error with its markdown file and line.</param>
/// <param name="Assembly">The emitted assembly, or null when it did not compile.</param>
public sealed record SnippetCompilation(IReadOnlyList<string> Errors, byte[]? Assembly);
