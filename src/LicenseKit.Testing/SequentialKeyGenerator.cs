using System.Globalization;

namespace LicenseKit.Testing;

/// <summary>
/// A deterministic <see cref="IKeyGenerator"/> for tests: <c>TEST-0001</c>, <c>TEST-0002</c>, … so assertions can name
/// the key a license will get. Thread-safe. Never use it in production: its keys are guessable by design.
/// </summary>
public sealed class SequentialKeyGenerator : IKeyGenerator
{
    private readonly string _prefix;
    private readonly long _start;
    private int _repeat = 1;
    private long _calls;

    /// <summary>Creates a generator.</summary>
    /// <param name="prefix">The key prefix. Default <c>TEST-</c>.</param>
    /// <param name="start">The first number. Default 1.</param>
    public SequentialKeyGenerator(string prefix = "TEST-", long start = 1)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        _prefix = prefix;
        _start = start;
    }

    /// <summary>Makes the next calls return keys that already exist, to exercise collision handling: each number is handed out <paramref name="times"/> times.</summary>
    /// <param name="times">How many times each key repeats.</param>
    /// <returns>This generator.</returns>
    public SequentialKeyGenerator RepeatEachKey(int times)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(times, 1);
        _repeat = times;
        return this;
    }

    /// <inheritdoc />
    public string GenerateKey(in KeyGenerationContext context)
    {
        var call = Interlocked.Increment(ref _calls) - 1;
        var number = _start + (call / _repeat);
        return _prefix + number.ToString("D4", CultureInfo.InvariantCulture);
    }
}
