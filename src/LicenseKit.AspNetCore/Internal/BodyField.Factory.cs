using System.Text.Json;

namespace LicenseKit.Internal;

/// <summary>Builds <see cref="BodyField{TBody}"/>s of each kind, pairing the kind with its reader.</summary>
internal static class BodyField
{
    private delegate bool TryRead<T>(FieldReader reader, JsonProperty property, out T value);

    public static BodyField<TBody> String<TBody>(string name, Action<TBody, string?> set, bool required = false) =>
        Of(name, LicenseFieldKind.String, required, static (FieldReader r, JsonProperty p, out string? v) => r.TryString(p, out v), set);

    public static BodyField<TBody> Integer<TBody>(string name, Action<TBody, int?> set) =>
        Of(name, LicenseFieldKind.Integer, false, static (FieldReader r, JsonProperty p, out int? v) => r.TryInt32(p, out v), set);

    public static BodyField<TBody> Boolean<TBody>(string name, Action<TBody, bool> set) =>
        Of(name, LicenseFieldKind.Boolean, false, static (FieldReader r, JsonProperty p, out bool v) => r.TryBoolean(p, out v), set);

    public static BodyField<TBody> Timestamp<TBody>(string name, Action<TBody, DateTimeOffset?> set) =>
        Of(name, LicenseFieldKind.Timestamp, false, static (FieldReader r, JsonProperty p, out DateTimeOffset? v) => r.TryTimestamp(p, out v), set);

    public static BodyField<TBody> Status<TBody>(string name, Action<TBody, LicenseStatus> set) =>
        Of(name, LicenseFieldKind.Status, false, static (FieldReader r, JsonProperty p, out LicenseStatus v) => r.TryStatus(p, out v), set);

    public static BodyField<TBody> Metadata<TBody>(string name, Action<TBody, IReadOnlyDictionary<string, string>?> set) =>
        Of(name, LicenseFieldKind.Metadata, false, static (FieldReader r, JsonProperty p, out IReadOnlyDictionary<string, string>? v) => r.TryMetadata(p, out v), set);

    public static BodyField<TBody> Entitlements<TBody>(string name, Action<TBody, IReadOnlyList<string>?> set) =>
        Of(name, LicenseFieldKind.Entitlements, false, static (FieldReader r, JsonProperty p, out IReadOnlyList<string>? v) => r.TryEntitlements(p, out v), set);

    // The value reaches the body only when the reader accepted it; otherwise the reader recorded why.
    private static BodyField<TBody> Of<TBody, T>(string name, LicenseFieldKind kind, bool required, TryRead<T> tryRead, Action<TBody, T> set) =>
        new(name, kind, required, (reader, property, body) =>
        {
            if (tryRead(reader, property, out var value))
            {
                set(body, value);
            }
        });
}
