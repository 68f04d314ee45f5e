using System.Globalization;
using System.Net;
using LicenseKit.AspNetCore.Tests.Infrastructure;
using LicenseKit.EntityFrameworkCore.Tests.KeysAtRest;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace LicenseKit.AspNetCore.Tests.Samples;

/// <summary>
/// Through the sample's HTTP endpoints, every log line of the host (ASP.NET Core, LicenseKit, EF Core, Npgsql; all
/// categories at Trace, whatever the sample's appsettings filter) holds no license key and no idempotency key after
/// issuing, replays, duplicate keys, idempotency conflicts, activation and validation of known and unknown keys.
/// </summary>
[TestFixture(SampleStore.Sqlite)]
[TestFixture(SampleStore.Postgres)]
public sealed class SampleLogTests(SampleStore store)
{
    [Test]
    public async Task HostLogs_OfEveryKeyScenario_HoldNoKeyAndNoIdempotencyKey()
    {
        await using var sample = await SampleHost.StartAsync(store, configure: host => host.ConfigureLogging(logging => logging
            .AddFakeLogging()
            .AddFilter<FakeLoggerProvider>(category: null, LogLevel.Trace)));
        using var admin = sample.Client("sk_test_acme");
        using var app = sample.Client("pk_test_acme");
        var secrets = new List<string>();
        string Secret(string prefix)
        {
            var value = prefix + "-" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();
            secrets.Add(value);
            return value;
        }

        for (var i = 0; i < 2; i++)
        {
            var custom = Secret("HTTP-LOG-" + i.ToString(CultureInfo.InvariantCulture));
            var idempotencyKey = Secret("idem-http");
            (await CreateAsync(admin, custom, idempotencyKey)).StatusCode.Should().Be(HttpStatusCode.Created);
            (await CreateAsync(admin, custom, idempotencyKey)).StatusCode.Should().Be(HttpStatusCode.Created, "an identical retry replays");
            (await CreateAsync(admin, custom.ToLowerInvariant(), null)).StatusCode.Should().Be(HttpStatusCode.Conflict);
            (await CreateAsync(admin, custom + "-OTHER", idempotencyKey)).StatusCode.Should().Be(HttpStatusCode.Conflict);
            var generated = await CreateAsync(admin, null, Secret("idem-http-generated"));
            var generatedKey = (await generated.ReadJsonAsync()).GetProperty("key").GetString()!;
            secrets.Add(generatedKey);

            foreach (var key in new[] { custom, generatedKey })
            {
                (await app.PostAsync("/licenses/activate", TestApi.Json($$"""{"license_key":"{{key.ToLowerInvariant()}}","name":"pc","fingerprint":"fp-http"}"""))).StatusCode.Should().Be(HttpStatusCode.OK);
                var validated = await (await app.PostAsync("/licenses/validate", TestApi.Json($$"""{"license_key":"{{key}}","fingerprint":"fp-http"}"""))).ReadJsonAsync();
                validated.GetProperty("code").GetString().Should().Be("VALID");
            }

            var unknown = Secret("HTTP-UNKNOWN");
            (await (await app.PostAsync("/licenses/validate", TestApi.Json($$"""{"license_key":"{{unknown}}"}"""))).ReadJsonAsync()).GetProperty("code").GetString().Should().Be("NOT_FOUND");
            (await app.PostAsync("/licenses/activate", TestApi.Json($$"""{"license_key":"{{unknown}}","name":"pc"}"""))).StatusCode.Should().Be(HttpStatusCode.NotFound);
        }

        var records = sample.Factory.Services.GetRequiredService<FakeLogCollector>().GetSnapshot();
        records.Should().Contain(r => r.Category!.StartsWith("Microsoft.AspNetCore.Hosting", StringComparison.Ordinal), "the host's request lines are captured");
        records.Should().Contain(r => r.Category!.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal), "EF Core's lines are captured");
        if (store == SampleStore.Postgres)
        {
            records.Should().Contain(r => r.Category!.StartsWith("Npgsql", StringComparison.Ordinal), "Npgsql's lines are captured");
        }

        LogLeaks.Find(records, secrets).Should().BeEmpty();
    }

    private static async Task<HttpResponseMessage> CreateAsync(HttpClient admin, string? key, string? idempotencyKey)
    {
        var keyField = key is null ? string.Empty : $$""","key":"{{key}}" """.TrimEnd();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/licenses")
        {
            Content = TestApi.Json($$"""{"product_id":"prod_log","customer_id":"cust_log","activations_limit":5{{keyField}}}"""),
        };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return await admin.SendAsync(request);
    }
}
