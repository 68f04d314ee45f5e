namespace LicenseKit.EntityFrameworkCore.Internal;

/// <summary>The row remembering which license an idempotency key of a business created, and the hash of that request.</summary>
internal sealed class LicenseIdempotencyEntity
{
    public string BusinessId { get; set; } = null!;

    public string KeyHash { get; set; } = null!;

    public string LicenseId { get; set; } = null!;

    public string RequestHash { get; set; } = null!;
}
