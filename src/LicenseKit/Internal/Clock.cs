namespace LicenseKit.Internal;

internal static class Clock
{
    /// <summary>
    /// The current UTC time cut to whole milliseconds: the wire format and both database providers keep milliseconds,
    /// so a license read back from any store equals the one that was written.
    /// </summary>
    public static DateTimeOffset GetUtcNowMilliseconds(this TimeProvider timeProvider) => TruncateToMilliseconds(timeProvider.GetUtcNow());

    public static DateTimeOffset TruncateToMilliseconds(DateTimeOffset value)
    {
        var utc = value.UtcTicks;
        return new DateTimeOffset(utc - (utc % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
    }
}
