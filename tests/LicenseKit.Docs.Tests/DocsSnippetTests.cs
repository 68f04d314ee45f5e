using System.Reflection;

namespace LicenseKit.Docs.Tests;

/// <summary>Every C# block of the markdown compiles (one test case per block, read from the markdown itself), and the
/// blocks marked <c>run</c> run to completion.</summary>
[TestFixture]
public sealed class DocsSnippetTests
{
    public static IEnumerable<TestCaseData> Snippets() =>
        MarkdownSnippets.All().Select(snippet => new TestCaseData(snippet).SetName($"Snippet {snippet}"));

    [TestCaseSource(nameof(Snippets))]
    public async Task Compiles(Snippet snippet)
    {
        if (snippet.Kind == SnippetKind.Skip)
        {
            Assert.Ignore($"{snippet} is marked skip: {snippet.SkipReason}");
        }

        var compilation = SnippetCompiler.Compile(snippet);

        compilation.Errors.Should().BeEmpty($"the C# block at {snippet} must compile:\n{snippet.Code}");
        if (snippet.Kind == SnippetKind.Run)
        {
            var output = await RunAsync(compilation.Assembly!);
            await TestContext.Out.WriteLineAsync(output);
            output.Should().NotBeEmpty("the program writes what it did");
        }
    }

    [Test]
    public void Every_csharp_fence_is_a_test_case()
    {
        var fences = MarkdownSnippets.MarkdownFiles()
            .Sum(file => File.ReadLines(Path.Combine(MarkdownSnippets.RepositoryRoot, file)).Count(line => line.Trim() == "```csharp"));

        fences.Should().BeGreaterThan(0);
        MarkdownSnippets.All().Should().HaveCount(fences);
    }

    [Test]
    public void A_skip_without_a_reason_is_refused()
    {
        var file = Path.GetTempFileName();
        File.WriteAllText(file, "<!-- snippet: skip -->\n```csharp\nvar x = 1;\n```\n");
        try
        {
            var read = () => MarkdownSnippets.Read(file).ToList();

            read.Should().Throw<InvalidDataException>().WithMessage("*a skip needs a reason*");
        }
        finally
        {
            File.Delete(file);
        }
    }

    // Runs a compiled program's entry point with its console output captured.
    private static async Task<string> RunAsync(byte[] image)
    {
        var entryPoint = Assembly.Load(image).EntryPoint!;
        var original = Console.Out;
        await using var output = new StringWriter();
        Console.SetOut(output);
        try
        {
            var arguments = entryPoint.GetParameters().Length == 0 ? null : new object[] { Array.Empty<string>() };
            if (entryPoint.Invoke(null, arguments) is Task task)
            {
                await task;
            }
        }
        finally
        {
            Console.SetOut(original);
        }

        return output.ToString();
    }
}
