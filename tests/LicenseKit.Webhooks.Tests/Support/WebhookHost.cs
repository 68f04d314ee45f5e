using Microsoft.Extensions.DependencyInjection;

namespace LicenseKit.Webhooks.Tests.Support;

/// <summary>A LicenseKit host with webhooks, tuned for tests: short retry delays, the given clock, the in-memory store unless <c>store</c> picks another.</summary>
internal static class WebhookHost
{
    public static ServiceProvider Create(Action<WebhookOptions> configure, TimeProvider? time = null, Action<LicenseKitBuilder>? store = null)
    {
        var services = new ServiceCollection();
        var builder = services.AddLicenseKit(o => o.BusinessId = "biz_345TUESrCDPvrb");
        store?.Invoke(builder);
        builder.UseTimeProvider(time ?? TimeProvider.System)
            .AddWebhooks(o =>
            {
                o.RetryDelay = TimeSpan.FromMilliseconds(10);
                o.AttemptTimeout = TimeSpan.FromSeconds(10);
                configure(o);
            });
        return services.BuildServiceProvider(validateScopes: true);
    }

    public static WebhookEndpoint Endpoint(string name, string url, params string[] secrets)
    {
        var endpoint = new WebhookEndpoint { Name = name, Url = url };
        foreach (var secret in secrets.Length == 0 ? [TestSecrets.Current] : secrets)
        {
            endpoint.Secrets.Add(secret);
        }

        return endpoint;
    }
}
