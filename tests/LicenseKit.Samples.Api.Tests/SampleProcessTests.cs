using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace LicenseKit.Samples.Api.Tests;

/// <summary>
/// The sample as a deployed service: a real process on Kestrel, its own PostgreSQL cluster crashed and started again
/// under it, and the sample started before its database.
/// </summary>
[NonParallelizable]
public sealed class SampleProcessTests : PrivatePostgresFixture
{
    private const int RetryAfterSeconds = 3;

    // Short retries so a request meets its 503 within seconds; the shipped appsettings.json supplies the API keys.
    private static readonly Dictionary<string, string> Settings = new()
    {
        ["Database:MaxPoolSize"] = "10",
        ["Database:ConnectTimeoutSeconds"] = "2",
        ["Database:MaxRetryCount"] = "2",
        ["Database:MaxRetryDelaySeconds"] = "1",
        ["Database:RetryAfterSeconds"] = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Database:StartupTimeoutSeconds"] = "60",
        ["RateLimiting:ActivationPermitsPerMinute"] = "1000000",
    };

    [Test]
    public async Task DatabaseCrashedMidTraffic_Answers503WithRetryAfter_ThenRecoversWithoutRestartingTheSample()
    {
        await using var sample = SampleProcess.Start(Postgres.ConnectionStringFor("sample_outage"), Settings);
        using var http = new HttpClient { BaseAddress = sample.Address, Timeout = TimeSpan.FromSeconds(20) };
        await sample.WaitUntilHealthyAsync(http, TimeSpan.FromSeconds(40));
        var processId = sample.Id;
        var key = await CreateLicenseAsync(http);

        var outcomes = new ConcurrentQueue<Outcome>();
        var phase = (int)Phase.Up;
        using var stop = new CancellationTokenSource();
        var traffic = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                // Each outcome is filed under the phase in which its answer arrived.
                var outcome = await ValidateAsync(http, key);
                outcomes.Enqueue(outcome with { Phase = (Phase)Volatile.Read(ref phase) });
            }
        })).ToArray();

        await WaitForAsync(() => outcomes.Count(o => o.Phase == Phase.Up) >= 20, "traffic before the crash", sample);
        Volatile.Write(ref phase, (int)Phase.Down);
        await Postgres.CrashAsync();
        await WaitForAsync(() => outcomes.Any(o => o.Phase == Phase.Down && o.Status == HttpStatusCode.ServiceUnavailable), "a 503 while the database is down", sample);
        await Postgres.StartAgainAsync();
        Volatile.Write(ref phase, (int)Phase.Back);
        await WaitForAsync(() => outcomes.Count(o => o.Phase == Phase.Back && o.Status == HttpStatusCode.OK) >= 20, "200s after the restart", sample);
        await stop.CancelAsync();
        await Task.WhenAll(traffic);

        var all = outcomes.ToList();
        foreach (var group in all.GroupBy(o => (o.Phase, o.Status)).OrderBy(g => g.Key))
        {
            await TestContext.Out.WriteLineAsync($"{group.Key.Phase}: {group.Count()} × {(int)group.Key.Status}");
        }

        all.Where(o => o.Phase == Phase.Up).Should().OnlyContain(o => o.Status == HttpStatusCode.OK && o.Valid);
        all.Should().OnlyContain(o => o.Status == HttpStatusCode.OK || o.Status == HttpStatusCode.ServiceUnavailable, "no request may see a 500");
        all.Where(o => o.Status == HttpStatusCode.ServiceUnavailable).Should().OnlyContain(o =>
            o.RetryAfter == TimeSpan.FromSeconds(RetryAfterSeconds) && o.MediaType == "application/problem+json" && o.Code == "DATABASE_UNAVAILABLE");
        all.Where(o => o.Status == HttpStatusCode.OK).Should().OnlyContain(o => o.Valid);
        (await http.GetAsync("/healthz")).StatusCode.Should().Be(HttpStatusCode.OK);
        sample.HasExited.Should().BeFalse();
        sample.Id.Should().Be(processId);
        sample.Log.Should().Contain("POST /licenses/validate answered 503: the database is unavailable");
    }

    [Test]
    public async Task StartedBeforeTheDatabase_WaitsAndBecomesHealthyOnceItComesUp()
    {
        await Postgres.CrashAsync();
        var restarted = false;
        try
        {
            await using var sample = SampleProcess.Start(Postgres.ConnectionStringFor("sample_late"), Settings);
            using var http = new HttpClient { BaseAddress = sample.Address, Timeout = TimeSpan.FromSeconds(10) };
            await sample.WaitForLogAsync("The license database is not reachable yet (attempt 2", TimeSpan.FromSeconds(30));
            sample.HasExited.Should().BeFalse();

            await Postgres.StartAgainAsync();
            restarted = true;
            await sample.WaitUntilHealthyAsync(http, TimeSpan.FromSeconds(40));

            sample.Log.Should().Contain("The license database answered on attempt");
            (await ValidateAsync(http, "NOPE")).Status.Should().Be(HttpStatusCode.OK, "the schema was migrated once the database came up");
        }
        finally
        {
            if (!restarted)
            {
                await Postgres.StartAgainAsync();
            }
        }
    }

    [Test]
    public async Task DatabaseNeverComes_StartUpGivesUpAfterItsTimeout_WithAFailingExitCode()
    {
        var nowhere = $"Host=127.0.0.1;Port={SampleProcess.FreePort()};Username=licenses;Password=unused;Database=licenses";
        // No in-request retries, so each start-up attempt fails at once and several fit in the start-up timeout.
        var settings = new Dictionary<string, string>(Settings) { ["Database:StartupTimeoutSeconds"] = "10", ["Database:MaxRetryCount"] = "0" };
        await using var sample = SampleProcess.Start(nowhere, settings);

        var exitCode = await sample.WaitForExitAsync(TimeSpan.FromSeconds(50));

        exitCode.Should().NotBe(0);
        sample.Log.Should().Contain("The license database is not reachable yet (attempt 1").And.Contain("retrying in 00:00:01")
            .And.Contain("Connection refused");
    }

    private static async Task<string> CreateLicenseAsync(HttpClient http)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/licenses") { Content = Json("""{"product_id":"prod_1","customer_id":"cust_1"}""") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "sk_test_acme");
        using var response = await http.SendAsync(request);
        response.StatusCode.Should().Be(HttpStatusCode.Created);
        using var license = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return license.RootElement.GetProperty("key").GetString()!;
    }

    private static async Task<Outcome> ValidateAsync(HttpClient http, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/licenses/validate") { Content = Json($$"""{"license_key":"{{key}}"}""") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "pk_test_acme");
        using var response = await http.SendAsync(request);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return new Outcome(
            response.StatusCode,
            response.Headers.RetryAfter?.Delta,
            response.Content.Headers.ContentType?.MediaType,
            body.RootElement.TryGetProperty("code", out var code) ? code.GetString() : null,
            body.RootElement.TryGetProperty("valid", out var valid) && valid.GetBoolean());
    }

    private static async Task WaitForAsync(Func<bool> condition, string what, SampleProcess sample)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!condition())
        {
            if (deadline.IsCancellationRequested)
            {
                Assert.Fail($"Timed out waiting for {what}. Sample log:\n{sample.Log}");
            }

            await Task.Delay(50, CancellationToken.None);
        }
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private enum Phase
    {
        Up,
        Down,
        Back,
    }

    private sealed record Outcome(HttpStatusCode Status, TimeSpan? RetryAfter, string? MediaType, string? Code, bool Valid)
    {
        /// <summary>Where the answer arrived: before the crash, while the database was down, or after its restart.</summary>
        public Phase Phase { get; init; }
    }
}
