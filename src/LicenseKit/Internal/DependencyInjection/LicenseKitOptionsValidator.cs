using System.Globalization;
using Microsoft.Extensions.Options;

namespace LicenseKit.Internal;

/// <summary>
/// Validates <see cref="LicenseKitOptions"/> as a whole, so a weak key format or an impossible page size stops the host
/// at startup with a message that says why, rather than producing guessable keys later.
/// </summary>
internal sealed class LicenseKitOptionsValidator : IValidateOptions<LicenseKitOptions>
{
    public ValidateOptionsResult Validate(string? name, LicenseKitOptions options)
    {
        var failures = new List<string>();
        var format = options.KeyFormat;
        if (format is null)
        {
            failures.Add("LicenseKitOptions.KeyFormat must be set.");
        }
        else
        {
            ValidateKeyFormat(format, failures);
        }

        if (options.BusinessId is { } businessId && (string.IsNullOrWhiteSpace(businessId) || businessId.Length > LicenseLimits.MaxIdLength))
        {
            failures.Add($"LicenseKitOptions.BusinessId must be non-blank and at most {LicenseLimits.MaxIdLength} characters when set.");
        }

        if (options.MinCustomKeyLength < 1 || options.MinCustomKeyLength > LicenseLimits.MaxKeyLength)
        {
            failures.Add($"LicenseKitOptions.MinCustomKeyLength must be between 1 and {LicenseLimits.MaxKeyLength}.");
        }

        if (options.MaxKeyGenerationAttempts is < 1 or > 100)
        {
            failures.Add("LicenseKitOptions.MaxKeyGenerationAttempts must be between 1 and 100.");
        }

        if (options.MaxPageSize is < 1 or > 10_000)
        {
            failures.Add("LicenseKitOptions.MaxPageSize must be between 1 and 10000.");
        }

        if (options.DefaultPageSize < 1 || options.DefaultPageSize > options.MaxPageSize)
        {
            failures.Add("LicenseKitOptions.DefaultPageSize must be between 1 and MaxPageSize.");
        }

        LicensePolicyOptionsValidator.Validate(options, failures);

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Adds every way <paramref name="format"/> is unusable or too weak to <paramref name="failures"/>.</summary>
    internal static void ValidateKeyFormat(LicenseKeyFormat format, List<string> failures)
    {
        var alphabet = format.Alphabet ?? string.Empty;
        if (alphabet.Length < 2)
        {
            failures.Add("LicenseKitOptions.KeyFormat.Alphabet must have at least 2 characters.");
        }
        else if (alphabet.Length > 256)
        {
            failures.Add("LicenseKitOptions.KeyFormat.Alphabet must have at most 256 characters.");
        }

        if (alphabet.Distinct().Count() != alphabet.Length)
        {
            failures.Add("LicenseKitOptions.KeyFormat.Alphabet must not repeat a character.");
        }

        if (alphabet.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || char.IsLower(c)))
        {
            failures.Add("LicenseKitOptions.KeyFormat.Alphabet must hold upper-case, printable, non-whitespace characters only.");
        }

        if (format.Separator is null || format.Separator.Any(alphabet.Contains) || format.Separator.Any(char.IsControl))
        {
            failures.Add("LicenseKitOptions.KeyFormat.Separator must be set (it may be empty), printable and must not use alphabet characters.");
        }

        if (format.Prefix is { } prefix && prefix.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || char.IsLower(c)))
        {
            failures.Add("LicenseKitOptions.KeyFormat.Prefix must hold upper-case, printable, non-whitespace characters only.");
        }

        if (format.GroupCount < 1 || format.GroupLength < 1)
        {
            failures.Add("LicenseKitOptions.KeyFormat.GroupCount and GroupLength must be at least 1.");
        }
        else if (format.Separator is not null && format.KeyLength > LicenseLimits.MaxKeyLength)
        {
            failures.Add($"LicenseKitOptions.KeyFormat makes keys of {format.KeyLength} characters; the maximum key length is {LicenseLimits.MaxKeyLength}.");
        }

        if (alphabet.Length >= 2 && format.GroupCount >= 1 && format.GroupLength >= 1 && format.EntropyBits < LicenseKeyFormat.MinimumEntropyBits)
        {
            failures.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"LicenseKitOptions.KeyFormat gives keys {format.EntropyBits:0.#} bits of entropy ({format.GroupCount * format.GroupLength} characters from an alphabet of {alphabet.Length}); at least {LicenseKeyFormat.MinimumEntropyBits:0} bits are required so keys cannot be guessed. Add groups, lengthen them or widen the alphabet."));
        }
    }
}
