using System.Reflection;
using LicenseKit.AspNetCore.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Http.HttpClientLibrary;
using Microsoft.Kiota.Serialization.Form;
using Microsoft.Kiota.Serialization.Json;
using Microsoft.Kiota.Serialization.Multipart;
using Microsoft.Kiota.Serialization.Text;

namespace LicenseKit.AspNetCore.Tests.GeneratedClient;

/// <summary>
/// Consumes the OpenAPI document the way users do: Kiota (the repository's local dotnet tool) generates a C# client from
/// /openapi/v1.json, Roslyn compiles it with <c>SeedFlow.cs</c>, and the seed's create → activate → validate → update →
/// list flow runs through that generated client against the test host.
/// </summary>
public sealed class GeneratedClientTests
{
    [Test]
    public async Task KiotaClientGeneratedFromTheDocument_CompilesAndDrivesTheSeedFlow()
    {
        await using var api = await TestApi.StartAsync();
        using var anonymous = api.CreateClient(null);
        var work = Directory.CreateTempSubdirectory("licensekit-kiota-");
        try
        {
            var document = Path.Combine(work.FullName, "openapi.json");
            await File.WriteAllTextAsync(document, await anonymous.GetStringAsync("/openapi/v1.json"));
            var output = Path.Combine(work.FullName, "client");

            await GenerateAsync(document, output);
            var flow = Compile(Directory.GetFiles(output, "*.cs", SearchOption.AllDirectories).Append(Path.Combine(AppContext.BaseDirectory, "GeneratedClient", "SeedFlow.cs")));
            var run = (Task<List<string>>)flow.GetMethod("RunAsync")!.Invoke(null, [api.Admin, api.Client])!;
            var steps = await run;

            steps.Should().Equal(
                "created ACTIVE limit=3 duration=720 instances=0",
                "activated build-agent-01 fp-7f3a license=True",
                "validated valid=True code=VALID instances=1",
                "updated DISABLED limit=5",
                "listed 1 True next=none");
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static async Task GenerateAsync(string document, string output)
    {
        var (exitCode, log) = await ProcessRunner.RunAsync(
            "dotnet", "tool", "run", "kiota", "generate", "--language", "CSharp", "--openapi", document, "--output", output,
            "--class-name", "LicensesClient", "--namespace-name", "Generated.Licenses", "--exclude-backward-compatible",
            "--clean-output", "--log-level", "Warning");
        exitCode.Should().Be(0, $"kiota failed (run 'dotnet tool restore' first): {log}");
    }

    private static Type Compile(IEnumerable<string> files)
    {
        var options = CSharpParseOptions.Default.WithPreprocessorSymbols("NET", "NET5_0_OR_GREATER", "NETCOREAPP", "NETCOREAPP3_1_OR_GREATER", "NETSTANDARD2_1_OR_GREATER");
        var trees = files.Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), options, f))
            .Append(CSharpSyntaxTree.ParseText(
                "global using System; global using System.Collections.Generic; global using System.Linq; global using System.Net.Http; global using System.Threading.Tasks;",
                options));
        var compilation = CSharpCompilation.Create(
            "GeneratedLicensesClient",
            trees,
            References(),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Should().BeEmpty();
        return Assembly.Load(image.ToArray()).GetType("SeedFlow", throwOnError: true)!;
    }

    private static IEnumerable<MetadataReference> References()
    {
        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var kiota = new[]
        {
            typeof(IRequestAdapter), typeof(HttpClientRequestAdapter), typeof(JsonParseNodeFactory), typeof(TextParseNodeFactory),
            typeof(FormParseNodeFactory), typeof(MultipartSerializationWriterFactory),
        }.Select(t => t.Assembly.Location);
        return platform.Concat(kiota).Distinct().Select(path => MetadataReference.CreateFromFile(path));
    }
}
