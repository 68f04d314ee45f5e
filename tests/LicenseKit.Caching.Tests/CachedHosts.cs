using LicenseKit.Stores;
using LicenseKit.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace LicenseKit.Caching.Tests;

/// <summary>Builds LicenseKit test hosts that share one store ("the database"), with or without the cache.</summary>
internal static class CachedHosts
{
    /// <summary>A host with the cache over <paramref name="store"/> (its own store when null).</summary>
    public static LicenseKitTestHost Create(InMemoryLicenseStore? store = null, Action<LicenseCacheOptions>? configure = null, Action<LicenseKitOptions>? options = null) =>
        LicenseKitTestHost.Create(
            configureOptions: options,
            configure: builder =>
            {
                if (store is not null)
                {
                    builder.UseStore(store);
                }

                builder.AddLicenseCache(configure);
            });

    /// <summary>Issues a license on <paramref name="host"/> and returns it.</summary>
    public static async Task<License> IssueAsync(this LicenseKitTestHost host, int? activationsLimit = null, int? durationHours = null, string productId = "prod_cache")
    {
        var result = await host.Issuer.IssueAsync(new IssueLicenseRequest
        {
            ProductId = productId,
            CustomerId = "cust_cache",
            ActivationsLimit = activationsLimit,
            DurationHours = durationHours,
        });
        result.Succeeded.Should().BeTrue();
        return result.Value!;
    }

    /// <summary>Validates <paramref name="key"/> on <paramref name="host"/>.</summary>
    public static Task<LicenseValidationResult> ValidateAsync(this LicenseKitTestHost host, string key, string? instanceId = null, IReadOnlyList<string>? entitlements = null) =>
        host.Activator.ValidateAsync(new ValidateLicenseRequest { LicenseKey = key, LicenseKeyInstanceId = instanceId, Entitlements = entitlements });
}
