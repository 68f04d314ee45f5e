namespace LicenseKit.Client.Tests.Infrastructure;

/// <summary>
/// A signing key provider standing for a vault: once armed, its first call runs <c>beforeFirstKey</c> (e.g. lands a
/// concurrent change while the activation is between signing and writing) and the calls <c>failing</c> picks throw, as
/// an unreachable vault would.
/// </summary>
public sealed class FlakyKeyProvider(LicenseSigningKey key) : ILicenseSigningKeyProvider
{
    private Func<Task>? _beforeFirstKey;
    private Func<int, bool> _failing = _ => false;
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    public void Arm(Func<Task> beforeFirstKey, Func<int, bool> failing)
    {
        _beforeFirstKey = beforeFirstKey;
        _failing = failing;
        Volatile.Write(ref _calls, 0);
    }

    public async ValueTask<LicenseSigningKey> GetSigningKeyAsync(CancellationToken cancellationToken = default)
    {
        var call = Interlocked.Increment(ref _calls);
        if (call == 1 && _beforeFirstKey is { } beforeFirstKey)
        {
            await beforeFirstKey();
        }

        if (_failing(call))
        {
            throw new InvalidOperationException($"The vault is unreachable (call {call}).");
        }

        return key;
    }
}
