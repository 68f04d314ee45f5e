using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace LicenseKit.Internal;

/// <summary>
/// Resolves the caller's business before an endpoint runs. A resolver that cannot (<see cref="ClaimsBusinessResolver"/>
/// for a caller without the claim, e.g. an anonymous call to a group the host mapped without <c>RequireAuthorization</c>)
/// throws <see cref="InvalidOperationException"/>, as <see cref="ClaimsBusinessResolver"/> documents: that is a 401
/// problem for the caller, never a 500.
/// </summary>
internal static class BusinessResolutionFilter
{
    public static async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var resolver = http.RequestServices.GetRequiredService<ILicenseBusinessResolver>();
        try
        {
            await resolver.GetBusinessIdAsync(http.RequestAborted).ConfigureAwait(false);
        }
        catch (InvalidOperationException)
        {
            return Problems.From(http, Problems.Describer(http).BusinessNotResolved());
        }

        return await next(context).ConfigureAwait(false);
    }
}
