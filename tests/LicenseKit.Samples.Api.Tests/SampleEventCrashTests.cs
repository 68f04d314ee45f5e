using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace LicenseKit.Samples.Api.Tests;

/// <summary>
/// The sample killed (SIGKILL) after a write, while the event's webhook is in flight: the event was recorded with the
/// write, so the next process delivers it, with the same <c>webhook-id</c>, once the dead one's lease has run out. On a
/// SQLite file and on PostgreSQL.
/// </summary>
[NonParallelizable]
public sealed class SampleEventCrashTests : PrivatePostgresFixture
{
    [Test]
    public async Task KilledMidDelivery_OnPostgreSql_TheRestartedHostDeliversTheEventWithTheSameWebhookId() =>
        await KillAndRestartAsync(Postgres.ConnectionStringFor("sample_events"), new Dictionary<string, string>());

    [Test]
    public async Task KilledMidDelivery_OnASqliteFile_TheRestartedHostDeliversTheEventWithTheSameWebhookId()
    {
        var file = Path.Combine(Path.GetTempPath(), $"licensekit-events-{Guid.NewGuid():N}.db");
        try
        {
            await KillAndRestartAsync(string.Empty, new Dictionary<string, string> { ["ConnectionStrings:Sqlite"] = $"Data Source={file}" });
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static async Task KillAndRestartAsync(string postgres, Dictionary<string, string> settings)
    {
        await using var receiver = new WebhookListener();
        settings["Events:LeaseDuration"] = "00:00:04";
        settings["Events:PollInterval"] = "00:00:00.200";
        settings["Events:RetryDelay"] = "00:00:01";
        settings["Events:MaxRetryDelay"] = "00:00:02";
        settings["Webhooks:Endpoints:0:Name"] = "crm";
        settings["Webhooks:Endpoints:0:Url"] = receiver.Url;
        settings["Webhooks:Endpoints:0:Secrets:0"] = "whsec_" + Convert.ToBase64String(Encoding.UTF8.GetBytes("sample-events-crash-test-secret!"));
        settings["Webhooks:MaxRetryAttempts"] = "0";
        settings["Webhooks:AttemptTimeout"] = "00:00:30";
        settings["Webhooks:TotalTimeout"] = "00:00:30";

        string licenseId;
        var first = SampleProcess.Start(postgres, settings);
        try
        {
            using var http = new HttpClient { BaseAddress = first.Address, Timeout = TimeSpan.FromSeconds(20) };
            await first.WaitUntilHealthyAsync(http, TimeSpan.FromSeconds(60));
            licenseId = await CreateLicenseAsync(http);
            await receiver.FirstRequest.WaitAsync(TimeSpan.FromSeconds(30));
        }
        finally
        {
            await first.DisposeAsync(); // SIGKILL, while the delivery waits for the receiver
        }

        await using var second = SampleProcess.Start(postgres, settings);
        using var client = new HttpClient { BaseAddress = second.Address, Timeout = TimeSpan.FromSeconds(20) };
        await second.WaitUntilHealthyAsync(client, TimeSpan.FromSeconds(60));
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        JsonElement recorded;
        while (true)
        {
            recorded = await SingleEventAsync(client);
            if (recorded.GetProperty("state").GetString() == "DELIVERED" || deadline.IsCancellationRequested)
            {
                break;
            }

            await Task.Delay(200, CancellationToken.None);
        }

        recorded.GetProperty("state").GetString().Should().Be("DELIVERED", second.Log);
        recorded.GetProperty("license_id").GetString().Should().Be(licenseId);
        var eventId = recorded.GetProperty("id").GetString();
        receiver.Requests.Should().HaveCountGreaterThanOrEqualTo(2).And.OnlyContain(r => r.WebhookId == eventId);
        receiver.Requests[^1].Status.Should().Be(204);
        recorded.GetProperty("attempts").GetInt32().Should().BeGreaterThanOrEqualTo(2, "the killed host's claim counted as an attempt");
    }

    private static async Task<string> CreateLicenseAsync(HttpClient http)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/licenses") { Content = new StringContent("""{"product_id":"prod_1","customer_id":"cust_1"}""", Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "sk_test_acme");
        using var response = await http.SendAsync(request);
        response.StatusCode.Should().Be(HttpStatusCode.Created);
        using var license = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return license.RootElement.GetProperty("id").GetString()!;
    }

    private static async Task<JsonElement> SingleEventAsync(HttpClient http)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/licenses/events");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "sk_test_acme");
        using var response = await http.SendAsync(request);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        using var page = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return page.RootElement.GetProperty("items").EnumerateArray().Should().ContainSingle().Subject.Clone();
    }
}
