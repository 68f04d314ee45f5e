using System.Collections.ObjectModel;
using System.Text.Json;

namespace LicenseKit.Verification.Internal;

/// <summary>
/// Reads an LK1 payload strictly: the root is one object, every required member appears exactly once with its type,
/// duplicates are refused (two parsers must never disagree on what was signed), unknown members are skipped.
/// </summary>
internal static class LicenseTokenPayloadReader
{
    private const int MaxMetadataEntries = 1000;

    private const int MaxEntitlements = 1000;

    private static readonly IReadOnlyDictionary<string, string> EmptyMetadata = new ReadOnlyDictionary<string, string>(new Dictionary<string, string>());

    [Flags]
    private enum Seen
    {
        None = 0,
        V = 1 << 0,
        Alg = 1 << 1,
        Kid = 1 << 2,
        LicenseId = 1 << 3,
        Key = 1 << 4,
        BusinessId = 1 << 5,
        ProductId = 1 << 6,
        CustomerId = 1 << 7,
        Status = 1 << 8,
        ActivationsLimit = 1 << 9,
        ExpiresAt = 1 << 10,
        IssuedAt = 1 << 11,
        NotBefore = 1 << 12,
        TokenExpiresAt = 1 << 13,
        InstanceId = 1 << 14,
        Fingerprint = 1 << 15,
        Metadata = 1 << 16,
        PaymentId = 1 << 17,
        Entitlements = 1 << 18,

        // customer_id, payment_id and metadata are there only when the host discloses customer data to key holders.
        Required = V | Alg | Kid | LicenseId | Key | BusinessId | ProductId | Status | ActivationsLimit | ExpiresAt | IssuedAt | NotBefore | TokenExpiresAt,
    }

    /// <summary>Parses <paramref name="utf8"/>; returns <see langword="null"/> when it is not a well-formed payload.</summary>
    public static LicenseTokenClaims? TryRead(ReadOnlySpan<byte> utf8)
    {
        try
        {
            return Read(utf8);
        }
        catch (JsonException)
        {
            return null;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private static LicenseTokenClaims? Read(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = 3 });
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        var seen = Seen.None;
        int version = 0;
        int? activationsLimit = null;
        string? alg = null, kid = null, licenseId = null, key = null, businessId = null, productId = null, customerId = null, paymentId = null, status = null, instanceId = null, fingerprint = null;
        DateTimeOffset? expiresAt = null;
        DateTimeOffset issuedAt = default, notBefore = default, tokenExpiresAt = default;
        IReadOnlyDictionary<string, string>? metadata = null;
        IReadOnlyList<string>? entitlements = null;

        while (true)
        {
            if (!reader.Read())
            {
                return null;
            }

            if (reader.TokenType == JsonTokenType.EndObject)
            {
                break;
            }

            if (reader.TokenType != JsonTokenType.PropertyName)
            {
                return null;
            }

            var member = Identify(ref reader);
            if (!reader.Read())
            {
                return null;
            }

            if (member == Seen.None)
            {
                reader.Skip();
                continue;
            }

            if ((seen & member) != 0)
            {
                return null;
            }

            seen |= member;
            var ok = member switch
            {
                Seen.V => reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out version),
                Seen.Alg => TryString(ref reader, out alg),
                Seen.Kid => TryString(ref reader, out kid),
                Seen.LicenseId => TryString(ref reader, out licenseId),
                Seen.Key => TryString(ref reader, out key),
                Seen.BusinessId => TryString(ref reader, out businessId),
                Seen.ProductId => TryString(ref reader, out productId),
                Seen.CustomerId => TryString(ref reader, out customerId),
                Seen.PaymentId => TryNullableString(ref reader, out paymentId),
                Seen.Status => TryString(ref reader, out status),
                Seen.ActivationsLimit => TryNullableInt(ref reader, out activationsLimit),
                Seen.ExpiresAt => TryNullableTimestamp(ref reader, out expiresAt),
                Seen.IssuedAt => TryTimestamp(ref reader, out issuedAt),
                Seen.NotBefore => TryTimestamp(ref reader, out notBefore),
                Seen.TokenExpiresAt => TryTimestamp(ref reader, out tokenExpiresAt),
                Seen.InstanceId => TryNullableString(ref reader, out instanceId),
                Seen.Fingerprint => TryNullableString(ref reader, out fingerprint),
                Seen.Metadata => TryMetadata(ref reader, out metadata),
                Seen.Entitlements => TryEntitlements(ref reader, out entitlements),
                _ => false,
            };

            if (!ok)
            {
                return null;
            }
        }

        // Only whitespace may follow the root object; Read throws on anything else.
        if (reader.Read() || (seen & Seen.Required) != Seen.Required)
        {
            return null;
        }

