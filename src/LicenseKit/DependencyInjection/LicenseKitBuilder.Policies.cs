using System.Diagnostics.CodeAnalysis;
using LicenseKit;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

public sealed partial class LicenseKitBuilder
{
    /// <summary>
    /// Replaces the policy provider (default: <see cref="ConfiguredLicensePolicyProvider"/>, reading
    /// <c>LicenseKit:Products</c>), e.g. with one that reads the host's product catalogue.
    /// </summary>
    /// <typeparam name="TProvider">The provider type.</typeparam>
    /// <param name="lifetime">Its lifetime; scoped suits providers that use a DbContext.</param>
    /// <returns>This builder.</returns>
    public LicenseKitBuilder UsePolicyProvider<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TProvider>(ServiceLifetime lifetime = ServiceLifetime.Scoped)
        where TProvider : class, ILicensePolicyProvider
    {
        Services.Replace(ServiceDescriptor.Describe(typeof(ILicensePolicyProvider), typeof(TProvider), lifetime));
        return this;
    }

    /// <summary>Replaces the policy provider with an instance.</summary>
    /// <param name="provider">The provider.</param>
    /// <returns>This builder.</returns>
    public LicenseKitBuilder UsePolicyProvider(ILicensePolicyProvider provider)
    {
        ArgumentNullException.ThrowIfNull(provider);
        Services.Replace(ServiceDescriptor.Singleton(provider));
        return this;
    }
}
