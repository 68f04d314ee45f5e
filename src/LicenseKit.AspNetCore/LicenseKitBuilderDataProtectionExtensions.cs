using LicenseKit;
using LicenseKit.Internal;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Stores license keys encrypted with ASP.NET Core Data Protection.</summary>
public static class LicenseKitBuilderDataProtectionExtensions
{
    /// <summary>The default Data Protection purpose of stored license keys.</summary>
    public const string DefaultPurpose = "LicenseKit.LicenseKeys.v1";

    /// <summary>
    /// Stores every issued key encrypted with the host's Data Protection key ring (besides its hash), so reads by id and
    /// lists return <c>key</c> as the REST format's License object does. The key ring must be persisted and shared by every
    /// host (e.g. <c>PersistKeysToDbContext</c>, <c>PersistKeysToFileSystem</c> plus <c>ProtectKeysWith…</c>): a key ring
    /// that is lost makes stored keys unreadable (they are still found by hash). See <c>docs/keys-at-rest.md</c>.
    /// </summary>
    /// <param name="builder">The LicenseKit builder.</param>
    /// <param name="purpose">The Data Protection purpose; change it only to isolate several LicenseKit instances.</param>
    /// <returns>The builder.</returns>
    public static LicenseKitBuilder ProtectKeysWithDataProtection(this LicenseKitBuilder builder, string purpose = DefaultPurpose)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(purpose);
        builder.Services.AddDataProtection();
        builder.Services.Replace(ServiceDescriptor.Singleton<ILicenseKeyProtector>(
            services => new DataProtectionLicenseKeyProtector(services.GetRequiredService<IDataProtectionProvider>().CreateProtector(purpose))));
        return builder;
    }
}
