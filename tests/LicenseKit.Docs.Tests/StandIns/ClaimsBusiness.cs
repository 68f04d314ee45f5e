using LicenseKit;

/// <summary>Stands for the reader's own tenant lookup, e.g. from the caller's claims.</summary>
public sealed class ClaimsBusiness : ILicenseBusinessResolver
{
    public ValueTask<string> GetBusinessIdAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult("biz_1");
}
