using Microsoft.Extensions.Options;

namespace LicenseKit;

/// <summary>
/// The default <see cref="ILicensePolicyProvider"/>: the policies of <see cref="LicenseKitOptions.Products"/>, bound from
/// <c>LicenseKit:Products:{product_id}</c>. The same product id has the same policy in every business; a multi-tenant
/// host with per-business catalogues registers its own provider with <c>AddLicenseKit().UsePolicyProvider&lt;T&gt;()</c>.
/// </summary>
public sealed class ConfiguredLicensePolicyProvider : ILicensePolicyProvider
{
    private readonly IOptionsMonitor<LicenseKitOptions> _options;
    private Snapshot? _snapshot;

    /// <summary>Creates the provider.</summary>
    /// <param name="options">The LicenseKit options.</param>
    public ConfiguredLicensePolicyProvider(IOptionsMonitor<LicenseKitOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
    }

    /// <inheritdoc />
    public ValueTask<LicensePolicy?> GetPolicyAsync(string businessId, string productId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(productId);
        return ValueTask.FromResult(Current().Policies.GetValueOrDefault(productId));
    }

    // Policies are built once per options instance: a configuration reload yields a new instance, and so new policies.
    private Snapshot Current()
    {
        var options = _options.CurrentValue;
        var snapshot = _snapshot;
        if (snapshot is null || !ReferenceEquals(snapshot.Options, options))
        {
            snapshot = new Snapshot(options, (options.Products ?? new Dictionary<string, LicensePolicyOptions>())
                .Where(p => p.Value is not null)
                .ToDictionary(p => p.Key, p => p.Value.ToPolicy(), StringComparer.Ordinal));
            _snapshot = snapshot;
        }

        return snapshot;
    }

    private sealed record Snapshot(LicenseKitOptions Options, Dictionary<string, LicensePolicy> Policies);
}
