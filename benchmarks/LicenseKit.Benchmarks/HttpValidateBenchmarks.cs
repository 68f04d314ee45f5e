extern alias sample;

using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using SampleProgram = sample::Program;

namespace LicenseKit.Benchmarks;

/// <summary>
/// One <c>POST /licenses/validate</c> through the sample host's whole pipeline (forwarded headers, problem pages, rate
/// limiter, API-key authentication, authorization, the endpoint, the license cache over EF Core on a SQLite file) beside
/// a minimal endpoint answering the same JSON from memory (the baseline of benchmarks/http/run.sh), both in process
/// through TestServer, so the ratio and the allocations per request show the host's own cost without sockets.
/// </summary>
[MemoryDiagnoser]
public class HttpValidateBenchmarks
{
    private const string PublishableKey = "pk_test_acme";
    private const string SecretKey = "sk_test_acme";

    private DirectoryInfo? _folder;
    private WebApplicationFactory<SampleProgram> _sample = null!;
    private HttpClient _sampleClient = null!;
    private WebApplication _minimal = null!;
    private HttpClient _minimalClient = null!;
    private byte[] _body = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _folder = Directory.CreateTempSubdirectory("licensekit-http-bench-");
        var database = Path.Combine(_folder.FullName, "licenses.db");
        // The settings benchmarks/http/run.sh starts the sample with, the cache in this process's memory only. Environment
        // variables, because the sample reads them while building its host; the content root is the build output, which
        // holds the sample's appsettings.json.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_LICENSEKIT_SAMPLES_API", AppContext.BaseDirectory);
        Environment.SetEnvironmentVariable("ConnectionStrings__Sqlite", $"Data Source={database}");
        Environment.SetEnvironmentVariable("Caching__Enabled", "true");
        Environment.SetEnvironmentVariable("RateLimiting__ActivationPermitsPerMinute", "2000000000");
        Environment.SetEnvironmentVariable("Logging__LogLevel__Default", "Warning");
        _sample = new WebApplicationFactory<SampleProgram>().WithWebHostBuilder(b => b.UseEnvironment("Production"));
        _sampleClient = _sample.CreateClient();

        using var issue = new HttpRequestMessage(HttpMethod.Post, "/licenses")
        {
            Content = new StringContent("""{"product_id":"prod_load","customer_id":"cust_load","activations_limit":3,"duration_hours":720}""", Encoding.UTF8, "application/json"),
        };
        issue.Headers.Authorization = new AuthenticationHeaderValue("Bearer", SecretKey);
        using var issued = await _sampleClient.SendAsync(issue);
        var key = JsonDocument.Parse(await issued.EnsureSuccessStatusCode().Content.ReadAsStringAsync()).RootElement.GetProperty("key").GetString();
        _body = Encoding.UTF8.GetBytes($$"""{"license_key":"{{key}}"}""");

        var answer = await SendAsync(_sampleClient);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        _minimal = builder.Build();
        _minimal.MapPost("/licenses/validate", async (HttpContext http) =>
        {
            await http.Request.Body.CopyToAsync(Stream.Null);
            http.Response.ContentType = "application/json; charset=utf-8";
            await http.Response.Body.WriteAsync(answer);
        });
        await _minimal.StartAsync();
        _minimalClient = _minimal.GetTestClient();
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        _sampleClient.Dispose();
        await _sample.DisposeAsync();
        _minimalClient.Dispose();
        await _minimal.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _folder?.Delete(recursive: true);
    }

    [Benchmark(Baseline = true, Description = "minimal endpoint")]
    public Task<byte[]> Minimal() => SendAsync(_minimalClient);

    [Benchmark(Description = "sample, cache on")]
    public Task<byte[]> SampleCached() => SendAsync(_sampleClient);

    private async Task<byte[]> SendAsync(HttpClient client)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/licenses/validate") { Content = new ByteArrayContent(_body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", PublishableKey);
        using var response = await client.SendAsync(request);
        var answer = await response.Content.ReadAsByteArrayAsync();
        return response.IsSuccessStatusCode && answer.AsSpan().IndexOf("\"valid\":true"u8) >= 0
            ? answer
            : throw new InvalidOperationException($"validate answered {(int)response.StatusCode}: {Encoding.UTF8.GetString(answer)}");
    }
}
