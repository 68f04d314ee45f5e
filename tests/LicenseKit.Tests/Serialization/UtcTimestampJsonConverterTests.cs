using System.Globalization;
using System.Text.Json;
using LicenseKit.Serialization;

namespace LicenseKit.Tests.Serialization;

public class UtcTimestampJsonConverterTests
{
    private static readonly TimeSpan[] Offsets = [TimeSpan.Zero, TimeSpan.FromHours(2), TimeSpan.FromHours(-9.5), TimeSpan.FromHours(14)];

    private static IEnumerable<DateTimeOffset> Timestamps()
    {
        yield return new DateTimeOffset(2026, 5, 11, 1, 12, 25, 764, TimeSpan.Zero);
        yield return DateTimeOffset.MinValue;
        yield return DateTimeOffset.MaxValue;
        yield return new DateTimeOffset(1, 1, 1, 14, 0, 0, TimeSpan.FromHours(14)).AddTicks(1);
        // Fractions below a millisecond are cut, not rounded: .7649999 is .764.
        yield return new DateTimeOffset(2026, 12, 31, 23, 59, 59, 764, TimeSpan.Zero).AddTicks(9999);
        var random = new Random(20261128);
        for (var i = 0; i < 2000; i++)
        {
            var utcTicks = random.NextInt64(DateTimeOffset.MinValue.UtcTicks + TimeSpan.TicksPerDay, DateTimeOffset.MaxValue.UtcTicks - TimeSpan.TicksPerDay);
            yield return new DateTimeOffset(utcTicks, TimeSpan.Zero).ToOffset(Offsets[i % Offsets.Length]);
        }
    }

    [Test]
    public void Write_GivesUtcMillisecondsAndZ_ForEveryTimestamp()
    {
        var options = new JsonSerializerOptions { Converters = { new UtcTimestampJsonConverter() } };

        foreach (var timestamp in Timestamps())
        {
            var expected = "\"" + timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture) + "\"";
            JsonSerializer.Serialize(timestamp, options).Should().Be(expected, "ticks {0}, offset {1}", timestamp.UtcTicks, timestamp.Offset);
        }
    }
}
