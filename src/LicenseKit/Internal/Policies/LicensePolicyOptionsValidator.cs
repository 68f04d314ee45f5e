namespace LicenseKit.Internal;

/// <summary>
/// Validates the configured product policies (<see cref="LicenseKitOptions.Products"/>) at startup: a negative limit or a
/// floating policy without a lease stops the host with a message naming the product and the field, instead of surfacing
/// on the first license of that product. Part of <see cref="LicenseKitOptionsValidator"/>.
/// </summary>
internal static class LicensePolicyOptionsValidator
{
    /// <summary>Adds every problem of the configured products to <paramref name="failures"/>.</summary>
    public static void Validate(LicenseKitOptions options, List<string> failures)
    {
        if (options.Products is null)
        {
            failures.Add("LicenseKitOptions.Products must be set (it may be empty).");
            return;
        }

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
    }
}
