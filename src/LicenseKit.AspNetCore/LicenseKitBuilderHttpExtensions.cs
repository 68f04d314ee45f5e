using LicenseKit;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>ASP.NET Core additions to <see cref="LicenseKitBuilder"/>.</summary>
public static class LicenseKitBuilderHttpExtensions
{
    /// <summary>
    /// Resolves the business of every operation from a claim of the authenticated caller (<see cref="ClaimsBusinessResolver"/>),
    /// so each API key or token acts for its own business and sees only its own licenses.
    /// </summary>
    /// <param name="builder">The LicenseKit builder.</param>
    /// <param name="claimType">The claim that holds the business id. Default <c>business_id</c>.</param>
    /// <returns>The builder.</returns>
    public static LicenseKitBuilder UseBusinessFromClaim(this LicenseKitBuilder builder, string claimType = "business_id")
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(claimType);
        builder.Services.AddHttpContextAccessor();
        // A singleton: the accessor finds the current request on each call, so no request pays for building a resolver.
        builder.Services.Replace(ServiceDescriptor.Singleton<ILicenseBusinessResolver>(
            sp => new ClaimsBusinessResolver(sp.GetRequiredService<IHttpContextAccessor>(), claimType)));
        return builder;
    }
}
