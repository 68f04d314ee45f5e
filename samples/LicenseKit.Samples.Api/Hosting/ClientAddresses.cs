using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace LicenseKit.Samples.Api.Hosting;

/// <summary>
/// Behind a reverse proxy the connection's address is the proxy's. Trust <c>X-Forwarded-For</c>/<c>-Proto</c> from the
/// proxies listed under "ForwardedHeaders" (KnownProxies: addresses, KnownNetworks: CIDR ranges; loopback is always
/// trusted), so the rate limiter sees the client's address, and a client cannot spoof it by sending the header itself.
/// </summary>
internal static class ClientAddresses
{
    /// <summary>The configuration section that lists the trusted proxies.</summary>
    public const string SectionName = "ForwardedHeaders";

    /// <summary>Configures <see cref="ForwardedHeadersOptions"/> from the "ForwardedHeaders" section.</summary>
    public static IServiceCollection AddForwardedClientAddresses(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(SectionName);
        return services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in section.GetSection("KnownProxies").Get<string[]>() ?? [])
            {
                o.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in section.GetSection("KnownNetworks").Get<string[]>() ?? [])
            {
                o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
    }
}
