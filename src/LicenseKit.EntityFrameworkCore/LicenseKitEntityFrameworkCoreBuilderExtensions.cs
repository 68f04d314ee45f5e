using LicenseKit;
using LicenseKit.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Entity Framework Core store on a <see cref="LicenseKitBuilder"/>.</summary>
public static class LicenseKitEntityFrameworkCoreBuilderExtensions
{
    /// <summary>
    /// Stores licenses in the host's <typeparamref name="TContext"/>, whose model must call
    /// <see cref="LicenseKitModelBuilderExtensions.UseLicenseKit"/>. The store is scoped, like the context it uses.
    /// </summary>
    /// <typeparam name="TContext">The host's context, registered with <c>AddDbContext</c> or <c>AddDbContextPool</c>.</typeparam>
    /// <param name="builder">The LicenseKit builder.</param>
    /// <returns>The same builder.</returns>
    public static LicenseKitBuilder UseEntityFrameworkCore<TContext>(this LicenseKitBuilder builder)
        where TContext : DbContext
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.UseStore<EntityFrameworkCoreLicenseStore<TContext>>(ServiceLifetime.Scoped);
    }
}
