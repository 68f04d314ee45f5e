using LicenseKit.Stores;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LicenseKit.Internal;

/// <summary>
/// Validates <see cref="LicenseKitOptions.KeyHashing"/> at startup. Without a secret the default hasher draws a random one
/// per process, which is right for the in-memory store only: with any other store, keys hashed by one process would be
/// unfindable by the next, so a host that registered another store and no secret does not start.
/// </summary>
/// <param name="services">The host's registrations, read at validation time (after every <c>UseStore</c>).</param>
internal sealed class LicenseKeyHashingValidator(IServiceCollection services) : IValidateOptions<LicenseKitOptions>
{
    public ValidateOptionsResult Validate(string? name, LicenseKitOptions options)
    {
        var hashing = options.KeyHashing;
        if (hashing is null)
        {
            return ValidateOptionsResult.Fail("LicenseKitOptions.KeyHashing must be set.");
        }

        var failures = new List<string>();
        if (hashing.Secrets.Count == 0)
        {
            if (!UsesHasherOfItsOwn() && !UsesInMemoryStore())
            {
                failures.Add(
                    $"{LicenseKeyHashing.Section} has no secret, and the license store is not the in-memory one: keys would be hashed with a secret that dies with this process " +
                    $"and never be found again. Set {LicenseKeyHashing.Section}:Secrets:<id> to base64 of 32 random bytes ('openssl rand -base64 32') and keep it like a signing key; see docs/keys-at-rest.md.");
            }

            return Result(failures);
        }

        foreach (var (id, value) in hashing.Secrets)
        {
            if (LicenseKeyHashing.DecodeSecret(id, value) is null)
            {
                failures.Add(LicenseKeyHashing.SecretProblem(id));
            }
        }

        if (LicenseKeyHashing.CurrentSecretId(hashing) is null)
        {
            failures.Add(hashing.CurrentSecretId is null
                ? $"{LicenseKeyHashing.Section}:CurrentSecretId must name the secret new keys are hashed with when there are several."
                : $"{LicenseKeyHashing.Section}:CurrentSecretId '{hashing.CurrentSecretId}' is not one of the configured secrets.");
        }

        return Result(failures);
    }

    private static ValidateOptionsResult Result(List<string> failures) =>
        failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);

    private bool UsesInMemoryStore() =>
        services.LastOrDefault(d => d.ServiceType == typeof(ILicenseStore) && !d.IsKeyedService) is { } store
        && (store.ImplementationType == typeof(InMemoryLicenseStore) || store.ImplementationInstance is InMemoryLicenseStore);

    // A host that registered its own hasher manages its own secrets.
    private bool UsesHasherOfItsOwn() =>
        services.LastOrDefault(d => d.ServiceType == typeof(ILicenseKeyHasher) && !d.IsKeyedService) is { } hasher
        && !ReferenceEquals(hasher, LicenseKeyHashing.DefaultHasher);
}
