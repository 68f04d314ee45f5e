using LicenseKit.Internal;
using Microsoft.Extensions.Options;

namespace LicenseKit;

/// <summary>
/// The default <see cref="IKeyGenerator"/>: keys in the configured <see cref="LicenseKeyFormat"/>, each character drawn
/// uniformly from the alphabet with <see cref="System.Security.Cryptography.RandomNumberGenerator"/>.
/// </summary>
public sealed class RandomKeyGenerator : IKeyGenerator
{
    private readonly LicenseKeyFormat _format;

    /// <summary>Creates a generator for the format in <paramref name="options"/>.</summary>
    /// <param name="options">The LicenseKit options.</param>
    public RandomKeyGenerator(IOptions<LicenseKitOptions> options)
        : this(options?.Value.KeyFormat ?? throw new ArgumentNullException(nameof(options)))
    {
    }

    /// <summary>Creates a generator for <paramref name="format"/>.</summary>
    /// <param name="format">The key format; it is copied, so later changes do not affect this generator.</param>
    /// <exception cref="ArgumentException">The format is unusable or carries less than <see cref="LicenseKeyFormat.MinimumEntropyBits"/>.</exception>
    public RandomKeyGenerator(LicenseKeyFormat format)
    {
        ArgumentNullException.ThrowIfNull(format);

        // The same rules as the startup validation, for hosts that construct the generator themselves.
        var failures = new List<string>();
        LicenseKitOptionsValidator.ValidateKeyFormat(format, failures);
        if (failures.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", failures), nameof(format));
        }

        _format = new LicenseKeyFormat
        {
            GroupCount = format.GroupCount,
            GroupLength = format.GroupLength,
            Alphabet = format.Alphabet,
            Separator = format.Separator,
            Prefix = format.Prefix,
        };
    }

    /// <inheritdoc />
    public string GenerateKey(in KeyGenerationContext context) =>
        string.Create(_format.KeyLength, _format, static (span, f) =>
        {
            var prefix = f.Prefix.AsSpan();
            prefix.CopyTo(span);
            var rest = span[prefix.Length..];

            // Draw all characters in one go, then spread them out and insert separators from the back.
            var chars = f.GroupCount * f.GroupLength;
            SecureRandom.FillFromAlphabet(rest[..chars], f.Alphabet);
            if (f.Separator.Length == 0)
            {
                return;
            }

            for (var group = f.GroupCount - 1; group > 0; group--)
            {
                var from = group * f.GroupLength;
                var to = from + (group * f.Separator.Length);
                rest.Slice(from, f.GroupLength).CopyTo(rest.Slice(to, f.GroupLength));
                f.Separator.AsSpan().CopyTo(rest.Slice(to - f.Separator.Length, f.Separator.Length));
            }
        });
}
