using Microsoft.AspNetCore.Http;

namespace LicenseKit;

/// <summary>
/// An <see cref="ILicenseBusinessResolver"/> that reads the business from a claim of the current request's user, as
/// set by the host's authentication handler. Register it with
/// <c>AddLicenseKit().UseBusinessFromClaim("business_id")</c>.
/// </summary>
public sealed class ClaimsBusinessResolver : ILicenseBusinessResolver
{
    private readonly IHttpContextAccessor _accessor;
    private readonly string _claimType;

    /// <summary>Creates the resolver.</summary>
    /// <param name="accessor">The accessor of the current request.</param>
    /// <param name="claimType">The claim that holds the business id, e.g. <c>business_id</c>.</param>
    public ClaimsBusinessResolver(IHttpContextAccessor accessor, string claimType)
    {
        ArgumentNullException.ThrowIfNull(accessor);
        ArgumentException.ThrowIfNullOrWhiteSpace(claimType);
        _accessor = accessor;
        _claimType = claimType;
    }

    /// <inheritdoc />
    /// <exception cref="InvalidOperationException">
    /// There is no current request or its user has no such claim: the endpoint is not behind authentication that sets
    /// it, which is a host configuration error.
    /// </exception>
    public ValueTask<string> GetBusinessIdAsync(CancellationToken cancellationToken = default)
    {
        var value = _accessor.HttpContext?.User.FindFirst(_claimType)?.Value;
        return string.IsNullOrWhiteSpace(value)
            ? throw new InvalidOperationException(
                $"The current user has no '{_claimType}' claim. Put the LicenseKit endpoints behind authentication that sets it (RequireAuthorization), or register another ILicenseBusinessResolver.")
            : ValueTask.FromResult(value);
    }
}
