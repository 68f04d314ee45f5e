namespace LicenseKit;

/// <summary>
/// The bounds the HTTP endpoints enforce before any JSON is parsed. They derive from the core's
/// <see cref="LicenseLimits"/>, so every request the core accepts at its limits fits, however its client encodes it.
/// </summary>
public static class LicenseKitHttpLimits
{
    /// <summary>
    /// The most UTF-16 characters of text the largest request (a create) can carry within <see cref="LicenseLimits"/>:
    /// three ids, a key, an activation message and a full metadata object.
    /// </summary>
    private const int MaxRequestTextLength =
        (3 * LicenseLimits.MaxIdLength)
        + LicenseLimits.MaxKeyLength
        + LicenseLimits.MaxActivationMessageLength
        + (LicenseLimits.MaxMetadataEntries * (LicenseLimits.MaxMetadataKeyLength + LicenseLimits.MaxMetadataValueLength));

    /// <summary>
    /// The widest JSON spelling of one UTF-16 character: <c>\uXXXX</c>, which System.Text.Json's default encoder writes
    /// for every non-ASCII character.
    /// </summary>
    private const int MaxEscapedBytesPerCharacter = 6;

    /// <summary>Room for field names, quotes, separators, numbers and indentation around the text.</summary>
    private const int StructureAllowance = 16 * 1024;

    /// <summary>
    /// The largest request body accepted (196,456 bytes): the largest create the core accepts, every character escaped as
    /// <c>\uXXXX</c>, plus room for its structure. Larger bodies are refused with a 413 before they are parsed.
    /// </summary>
    public const int MaxRequestBodyBytes = (MaxRequestTextLength * MaxEscapedBytesPerCharacter) + StructureAllowance;

    /// <summary>The deepest JSON nesting accepted; valid requests nest two levels (the body and its metadata).</summary>
    public const int MaxJsonDepth = 16;
}
