using System.Net;
using LicenseKit.AspNetCore.Tests.Infrastructure;

namespace LicenseKit.AspNetCore.Tests.Samples;

/// <summary>
/// The sample host as it ships: its API-key scheme and policies, its rate limiter, and the EF Core store on each
/// database, whose schema comes from the committed migrations.
/// </summary>
[TestFixture(SampleStore.Sqlite)]
[TestFixture(SampleStore.Postgres)]
public sealed class SampleApiTests(SampleStore store)
{
    private SampleHost _sample = null!;

    [SetUp]
    public async Task SetUp() => _sample = await SampleHost.StartAsync(store);

    [TearDown]
    public async Task TearDown()
    {
        // Without a PostgreSQL server the set-up ignores the PostgreSQL fixture before a host exists.
        if (_sample is not null)
        {
            await _sample.DisposeAsync();
        }
    }

    [Test]
    public async Task Sample_CreateActivateValidate_WorksOnTheMigratedDatabase()
    {
        using var admin = _sample.Client("sk_test_acme");
        using var app = _sample.Client("pk_test_acme");

        var created = await admin.PostAsync("/licenses", TestApi.Json("""{"product_id":"prod_hyQQhhNzfEuvv","customer_id":"cust_3r2FgHXp9","activations_limit":3,"duration_hours":720}"""));
        var license = await created.ReadJsonAsync();
        var key = license.GetProperty("key").GetString();
        var activated = await app.PostAsync("/licenses/activate", TestApi.Json($$"""{"license_key":"{{key}}","name":"build-agent-01","fingerprint":"fp-7f3a"}"""));
        var instanceId = (await activated.ReadJsonAsync()).GetProperty("id").GetString();
        var validated = await (await app.PostAsync("/licenses/validate", TestApi.Json($$"""{"license_key":"{{key}}","license_key_instance_id":"{{instanceId}}"}"""))).ReadJsonAsync();

        created.StatusCode.Should().Be(HttpStatusCode.Created);
        license.GetProperty("business_id").GetString().Should().Be("biz_345TUESrCDPvrb");
        activated.StatusCode.Should().Be(HttpStatusCode.OK);
        validated.GetProperty("code").GetString().Should().Be("VALID");
        validated.GetProperty("license").GetProperty("instances_count").GetInt32().Should().Be(1);
    }

    [Test]
    public async Task Sample_ApiKeys_SeparateSecretPublishableAndOtherBusinesses()
    {
        using var admin = _sample.Client("sk_test_acme");
        using var publishable = _sample.Client("pk_test_acme");
        using var otherBusiness = _sample.Client("sk_test_globex");
        using var unknown = _sample.Client("sk_live_guess");
        using var anonymous = _sample.Client(null);
        var id = (await (await admin.PostAsync("/licenses", TestApi.Json("""{"product_id":"p","customer_id":"c"}"""))).ReadJsonAsync()).GetProperty("id").GetString();

        (await anonymous.GetAsync("/licenses")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await unknown.GetAsync("/licenses")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await publishable.GetAsync("/licenses")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await admin.GetAsync($"/licenses/{id}")).StatusCode.Should().Be(HttpStatusCode.OK);
        await (await otherBusiness.GetAsync($"/licenses/{id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, LicenseErrorCodes.LicenseNotFound);
    }

    [Test]
    public async Task Sample_ActivationRace_On200ParallelRequestsAgainstLimit25_ActivatesExactly25()
    {
        using var admin = _sample.Client("sk_test_acme");
        using var app = _sample.Client("pk_test_acme");
        var license = await (await admin.PostAsync("/licenses", TestApi.Json("""{"product_id":"p","customer_id":"c","activations_limit":25}"""))).ReadJsonAsync();
        var key = license.GetProperty("key").GetString();
        var statuses = new System.Collections.Concurrent.ConcurrentBag<HttpStatusCode>();

        await Parallel.ForEachAsync(Enumerable.Range(0, 200), new ParallelOptions { MaxDegreeOfParallelism = 50 }, async (i, ct) =>
            statuses.Add((await app.PostAsync("/licenses/activate", TestApi.Json($$"""{"license_key":"{{key}}","name":"seat-{{i}}"}"""), ct)).StatusCode));

        statuses.Count(s => s == HttpStatusCode.OK).Should().Be(25);
        statuses.Count(s => s == HttpStatusCode.UnprocessableEntity).Should().Be(175);
        var instances = await (await admin.GetAsync($"/licenses/{license.GetProperty("id").GetString()}/instances")).ReadJsonAsync();
        instances.GetProperty("items").GetArrayLength().Should().Be(25);
    }
}
