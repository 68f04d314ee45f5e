namespace LicenseKit.Webhooks.Tests.Support;

/// <summary>Reads files of the repository the tests were built from (docs, this project's sources).</summary>
internal static class RepositoryFiles
{
    public static string Read(string relativePath)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "LicenseKit.sln")))
        {
            directory = directory.Parent;
        }

        if (directory is null)
        {
            throw new InvalidOperationException($"No LicenseKit.sln above {AppContext.BaseDirectory}; these tests read the repository's docs.");
        }

        return File.ReadAllText(Path.Combine(directory.FullName, relativePath));
    }

    /// <summary>The fenced blocks of <paramref name="language"/> in a Markdown text, each with the heading above it.</summary>
    public static IReadOnlyList<(string Heading, string Code)> FencedBlocks(string markdown, string language)
    {
        var blocks = new List<(string, string)>();
        var heading = string.Empty;
        var lines = markdown.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].StartsWith('#'))
            {
                heading = lines[i].TrimStart('#').Trim();
            }
            else if (lines[i].TrimEnd() == "```" + language)
            {
                var end = Array.FindIndex(lines, i + 1, l => l.TrimEnd() == "```");
                blocks.Add((heading, string.Join('\n', lines[(i + 1)..end])));
                i = end;
            }
        }

        return blocks;
    }
}
