using System.Security.Cryptography;

namespace LicenseKit.Internal;

/// <summary>
/// Hands out bytes from <see cref="RandomNumberGenerator"/> through a per-thread buffer. One OS call costs about as
/// much as a whole in-memory issue, so an issue draws its id and key bytes from one refill instead of several calls.
/// Bytes are handed out once and wiped from the buffer as they leave it.
/// </summary>
internal static class SecureRandom
{
    private const int BufferSize = 1024;

    [ThreadStatic]
    private static byte[]? t_buffer;

    [ThreadStatic]
    private static int t_position;

    public static void Fill(Span<byte> destination)
    {
        if (destination.Length > BufferSize / 4)
        {
            RandomNumberGenerator.Fill(destination);
            return;
        }

        var buffer = t_buffer;
        if (buffer is null)
        {
            buffer = t_buffer = new byte[BufferSize];
            t_position = BufferSize;
        }

        if (BufferSize - t_position < destination.Length)
        {
            RandomNumberGenerator.Fill(buffer);
            t_position = 0;
        }

        var slice = buffer.AsSpan(t_position, destination.Length);
        slice.CopyTo(destination);
        slice.Clear();
        t_position += destination.Length;
    }

    /// <summary>Fills <paramref name="destination"/> with characters drawn uniformly from <paramref name="alphabet"/>.</summary>
    public static void FillFromAlphabet(Span<char> destination, ReadOnlySpan<char> alphabet)
    {
        // Rejection sampling keeps every character equally likely for alphabets that do not divide 256.
        var limit = 256 - (256 % alphabet.Length);
        Span<byte> bytes = stackalloc byte[Math.Min(destination.Length + 8, BufferSize / 4)];
        var written = 0;
        while (written < destination.Length)
        {
            var chunk = bytes[..Math.Min(bytes.Length, destination.Length - written + 4)];
            Fill(chunk);
            foreach (var b in chunk)
            {
                if (b < limit)
                {
                    destination[written++] = alphabet[b % alphabet.Length];
                    if (written == destination.Length)
                    {
                        break;
                    }
                }
            }
        }
    }
}
