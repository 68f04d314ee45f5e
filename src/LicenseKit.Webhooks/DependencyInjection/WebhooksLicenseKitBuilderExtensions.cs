using LicenseKit;
using LicenseKit.Webhooks.Internal;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Opts a LicenseKit host in to signed webhooks.</summary>
public static class WebhooksLicenseKitBuilderExtensions
{
    /// <summary>
    /// Registers <see cref="LicenseWebhookSender"/>, as itself and as an <see cref="ILicenseEventHandler"/>, so each
    /// license event the event dispatcher delivers (<c>AddEventDispatcher()</c>, retried with the same <c>webhook-id</c>
    /// until it lands or is parked) is posted to the configured endpoints, signed per the Standard Webhooks specification, through a
    /// named <see cref="HttpClient"/> (<see cref="LicenseWebhookSender.HttpClientName"/>) with a total timeout, retries
    /// with exponential backoff and jitter, and a per-attempt timeout. Options are validated at startup. Calling it again
    /// only applies the extra configuration.
    /// </summary>
    /// <param name="builder">The LicenseKit builder.</param>
    /// <param name="configure">Adds the endpoints and optionally tunes retries and timeouts.</param>
    /// <returns>The builder.</returns>
    public static LicenseKitBuilder AddWebhooks(this LicenseKitBuilder builder, Action<WebhookOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        var services = builder.Services;
        services.AddOptions<WebhookOptions>().Configure(configure).ValidateOnStart();
        if (services.Any(d => d.ServiceType == typeof(LicenseWebhookSender)))
        {
            return builder;
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WebhookOptions>, WebhookOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddTransient(sp => new WebhookSigningHandler(sp.GetRequiredService<TimeProvider>()));
        services.AddHttpClient(LicenseWebhookSender.HttpClientName)
            // The pipeline's TotalTimeout bounds a delivery; HttpClient's own 100 s default would cut a longer one short.
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan)
            // The Standard Webhooks specification counts a redirect as a failure: the receiver should fix its URL.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false })
            .AddResilienceHandler("delivery", ConfigureDelivery);
        // Added after the resilience handler, so it runs inside it: once per attempt.
        services.AddHttpClient(LicenseWebhookSender.HttpClientName).AddHttpMessageHandler<WebhookSigningHandler>();
        services.TryAddSingleton(sp => new LicenseWebhookSender(
            sp.GetRequiredService<IHttpClientFactory>(),
            sp.GetRequiredService<IOptions<WebhookOptions>>(),
            sp.GetService<ILoggerFactory>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ILicenseEventHandler, LicenseWebhookSender>(sp => sp.GetRequiredService<LicenseWebhookSender>()));
        return builder;
    }

    private static void ConfigureDelivery(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, ResilienceHandlerContext context)
    {
        var options = context.ServiceProvider.GetRequiredService<IOptions<WebhookOptions>>().Value;
        // Network waits run on real time even when the host's TimeProvider is a test clock; only the signed timestamps
        // follow the host's clock.
        pipeline.TimeProvider = TimeProvider.System;
        pipeline.AddTimeout(options.TotalTimeout);
        if (options.MaxRetryAttempts > 0)
        {
            pipeline.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetryAttempts,
                Delay = options.RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldRetryAfterHeader = true,
            });
        }

        pipeline.AddTimeout(options.AttemptTimeout);
    }
}
