namespace LicenseKit.Docs.Tests;

/// <summary>One ```csharp block of a markdown file, with how its marker says to compile it.</summary>
/// <param name="File">The markdown file, relative to the repository root.</param>
/// <param name="Line">The 1-based line of the block's first code line.</param>
/// <param name="Kind">How the block is compiled.</param>
/// <param name="InScope">For a fragment: the variable declarations it assumes ("WebApplication app, ...").</param>
/// <param name="SkipReason">For a skipped block: why it is not compiled.</param>
/// <param name="StandIns">The files under StandIns/ compiled with the block: the reader's own types it names.</param>
/// <param name="Code">The block's text.</param>
public sealed record Snippet(string File, int Line, SnippetKind Kind, string InScope, string SkipReason, IReadOnlyList<string> StandIns, string Code)
{
    public override string ToString() => $"{File}:{Line}";
}
