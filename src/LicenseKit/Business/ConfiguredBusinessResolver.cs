using Microsoft.Extensions.Options;

namespace LicenseKit;

/// <summary>The default <see cref="ILicenseBusinessResolver"/>: the single business configured in <see cref="LicenseKitOptions.BusinessId"/>.</summary>
public sealed class ConfiguredBusinessResolver : ILicenseBusinessResolver
{
    private readonly IOptionsMonitor<LicenseKitOptions> _options;

    /// <summary>Creates the resolver.</summary>
    /// <param name="options">The LicenseKit options.</param>
    public ConfiguredBusinessResolver(IOptionsMonitor<LicenseKitOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
    }

    /// <inheritdoc />
    /// <exception cref="InvalidOperationException">No business id is configured: a host configuration error.</exception>
    public ValueTask<string> GetBusinessIdAsync(CancellationToken cancellationToken = default)
    {
        var businessId = _options.CurrentValue.BusinessId;
        return string.IsNullOrWhiteSpace(businessId)
            ? throw new InvalidOperationException(
                "No business is configured. Set LicenseKitOptions.BusinessId in AddLicenseKit(o => o.BusinessId = \"biz_…\"), or register a per-request resolver with AddLicenseKit().UseBusinessResolver<T>().")
            : ValueTask.FromResult(businessId);
    }
}
