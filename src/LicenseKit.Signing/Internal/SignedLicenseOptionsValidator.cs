using Microsoft.Extensions.Options;

namespace LicenseKit.Signing.Internal;

/// <summary>
/// Validates <see cref="SignedLicenseOptions"/> at startup, importing the key once, so a missing, malformed or
/// non-P-256 key stops the host with a message instead of failing the first activation.
/// </summary>
internal sealed class SignedLicenseOptionsValidator : IValidateOptions<SignedLicenseOptions>
{
    internal static readonly TimeSpan MinTokenLifetime = TimeSpan.FromMinutes(1);
    internal static readonly TimeSpan MaxTokenLifetime = TimeSpan.FromDays(3650);

    public ValidateOptionsResult Validate(string? name, SignedLicenseOptions options)
    {
        var failures = new List<string>();
        if (options.TokenLifetime < MinTokenLifetime || options.TokenLifetime > MaxTokenLifetime)
        {
            failures.Add($"SignedLicenseOptions.TokenLifetime must be between 1 minute and 3650 days; got {options.TokenLifetime}.");
        }

        if (!options.UsesCustomKeyProvider)
        {
            if (string.IsNullOrWhiteSpace(options.SigningKeyPem))
            {
                failures.Add("SignedLicenseOptions.SigningKeyPem is required: set it to an ECDSA P-256 private key in PEM ('-----BEGIN PRIVATE KEY-----'), or register an ILicenseSigningKeyProvider. LicenseKit never generates a signing key for you.");
            }

            if (string.IsNullOrWhiteSpace(options.KeyId))
            {
                failures.Add("SignedLicenseOptions.KeyId is required: the key id (e.g. '2026-01') tells clients which public key verifies a token.");
            }

            if (failures.Count == 0)
            {
                try
                {
                    using var key = LicenseSigningKey.FromPem(options.KeyId!, options.SigningKeyPem!);
                }
                catch (ArgumentException ex)
                {
                    var field = ex.ParamName == "keyId" ? "KeyId" : "SigningKeyPem";
                    failures.Add($"SignedLicenseOptions.{field} is invalid: {StripParamName(ex)}");
                }
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    // ArgumentException.Message appends " (Parameter 'x')"; the option name already says which.
    private static string StripParamName(ArgumentException ex)
    {
        var message = ex.Message;
        var suffix = $" (Parameter '{ex.ParamName}')";
        return ex.ParamName is not null && message.EndsWith(suffix, StringComparison.Ordinal) ? message[..^suffix.Length] : message;
    }
}