        return new LicenseTokenClaims
        {
            Version = version,
            Algorithm = alg!,
            KeyId = kid!,
            LicenseId = licenseId!,
            Key = key!,
            BusinessId = businessId!,
            ProductId = productId!,
            CustomerId = customerId,
            PaymentId = paymentId,
            Status = status!,
            ActivationsLimit = activationsLimit,
            ExpiresAt = expiresAt,
            IssuedAt = issuedAt,
            NotBefore = notBefore,
            TokenExpiresAt = tokenExpiresAt,
            InstanceId = instanceId,
            Fingerprint = fingerprint,
            Metadata = metadata ?? EmptyMetadata,
            Entitlements = entitlements ?? [],
        };
    }

    private static Seen Identify(ref Utf8JsonReader reader)
    {
        if (reader.ValueTextEquals("v"u8)) return Seen.V;
        if (reader.ValueTextEquals("alg"u8)) return Seen.Alg;
        if (reader.ValueTextEquals("kid"u8)) return Seen.Kid;
        if (reader.ValueTextEquals("license_id"u8)) return Seen.LicenseId;
        if (reader.ValueTextEquals("key"u8)) return Seen.Key;
        if (reader.ValueTextEquals("business_id"u8)) return Seen.BusinessId;
        if (reader.ValueTextEquals("product_id"u8)) return Seen.ProductId;
        if (reader.ValueTextEquals("customer_id"u8)) return Seen.CustomerId;
        if (reader.ValueTextEquals("payment_id"u8)) return Seen.PaymentId;
        if (reader.ValueTextEquals("status"u8)) return Seen.Status;
        if (reader.ValueTextEquals("activations_limit"u8)) return Seen.ActivationsLimit;
        if (reader.ValueTextEquals("expires_at"u8)) return Seen.ExpiresAt;
        if (reader.ValueTextEquals("issued_at"u8)) return Seen.IssuedAt;
        if (reader.ValueTextEquals("not_before"u8)) return Seen.NotBefore;
        if (reader.ValueTextEquals("token_expires_at"u8)) return Seen.TokenExpiresAt;
        if (reader.ValueTextEquals("instance_id"u8)) return Seen.InstanceId;
        if (reader.ValueTextEquals("fingerprint"u8)) return Seen.Fingerprint;
        if (reader.ValueTextEquals("metadata"u8)) return Seen.Metadata;
        if (reader.ValueTextEquals("entitlements"u8)) return Seen.Entitlements;
        return Seen.None;
    }

    private static bool TryString(ref Utf8JsonReader reader, out string? value)
    {
        value = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        return value is not null;
    }

    private static bool TryNullableString(ref Utf8JsonReader reader, out string? value)
    {
        value = null;
        return reader.TokenType == JsonTokenType.Null || TryString(ref reader, out value);
    }

    private static bool TryNullableInt(ref Utf8JsonReader reader, out int? value)
    {
        value = null;
        if (reader.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var number) && number >= 0)
        {
            value = number;
            return true;
        }

        return false;
    }

    private static bool TryTimestamp(ref Utf8JsonReader reader, out DateTimeOffset value)
    {
        value = default;
        if (reader.TokenType != JsonTokenType.String || reader.HasValueSequence)
        {
            return false;
        }

        if (!reader.ValueIsEscaped)
        {
            return TokenEncoding.TryParseTimestamp(reader.ValueSpan, out value);
        }

        // An escape (\u0030 for '0') is at most 6 bytes per character; anything longer cannot be a timestamp.
        if (reader.ValueSpan.Length > TokenEncoding.TimestampLength * 6)
        {
            return false;
        }

        Span<byte> unescaped = stackalloc byte[TokenEncoding.TimestampLength * 6];
        var length = reader.CopyString(unescaped);
        return TokenEncoding.TryParseTimestamp(unescaped[..length], out value);
    }

    private static bool TryNullableTimestamp(ref Utf8JsonReader reader, out DateTimeOffset? value)
    {
        value = null;
        if (reader.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        if (TryTimestamp(ref reader, out var timestamp))
        {
            value = timestamp;
            return true;
        }

        return false;
    }

    private static bool TryMetadata(ref Utf8JsonReader reader, out IReadOnlyDictionary<string, string>? value)
    {
        value = null;
        if (reader.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        Dictionary<string, string>? entries = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            if (!reader.Read() || reader.TokenType != JsonTokenType.String)
            {
                return false;
            }

            entries ??= new Dictionary<string, string>(StringComparer.Ordinal);
            if (entries.Count >= MaxMetadataEntries || !entries.TryAdd(name, reader.GetString()!))
            {
                return false;
            }
        }

        if (reader.TokenType != JsonTokenType.EndObject)
        {
            return false;
        }

        value = entries is null ? null : new ReadOnlyDictionary<string, string>(entries);
        return true;
    }

    private static bool TryEntitlements(ref Utf8JsonReader reader, out IReadOnlyList<string>? value)
    {
        value = null;
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return false;
        }

        var names = new List<string>();
        while (reader.Read() && reader.TokenType == JsonTokenType.String)
        {
            if (names.Count >= MaxEntitlements)
            {
                return false;
            }

            names.Add(reader.GetString()!);
        }

        if (reader.TokenType != JsonTokenType.EndArray)
        {
            return false;
        }

        value = names.AsReadOnly();
        return true;
    }
}
