using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace LicenseKit.Serialization;

/// <summary>
/// Writes timestamps as the Create License Key REST format does, UTC with milliseconds and <c>Z</c> (<c>2026-05-11T01:12:25.764Z</c>), and reads
/// any ISO 8601 timestamp, normalizing it to UTC.
/// </summary>
public sealed class UtcTimestampJsonConverter : JsonConverter<DateTimeOffset>
{
    // The round-trip format of a UTC time is yyyy-MM-ddTHH:mm:ss.fffffffZ, written on a fast path without parsing a custom
    // format: its first 23 characters are the milliseconds, cut as "fff" cuts them, not rounded.
    private const int RoundTripLength = 28;
    private const int MillisecondsLength = 23;

    /// <inheritdoc />
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetDateTimeOffset().ToUniversalTime();

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        Span<byte> utf8 = stackalloc byte[RoundTripLength];
        value.UtcDateTime.TryFormat(utf8, out _, "O", CultureInfo.InvariantCulture);
        utf8[MillisecondsLength] = (byte)'Z';
        writer.WriteStringValue(utf8[..(MillisecondsLength + 1)]);
    }
}
