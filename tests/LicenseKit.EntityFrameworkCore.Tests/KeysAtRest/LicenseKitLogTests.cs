using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Npgsql;

namespace LicenseKit.EntityFrameworkCore.Tests.KeysAtRest;

/// <summary>
/// Every log line written while keys are issued, duplicated, replayed, conflicted, activated and validated (LicenseKit,
/// EF Core and the database driver at their default non-sensitive settings, everything at Trace) holds no license key and
/// no idempotency key: not in the message, a state value, a scope or an exception.
/// </summary>
[TestFixture]
public sealed class LicenseKitLogTests
{
    [TestCase("sqlite")]
    [TestCase("postgres")]
    public async Task Logs_OfEveryKeyScenario_HoldNoKeyAndNoIdempotencyKey(string provider)
    {
        await using var database = provider == "sqlite" ? await TestDatabase.CreateSqliteAsync() : await TestDatabase.CreatePostgresAsync();
        await using var host = KeysAtRestHost.Create(
            database,
            [("s1", 1)],
            configure: services =>
            {
                services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddFakeLogging());
                // Npgsql logs through the logger factory of its data source, as a host wires it (AddNpgsqlDataSource does the same).
                services.AddSingleton(sp => new NpgsqlDataSourceBuilder(database.ConnectionString).UseLoggerFactory(sp.GetRequiredService<ILoggerFactory>()).Build());
            },
            configureContext: provider == "sqlite" ? null : (sp, o) => o.UseNpgsql(sp.GetRequiredService<NpgsqlDataSource>()));
        var collector = host.GetRequiredService<FakeLogCollector>();
        var secrets = new List<string>();
        string Secret(string prefix)
        {
            var value = prefix + "-" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();
            secrets.Add(value);
            return value;
        }

        for (var i = 0; i < 3; i++)
        {
            var custom = Secret("LOG-CUSTOM-" + i.ToString(CultureInfo.InvariantCulture));
            var idempotencyKey = Secret("idem-log");
            (await IssueAsync(host, custom, idempotencyKey)).Succeeded.Should().BeTrue();
            (await IssueAsync(host, custom, idempotencyKey)).Succeeded.Should().BeTrue("an identical retry replays");
            (await IssueAsync(host, "  " + custom.ToLowerInvariant() + " ", null)).Error!.Code.Should().Be(LicenseErrorCodes.DuplicateKey);
            (await IssueAsync(host, custom + "-OTHER", idempotencyKey)).Error!.Code.Should().Be(LicenseErrorCodes.IdempotencyKeyConflict);

            var generated = await IssueAsync(host, null, Secret("idem-generated"));
            generated.Succeeded.Should().BeTrue();
            secrets.Add(generated.Value!.Key);

            foreach (var key in new[] { custom, generated.Value.Key })
            {
                await using var scope = host.CreateAsyncScope();
                var activator = scope.ServiceProvider.GetRequiredService<ILicenseActivator>();
                (await activator.ActivateAsync(new ActivateLicenseRequest { LicenseKey = key.ToLowerInvariant(), Name = "pc", Fingerprint = "fp-log" })).Succeeded.Should().BeTrue();
                (await activator.ValidateAsync(new ValidateLicenseRequest { LicenseKey = key, Fingerprint = "fp-log" })).Code.Should().Be(LicenseValidationCode.Valid);
                (await activator.ValidateAsync(new ValidateLicenseRequest { LicenseKey = key, Fingerprint = "fp-unknown" })).Code.Should().Be(LicenseValidationCode.InstanceNotFound);
            }

            await using (var scope = host.CreateAsyncScope())
            {
                var activator = scope.ServiceProvider.GetRequiredService<ILicenseActivator>();
                var unknown = Secret("LOG-UNKNOWN");
                (await activator.ValidateAsync(new ValidateLicenseRequest { LicenseKey = unknown })).Code.Should().Be(LicenseValidationCode.NotFound);
                (await activator.ActivateAsync(new ActivateLicenseRequest { LicenseKey = unknown, Name = "pc" })).Error!.Code.Should().Be(LicenseErrorCodes.LicenseKeyNotFound);
            }
        }

        var records = collector.GetSnapshot();
        records.Should().Contain(r => r.Category!.StartsWith("LicenseKit", StringComparison.Ordinal), "LicenseKit's own lines are captured");
        records.Should().Contain(r => r.Category == "Microsoft.EntityFrameworkCore.Database.Connection", "EF Core's lines are captured");
        if (provider == "postgres")
        {
            records.Should().Contain(r => r.Category!.StartsWith("Npgsql", StringComparison.Ordinal), "Npgsql's lines are captured");
        }

        LogLeaks.Find(records, secrets).Should().BeEmpty();
    }

    private static async Task<LicenseResult<License>> IssueAsync(ServiceProvider host, string? key, string? idempotencyKey)
    {
        await using var scope = host.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ILicenseIssuer>().IssueAsync(
            new IssueLicenseRequest { ProductId = "prod_log", CustomerId = "cust_log", ActivationsLimit = 5, Key = key, IdempotencyKey = idempotencyKey });
    }
}
