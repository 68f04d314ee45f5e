using System.Security.Cryptography;

namespace LicenseKit.Verification.Internal;

/// <summary>
/// A lock-free pool of <see cref="ECDsa"/> instances holding one key. The BCL documents no thread-safety guarantee for
/// instance members of <see cref="ECDsa"/>, so each concurrent operation rents its own instance; the key is parsed once
/// and later instances are created from its exported parameters.
/// </summary>
internal sealed class EcdsaPool : IDisposable
{
    private readonly ECDsa?[] _items;
    private ECParameters _parameters;
    private ECDsa? _first;
    private volatile bool _disposed;

    /// <summary>Takes ownership of <paramref name="key"/>.</summary>
    public EcdsaPool(ECDsa key, bool includePrivateParameters)
    {
        _parameters = key.ExportParameters(includePrivateParameters);
        _first = key;
        _items = new ECDsa?[Math.Max(4, Environment.ProcessorCount * 2)];
    }

    public ECDsa Rent()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var item = Interlocked.Exchange(ref _first, null);
        if (item is not null)
        {
            return item;
        }

        var items = _items;
        for (var i = 0; i < items.Length; i++)
        {
            item = Interlocked.Exchange(ref items[i], null);
            if (item is not null)
            {
                return item;
            }
        }

        return ECDsa.Create(_parameters);
    }

    public void Return(ECDsa item)
    {
        if (!_disposed)
        {
            if (Interlocked.CompareExchange(ref _first, item, null) is null)
            {
                return;
            }

            var items = _items;
            for (var i = 0; i < items.Length; i++)
            {
                if (Interlocked.CompareExchange(ref items[i], item, null) is null)
                {
                    return;
                }
            }
        }

        item.Dispose();
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        Interlocked.Exchange(ref _first, null)?.Dispose();
        for (var i = 0; i < _items.Length; i++)
        {
            Interlocked.Exchange(ref _items[i], null)?.Dispose();
        }

        if (_parameters.D is { } d)
        {
            CryptographicOperations.ZeroMemory(d);
        }
    }
}
