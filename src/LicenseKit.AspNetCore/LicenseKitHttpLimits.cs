namespace LicenseKit;

/// <summary>The bounds the HTTP endpoints enforce before any JSON is parsed.</summary>
public static class LicenseKitHttpLimits
{
    /// <summary>
    /// The largest request body accepted, 64 KiB: far above the largest valid request (50 metadata entries of 500
    /// characters plus a 2,500-character message) and small enough that a hostile body costs little to refuse.
    /// </summary>
    public const int MaxRequestBodyBytes = 64 * 1024;

    /// <summary>The deepest JSON nesting accepted; valid requests nest two levels (the body and its metadata).</summary>
    public const int MaxJsonDepth = 16;
}
