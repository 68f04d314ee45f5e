using Microsoft.Extensions.Options;

namespace LicenseKit.Internal;

/// <summary>
/// Validates the configured product policies (<see cref="LicenseKitOptions.Products"/>) at startup: a negative limit or a
/// floating policy without a lease stops the host with a message naming the product and the field, instead of surfacing
/// on the first license of that product.
/// </summary>
internal sealed class LicensePolicyOptionsValidator : IValidateOptions<LicenseKitOptions>
{
    public ValidateOptionsResult Validate(string? name, LicenseKitOptions options)
    {
        if (options.Products is null)
        {
            return ValidateOptionsResult.Fail("LicenseKitOptions.Products must be set (it may be empty).");
        }

        var failures = new List<string>();
        foreach (var (productId, product) in options.Products)
        {
            var where = $"LicenseKit:Products:{productId}";
            if (string.IsNullOrWhiteSpace(productId) || productId.Length > LicenseLimits.MaxIdLength || productId.Any(char.IsControl))
            {
                failures.Add($"{where}: the product id must be non-blank, printable and at most {LicenseLimits.MaxIdLength} characters.");
            }

            if (product is null)
            {
                failures.Add($"{where}: the policy must be set.");
                continue;
            }

            if (product.Entitlements is null)
            {
                failures.Add($"{where}:Entitlements must be set (it may be empty).");
                continue;
            }

            failures.AddRange(LicensePolicyRules.Problems(product.ToPolicy()).Select(p => $"{where}:{p.Field} {p.Problem}"));
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
