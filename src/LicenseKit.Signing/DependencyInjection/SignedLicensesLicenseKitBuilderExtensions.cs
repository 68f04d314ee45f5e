using System.Diagnostics.CodeAnalysis;
using LicenseKit;
using LicenseKit.Signing.Internal;
using LicenseKit.Verification.Internal;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Opts a LicenseKit host in to signed offline licenses.</summary>
public static class SignedLicensesLicenseKitBuilderExtensions
{
    /// <summary>
    /// Registers <see cref="LicenseTokenSigner"/> as the <see cref="ILicenseTokenSigner"/>, so
    /// <see cref="ILicenseActivator.ActivateAsync"/> returns a token bound to the activated instance in
    /// <see cref="LicenseActivationResponse.SignedLicense"/>. The key comes from the options, which are validated at
    /// startup (missing, malformed or non-P-256 keys stop the host with a clear message).
    /// </summary>
    /// <param name="builder">The LicenseKit builder.</param>
    /// <param name="configure">Sets <see cref="SignedLicenseOptions.SigningKeyPem"/>, <see cref="SignedLicenseOptions.KeyId"/> and optionally <see cref="SignedLicenseOptions.TokenLifetime"/>.</param>
    /// <returns>The builder.</returns>
    public static LicenseKitBuilder AddSignedLicenses(this LicenseKitBuilder builder, Action<SignedLicenseOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        AddCore(builder.Services).Configure(configure);
        builder.Services.TryAddSingleton<ILicenseSigningKeyProvider, OptionsLicenseSigningKeyProvider>();
        return builder;
    }

    /// <summary>
    /// Like <see cref="AddSignedLicenses(LicenseKitBuilder, Action{SignedLicenseOptions})"/>, with the options supplied
    /// elsewhere, e.g. <c>services.AddOptions&lt;SignedLicenseOptions&gt;().BindConfiguration("LicenseKit:Signing")</c> or
    /// a configuration provider the host already wired. Missing options stop the host at startup like configured ones.
    /// </summary>
    /// <param name="builder">The LicenseKit builder.</param>
    /// <returns>The builder.</returns>
    public static LicenseKitBuilder AddSignedLicenses(this LicenseKitBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        AddCore(builder.Services);
        builder.Services.TryAddSingleton<ILicenseSigningKeyProvider, OptionsLicenseSigningKeyProvider>();
        return builder;
    }

    /// <summary>
    /// Like <see cref="AddSignedLicenses(LicenseKitBuilder, Action{SignedLicenseOptions})"/>, with the options bound from a
    /// configuration section: <c>{ "KeyId": "2026-01", "SigningKeyPem": "-----BEGIN PRIVATE KEY-----…", "TokenLifetime": "7.00:00:00" }</c>.
    /// Keep the key itself in a secret store the configuration reads (user secrets, a vault provider, environment).
    /// </summary>
    /// <param name="builder">The LicenseKit builder.</param>
    /// <param name="configuration">The section holding <see cref="SignedLicenseOptions"/>.</param>
    /// <returns>The builder.</returns>
    public static LicenseKitBuilder AddSignedLicenses(this LicenseKitBuilder builder, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configuration);
        AddCore(builder.Services).Bind(configuration);
        builder.Services.TryAddSingleton<ILicenseSigningKeyProvider, OptionsLicenseSigningKeyProvider>();
        return builder;
    }

    /// <summary>
    /// Like <see cref="AddSignedLicenses(LicenseKitBuilder, Action{SignedLicenseOptions})"/>, with keys from the host's
    /// own provider (a vault, a rotating key store); <see cref="SignedLicenseOptions.SigningKeyPem"/> and
    /// <see cref="SignedLicenseOptions.KeyId"/> are then not used.
    /// </summary>
    /// <typeparam name="TKeyProvider">The key provider; registered as a singleton.</typeparam>
    /// <param name="builder">The LicenseKit builder.</param>
    /// <param name="configure">Optionally sets <see cref="SignedLicenseOptions.TokenLifetime"/>.</param>
    /// <returns>The builder.</returns>
    public static LicenseKitBuilder AddSignedLicenses<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TKeyProvider>(this LicenseKitBuilder builder, Action<SignedLicenseOptions>? configure = null)
        where TKeyProvider : class, ILicenseSigningKeyProvider
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = AddCore(builder.Services);
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.PostConfigure(o => o.UsesCustomKeyProvider = true);
        builder.Services.Replace(ServiceDescriptor.Singleton<ILicenseSigningKeyProvider, TKeyProvider>());
        return builder;
    }

    private static OptionsBuilder<SignedLicenseOptions> AddCore(IServiceCollection services)
    {
        var options = services.AddOptions<SignedLicenseOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SignedLicenseOptions>, SignedLicenseOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new LicenseTokenSigner(
            sp.GetRequiredService<ILicenseSigningKeyProvider>(),
            sp.GetRequiredService<IOptions<SignedLicenseOptions>>().Value.TokenLifetime,
            sp.GetRequiredService<TimeProvider>())
        {
            DiscloseCustomerData = sp.GetRequiredService<IOptions<LicenseKitOptions>>().Value.DiscloseCustomerDataToKeyHolders,
        });
        services.TryAddSingleton<ILicenseTokenSigner>(sp => sp.GetRequiredService<LicenseTokenSigner>());
        return options;
    }
}
