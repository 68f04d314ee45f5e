using System.Globalization;
using Microsoft.Extensions.DependencyInjection;

namespace LicenseKit.EntityFrameworkCore.Tests.KeysAtRest;

/// <summary>
/// PostgreSQL logs the value of every unique-index violation in a DETAIL line (default settings). With hashes stored, the
/// value is a hash: after 100 duplicate custom keys and 100 idempotency conflicts, the server log holds none of the keys.
/// </summary>
[TestFixture]
public sealed class PostgreSqlServerLogTests
{
    /// <summary>The folder of the test server (.ci/postgres.sh), whose server.log is the server's own log.</summary>
    public const string ServerDirectoryVariable = "LICENSEKIT_PG_DIR";

    [Test]
    public async Task ServerLog_AfterDuplicateKeysAndIdempotencyConflicts_HoldsNoKey()
    {
        await using var database = await TestDatabase.CreatePostgresAsync();
        var log = Path.Combine(Environment.GetEnvironmentVariable(ServerDirectoryVariable) ?? string.Empty, "server.log");
        if (!File.Exists(log))
        {
            Assert.Ignore($"{ServerDirectoryVariable} does not name the test server's folder; its server.log cannot be read.");
        }

        var start = new FileInfo(log).Length;
        await using var host = KeysAtRestHost.Create(database, [("s1", 1)]);
        var secrets = new List<string>();
        for (var i = 0; i < 100; i++)
        {
            var key = "LOGGED-CUSTOM-KEY-" + i.ToString("D4", CultureInfo.InvariantCulture) + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
            var idempotencyKey = "idem-logged-" + Guid.NewGuid().ToString("N");
            secrets.Add(key);
            secrets.Add(idempotencyKey);
            (await IssueAsync(host, key, idempotencyKey)).Succeeded.Should().BeTrue();
            (await IssueAsync(host, key.ToLowerInvariant(), null)).Error!.Code.Should().Be(LicenseErrorCodes.DuplicateKey);
            (await IssueAsync(host, key + "-OTHER", idempotencyKey)).Error!.Code.Should().Be(LicenseErrorCodes.IdempotencyKeyConflict);
        }

        var written = await ReadFromAsync(log, start);

        written.Should().Contain("duplicate key value violates unique constraint", "the scenario hit the unique indexes, whose DETAIL lines carry values");
        secrets.Where(s => written.Contains(s, StringComparison.OrdinalIgnoreCase)).Should().BeEmpty();
    }

    private static async Task<string> ReadFromAsync(string path, long offset)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        stream.Seek(offset, SeekOrigin.Begin);
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync();
    }

    private static async Task<LicenseResult<License>> IssueAsync(ServiceProvider host, string key, string? idempotencyKey)
    {
        await using var scope = host.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ILicenseIssuer>().IssueAsync(
            new IssueLicenseRequest { ProductId = "prod_log", CustomerId = "cust_log", Key = key, IdempotencyKey = idempotencyKey });
    }
}
