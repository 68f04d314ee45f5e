using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LicenseKit.EntityFrameworkCore.Tests.KeysAtRest;

/// <summary>A LicenseKit host on the EF store of a test database, with chosen hashing secrets and optionally a protector.</summary>
internal static class KeysAtRestHost
{
    public const string BusinessId = "biz_keys_at_rest";

    public static ServiceProvider Create(TestDatabase database, IReadOnlyList<(string Id, byte Seed)> secrets, string? currentSecretId = null, ILicenseKeyProtector? protector = null, Action<IServiceCollection>? configure = null, Action<IServiceProvider, DbContextOptionsBuilder>? configureContext = null)
    {
        var services = new ServiceCollection();
        configure?.Invoke(services);
        services.AddDbContext<TestDbContext>(configureContext ?? ((_, o) => database.Configure(o)));
        var builder = services.AddLicenseKit(o =>
        {
            o.BusinessId = BusinessId;
            foreach (var (id, seed) in secrets)
            {
                o.KeyHashing.Secrets[id] = Convert.ToBase64String(Enumerable.Repeat(seed, 32).ToArray());
            }

            o.KeyHashing.CurrentSecretId = currentSecretId;
        }).UseEntityFrameworkCore<TestDbContext>();
        if (protector is not null)
        {
            services.AddSingleton(protector);
        }

        return services.BuildServiceProvider(validateScopes: true);
    }

    /// <summary>Every cell of every LicenseKit table, as text.</summary>
    public static async Task<List<string>> DumpAsync(TestDatabase database)
    {
        var cells = new List<string>();
        await using var context = database.CreateContext();
        var connection = context.Database.GetDbConnection();
        await connection.OpenAsync();
        foreach (var table in new[] { LicenseKitModelBuilderExtensions.LicensesTable, LicenseKitModelBuilderExtensions.InstancesTable, LicenseKitModelBuilderExtensions.IdempotencyTable })
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM {table}";
            await using DbDataReader reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    cells.Add(Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty);
                }
            }
        }

        return cells;
    }

    /// <summary>Whether any cell holds <paramref name="secret"/> in any case, as typed or normalized.</summary>
    public static bool Leaks(IEnumerable<string> cells, string secret)
    {
        var normalized = LicenseKeyNormalizer.Normalize(secret);
        return cells.Any(c => c.Contains(secret.Trim(), StringComparison.OrdinalIgnoreCase) || c.Contains(normalized, StringComparison.OrdinalIgnoreCase));
    }
}
