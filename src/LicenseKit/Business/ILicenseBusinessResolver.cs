namespace LicenseKit;

/// <summary>
/// Tells which business (tenant) the current operation acts for. Every license belongs to one business, and a license
/// of another business is invisible (not found, never forbidden). The default reads
/// <see cref="LicenseKitOptions.BusinessId"/>; a multi-tenant host registers its own, e.g. one reading the caller's
/// claims, with <c>AddLicenseKit().UseBusinessResolver&lt;T&gt;()</c>.
/// </summary>
public interface ILicenseBusinessResolver
{
    /// <summary>Returns the current business id.</summary>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>The business id; never blank.</returns>
    ValueTask<string> GetBusinessIdAsync(CancellationToken cancellationToken = default);
}
