using System.Net;
using System.Threading.RateLimiting;
using LicenseKit.Samples.Api.Errors;
using Microsoft.AspNetCore.RateLimiting;

namespace LicenseKit.Samples.Api.Hosting;

/// <summary>
/// A budget of activation-group calls per client address and minute, counted in this process's memory: with N
/// processes behind a balancer a client may get up to N budgets. Over budget: a 429 problem with <c>Retry-After</c>.
/// </summary>
internal static class ActivationRateLimiting
{
    /// <summary>The policy name the activation group requires.</summary>
    public const string PolicyName = "activation";

    /// <summary>Registers the policy; "RateLimiting:ActivationPermitsPerMinute" sets the budget (default 60).</summary>
    public static IServiceCollection AddActivationRateLimiter(this IServiceCollection services, IConfiguration configuration)
    {
        var permits = configuration.GetValue("RateLimiting:ActivationPermitsPerMinute", 60);
        // Built once: the policy runs on every request, and a factory capturing the budget would be a new delegate each time.
        Func<IPAddress, FixedWindowRateLimiterOptions> budget = _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1) };
        return services.AddRateLimiter(o =>
        {
            o.AddPolicy(PolicyName, http => RateLimitPartition.GetFixedWindowLimiter(
                // The address after UseForwardedHeaders: the client's own behind a trusted proxy. The address itself is the
                // partition key, so a request formats no string for it.
                http.Connection.RemoteIpAddress ?? IPAddress.None,
                budget));
            o.OnRejected = (rejected, _) => RejectAsync(rejected);
        });
    }

    private static async ValueTask RejectAsync(OnRejectedContext rejected)
    {
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
        await SampleProblems.WriteRetryLaterAsync(
            rejected.HttpContext,
            StatusCodes.Status429TooManyRequests,
            SampleProblems.RateLimited,
            "Too many activation calls from this address.",
            retryAfter);
    }
}
