using System.Net;
using LicenseKit.AspNetCore.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace LicenseKit.AspNetCore.Tests.Samples;

/// <summary>
/// The sample with <c>Caching:Enabled</c>: a validation of a known key is answered from memory (a change made behind
/// LicenseKit's back, straight in the database, is not seen), and a write through the API evicts it at once.
/// </summary>
[TestFixture]
public sealed class SampleCacheTests
{
    private SampleHost _sample = null!;

    [SetUp]
    public async Task SetUp() =>
        _sample = await SampleHost.StartAsync(SampleStore.Sqlite, new Dictionary<string, string> { ["Caching:Enabled"] = "true" });

    [TearDown]
    public async Task TearDown() => await _sample.DisposeAsync();

    [Test]
    public async Task Sample_WithCacheEnabled_ValidatesFromMemoryUntilAWriteEvicts()
    {
        using var admin = _sample.Client("sk_test_acme");
        using var app = _sample.Client("pk_test_acme");
        var license = await (await admin.PostAsync("/licenses", TestApi.Json("""{"product_id":"p","customer_id":"c"}"""))).ReadJsonAsync();
        var id = license.GetProperty("id").GetString();
        var body = $$"""{"license_key":"{{license.GetProperty("key").GetString()}}"}""";
        var first = await (await app.PostAsync("/licenses/validate", TestApi.Json(body))).ReadJsonAsync();

        await DisableBehindTheLibraryAsync(id!);
        var cached = await (await app.PostAsync("/licenses/validate", TestApi.Json(body))).ReadJsonAsync();
        var revoked = await admin.PatchAsync($"/licenses/{id}", TestApi.Json("""{"status":"REVOKED"}"""));
        var afterWrite = await (await app.PostAsync("/licenses/validate", TestApi.Json(body))).ReadJsonAsync();

        first.GetProperty("code").GetString().Should().Be("VALID");
        cached.GetProperty("code").GetString().Should().Be("VALID", "the first validation cached the license");
        revoked.StatusCode.Should().Be(HttpStatusCode.OK);
        afterWrite.GetProperty("code").GetString().Should().Be("REVOKED", "the write through the API evicted the cached license");
    }

    // An UPDATE straight in the sample's SQLite file, which the cache cannot know about.
    private async Task DisableBehindTheLibraryAsync(string id)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_sample.DatabasePath, "licenses.db")}");
        await connection.OpenAsync();
        await using var update = connection.CreateCommand();
        update.CommandText = "UPDATE licensekit_licenses SET status = 'DISABLED' WHERE id = $id";
        update.Parameters.AddWithValue("$id", id);
        (await update.ExecuteNonQueryAsync()).Should().Be(1);
    }
}
