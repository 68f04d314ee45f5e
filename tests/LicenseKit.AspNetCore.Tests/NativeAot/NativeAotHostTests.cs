using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using LicenseKit.AspNetCore.Tests.Infrastructure;

namespace LicenseKit.AspNetCore.Tests.NativeAot;

/// <summary>
/// Publishes tests/LicenseKit.AspNetCore.AotHost with Native AOT (clang and zlib1g-dev needed) and runs the seed's
/// create → activate → validate flow against the native binary as a real process. Slow (a native publish), so it runs
/// only when asked for: <c>dotnet test tests/LicenseKit.AspNetCore.Tests --filter TestCategory=NativeAot</c>, a step of
/// its own in .ci/run.
/// </summary>
[Explicit("Publishes a native binary; run with --filter TestCategory=NativeAot.")]
[Category("NativeAot")]
public sealed class NativeAotHostTests
{
    [Test]
    public async Task PublishedNativeHost_WithoutTrimOrAotWarnings_AnswersTheSeedFlow()
    {
        var output = Directory.CreateTempSubdirectory("licensekit-aot-");
        try
        {
            var stopwatch = Stopwatch.StartNew();
            var (exitCode, log) = await ProcessRunner.RunAsync("dotnet", "publish", Path.Combine(ProcessRunner.RepositoryRoot(), "tests", "LicenseKit.AspNetCore.AotHost"), "-c", "Release", "-o", output.FullName);
            TestContext.Out.WriteLine($"Native AOT publish took {stopwatch.Elapsed.TotalSeconds:F0} s.");
            exitCode.Should().Be(0, log);
            log.Should().NotContainAny(["warning IL", "warning AOT"], "LicenseKit.AspNetCore must stay trimming and AOT safe");

            var port = FreePort();
            using var host = Process.Start(new ProcessStartInfo(Path.Combine(output.FullName, "LicenseKit.AspNetCore.AotHost"))
            {
                WorkingDirectory = output.FullName,
                Environment = { ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}" },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            })!;
            var hostLog = new System.Collections.Concurrent.ConcurrentQueue<string>();
            host.OutputDataReceived += (_, e) => hostLog.Enqueue(e.Data ?? string.Empty);
            host.ErrorDataReceived += (_, e) => hostLog.Enqueue(e.Data ?? string.Empty);
            host.BeginOutputReadLine();
            host.BeginErrorReadLine();
            try
            {
                using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
                await WaitUntilListeningAsync(http, host, hostLog);
                await RunSeedFlowAsync(http);
            }
            finally
            {
                if (!host.HasExited)
                {
                    host.Kill();
                }

                await host.WaitForExitAsync();
            }
        }
        finally
        {
            output.Delete(recursive: true);
        }
    }

    private static async Task RunSeedFlowAsync(HttpClient http)
    {
        var created = await http.PostAsync("/licenses", TestApi.Json("""{"product_id":"prod_hyQQhhNzfEuvv","customer_id":"cust_3r2FgHXp9","activations_limit":3,"duration_hours":720}"""));
        created.StatusCode.Should().Be(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var license = await created.ReadJsonAsync();
        var key = license.GetProperty("key").GetString();
        license.GetProperty("status").GetString().Should().Be("ACTIVE");

        var activated = await http.PostAsync("/licenses/activate", TestApi.Json($$"""{"license_key":"{{key}}","name":"build-agent-01","fingerprint":"fp-7f3a"}"""));
        activated.StatusCode.Should().Be(HttpStatusCode.OK, await activated.Content.ReadAsStringAsync());
        var instanceId = (await activated.ReadJsonAsync()).GetProperty("id").GetString();

        var validated = await (await http.PostAsync("/licenses/validate", TestApi.Json($$"""{"license_key":"{{key}}","license_key_instance_id":"{{instanceId}}"}"""))).ReadJsonAsync();
        validated.GetProperty("valid").GetBoolean().Should().BeTrue();
        validated.GetProperty("code").GetString().Should().Be("VALID");
        validated.GetProperty("license").GetProperty("instances_count").GetInt32().Should().Be(1);

        var refused = await http.PostAsync("/licenses/validate", TestApi.Json("""{"\ud800":1}"""));
        (await refused.ShouldBeProblemAsync(HttpStatusCode.BadRequest, LicenseHttpErrorCodes.InvalidJson)).ValueKind.Should().Be(JsonValueKind.Object);
    }

    private static async Task WaitUntilListeningAsync(HttpClient http, Process host, IEnumerable<string> hostLog)
    {
        for (var attempt = 0; attempt < 300 && !host.HasExited; attempt++)
        {
            try
            {
                await http.GetAsync("/licenses/unknown");
                return;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(100);
            }
        }

        Assert.Fail($"The native host did not start listening (exited: {host.HasExited}):{Environment.NewLine}{string.Join(Environment.NewLine, hostLog)}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
