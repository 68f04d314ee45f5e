using System.Buffers;
using System.Text.Json;

namespace LicenseKit.Internal;

/// <summary>
/// A request body's document and the pooled buffer it was parsed in: the document reads from the buffer, so both are
/// released together, the document first.
/// </summary>
internal readonly struct PooledJsonDocument(JsonDocument document, byte[] buffer) : IDisposable
{
    public JsonElement RootElement => document.RootElement;

    public void Dispose()
    {
        document.Dispose();
        ArrayPool<byte>.Shared.Return(buffer);
    }
}
