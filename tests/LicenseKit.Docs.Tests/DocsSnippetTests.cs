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

    [TestCase("<!-- snippet: skip -->", "*a skip needs a reason*")]
    [TestCase("<!-- snippet: skip: -->", "*a skip needs a reason*")]
    [TestCase("<!-- snippet: skip:    -->", "*a skip needs a reason*")]
    [TestCase("<!-- snippet: fragment() with NoSuchStandIn -->", "*no stand-in*NoSuchStandIn.cs*")]
    public void A_marker_the_harness_cannot_honour_is_refused(string marker, string message)
    {
        var file = Path.GetTempFileName();
        File.WriteAllText(file, $"{marker}\n```csharp\nvar x = 1;\n```\n");
        try
        {
            var read = () => MarkdownSnippets.Read(file).ToList();

            read.Should().Throw<InvalidDataException>().WithMessage(message);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Test]
    public void A_marker_names_the_stand_ins_compiled_with_its_block()
    {
        var file = Path.GetTempFileName();
        File.WriteAllText(file, "<!-- snippet: fragment(IServiceCollection services) with ForwardingLicenseStore, MyStore -->\n"
            + "```csharp\nservices.AddLicenseKit().UseStore<MyStore>();\n```\n");
        try
        {
            var snippet = MarkdownSnippets.Read(file).Single();

            snippet.InScope.Should().Be("IServiceCollection services");
            snippet.StandIns.Select(Path.GetFileName).Should().Equal("ForwardingLicenseStore.cs", "MyStore.cs");
            SnippetCompiler.Compile(snippet).Errors.Should().BeEmpty();
            SnippetCompiler.Compile(snippet with { StandIns = [] }).Errors.Should().Contain(error => error.Contains("MyStore"));
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
