namespace LicenseKit.EntityFrameworkCore.Internal;

/// <summary>
/// Lookup values no row can hold. PostgreSQL's text cannot contain U+0000 and refuses any parameter that does (SQLSTATE
/// 22021) instead of matching nothing; no stored value contains it (the core refuses it in everything it writes), so
/// such a lookup finds nothing without asking, the same on every provider.
/// </summary>
internal static class LookupValues
{
    public static bool CannotMatch(string? value) => value is not null && value.Contains('\0', StringComparison.Ordinal);

    public static bool CannotMatch(string? first, string? second) => CannotMatch(first) || CannotMatch(second);

    public static bool CannotMatch(string? first, string? second, string? third) => CannotMatch(first) || CannotMatch(second) || CannotMatch(third);
}
