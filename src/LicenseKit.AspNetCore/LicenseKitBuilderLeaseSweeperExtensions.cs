using LicenseKit;
using LicenseKit.Internal;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the hosted sweeper of lapsed floating-seat leases to <see cref="LicenseKitBuilder"/>.</summary>
public static class LicenseKitBuilderLeaseSweeperExtensions
{
    /// <summary>
    /// Runs <see cref="ILicenseLeaseSweeper"/> in the background every <see cref="LicenseLeaseSweeperOptions.Interval"/>:
    /// instances whose lease lapsed are removed and reported as <see cref="LicenseDeactivated"/> with
    /// <see cref="LicenseDeactivationReason.LeaseExpired"/>. Optional: a lapsed lease stops counting at once without it; it
    /// keeps <c>instances_count</c> and instance lists current and tells event handlers. Safe on several hosts at once.
    /// </summary>
    /// <param name="builder">The LicenseKit builder.</param>
    /// <param name="configure">Sets the options, or <see langword="null"/> for the defaults.</param>
    /// <returns>The builder.</returns>
    public static LicenseKitBuilder AddLeaseSweeper(this LicenseKitBuilder builder, Action<LicenseLeaseSweeperOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.Services.AddOptions<LicenseLeaseSweeperOptions>().ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        builder.Services.AddSingleton<IValidateOptions<LicenseLeaseSweeperOptions>, LicenseLeaseSweeperOptionsValidator>();
        builder.Services.AddHostedService<LicenseLeaseSweeperService>();
        return builder;
    }
}
