using LicenseKit.Client;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers <see cref="LicenseClient"/> in a host's services.</summary>
public static class LicenseClientServiceCollectionExtensions
{
    /// <summary>The name of the <see cref="HttpClient"/> the license client sends with (<c>IHttpClientFactory.CreateClient(name)</c>).</summary>
    public const string HttpClientName = "LicenseKit.Client";

    /// <summary>
    /// Registers one <see cref="LicenseClient"/> (a singleton: it holds the license in memory and its refresh schedule)
    /// that sends every call through the named <see cref="HttpClient"/> <see cref="HttpClientName"/> from
    /// <c>IHttpClientFactory</c>, with the standard resilience handler: retries with exponential back-off and jitter on
    /// network errors, 408, 429 and 5xx, a per-attempt and a total timeout, a circuit breaker and a rate limiter. The
    /// client's clock is the registered <see cref="TimeProvider"/> unless the options name one. Safe to call twice.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the options: <see cref="LicenseClientOptions.ServerUrl"/>, <see cref="LicenseClientOptions.PublicKeys"/>, <see cref="LicenseClientOptions.ApplicationName"/>…</param>
    /// <param name="configureResilience">Tunes the standard resilience handler (retry count and delays, timeouts); its defaults when <see langword="null"/>.</param>
    /// <returns>The builder of the named client, to add handlers of the app's own (they run inside the resilience handler, once per attempt).</returns>
    public static IHttpClientBuilder AddLicenseKitClient(
        this IServiceCollection services, Action<LicenseClientOptions> configure, Action<HttpStandardResilienceOptions>? configureResilience = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);

        services.AddOptions<LicenseClientOptions>().Configure(configure);
        var http = services.AddHttpClient(HttpClientName);
        if (!services.Any(d => d.ServiceType == typeof(LicenseClient)))
        {
            var resilience = http.AddStandardResilienceHandler();
            if (configureResilience is not null)
            {
                resilience.Configure(configureResilience);
            }
        }

        services.TryAddSingleton(static provider =>
        {
            var options = provider.GetRequiredService<IOptions<LicenseClientOptions>>().Value;
            options.TimeProvider ??= provider.GetService<TimeProvider>();
            var factory = provider.GetRequiredService<IHttpClientFactory>();
            return new LicenseClient(options, () => factory.CreateClient(HttpClientName));
        });
        return http;
    }
}
