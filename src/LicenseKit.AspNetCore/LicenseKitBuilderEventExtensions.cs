using LicenseKit;
using LicenseKit.Internal;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Runs the delivery of recorded license events in an ASP.NET Core (or any generic) host.</summary>
public static class LicenseKitBuilderEventExtensions
{
    /// <summary>
    /// Adds a hosted service that delivers the events the store records with each write to the registered
    /// <see cref="ILicenseEventHandler"/>s (and so to <c>AddWebhooks()</c>): at least once, in order per license, with
    /// retries, exponential backoff with jitter, parking after <see cref="LicenseEventDeliveryOptions.MaxAttempts"/>, and
    /// pruning after <see cref="LicenseEventDeliveryOptions.Retention"/>. Several hosts on one PostgreSQL database share
    /// the work; on SQLite one writer at a time serializes the claims. Calling it again only applies the extra configuration.
    /// </summary>
    /// <param name="builder">The LicenseKit builder.</param>
    /// <param name="configure">Optionally tunes the delivery.</param>
    /// <returns>The builder.</returns>
    public static LicenseKitBuilder AddEventDispatcher(this LicenseKitBuilder builder, Action<LicenseEventDeliveryOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (configure is not null)
        {
            builder.Services.Configure(configure);
        }

        if (!builder.Services.Any(d => d.ImplementationType == typeof(LicenseEventDispatcherService)))
        {
            builder.Services.AddHostedService<LicenseEventDispatcherService>();
        }

        return builder;
    }
}
