using System.Buffers;
using System.Buffers.Text;
using System.Text;
using System.Text.Json;
using LicenseKit.Serialization;
using LicenseKit.Signing.Internal;
using LicenseKit.Verification.Internal;

namespace LicenseKit;

/// <summary>
/// Signs license snapshots into compact offline tokens, <c>LK1.&lt;payload&gt;.&lt;signature&gt;</c>, that
/// <see cref="LicenseTokenVerifier"/> checks without a network. Registered by <c>AddSignedLicenses</c> (activations
/// then return a token); hosts can also call it directly, e.g. right after issuing a license.
/// </summary>
/// <remarks>
/// The payload is UTF-8 JSON written once with <see cref="Utf8JsonWriter"/>; the signature covers exactly the ASCII
/// text before the second dot, so nothing is ever re-serialized before signing or verifying. Thread-safe.
/// </remarks>
public sealed class LicenseTokenSigner : ILicenseTokenSigner
{
    [ThreadStatic]
    private static Scratch? t_scratch;

    private readonly ILicenseSigningKeyProvider _keyProvider;
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates a signer with one fixed key, e.g. for a tool or a test.</summary>
    /// <param name="key">The signing key.</param>
    /// <param name="tokenLifetime">How long tokens stay valid before the client should refresh them.</param>
    /// <param name="timeProvider">The clock; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    public LicenseTokenSigner(LicenseSigningKey key, TimeSpan tokenLifetime, TimeProvider? timeProvider = null)
        : this(new FixedKeyProvider(key ?? throw new ArgumentNullException(nameof(key))), tokenLifetime, timeProvider)
    {
    }

    /// <summary>Creates a signer that asks <paramref name="keyProvider"/> for the current key on every token.</summary>
    /// <param name="keyProvider">Supplies the signing key.</param>
    /// <param name="tokenLifetime">How long tokens stay valid before the client should refresh them.</param>
    /// <param name="timeProvider">The clock; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    public LicenseTokenSigner(ILicenseSigningKeyProvider keyProvider, TimeSpan tokenLifetime, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(keyProvider);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(tokenLifetime, TimeSpan.Zero);
        _keyProvider = keyProvider;
        TokenLifetime = tokenLifetime;
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>The lifetime of tokens signed without an explicit one.</summary>
    public TimeSpan TokenLifetime { get; }

    /// <summary>
    /// Whether tokens carry the license's <c>customer_id</c>, <c>payment_id</c> and <c>metadata</c>. Default
    /// <see langword="false"/>: a token goes to a key holder, who is shown only what an installed application needs.
    /// <c>AddSignedLicenses</c> sets it from <see cref="LicenseKitOptions.DiscloseCustomerDataToKeyHolders"/>, the one
    /// setting for what key holders see, so a token never shows more than the answer it comes with.
    /// </summary>
    public bool DiscloseCustomerData { get; init; }

    /// <inheritdoc />
    public ValueTask<string> SignAsync(License license, LicenseInstance? instance, CancellationToken cancellationToken = default) =>
        SignAsync(license, instance, TokenLifetime, cancellationToken);

    /// <summary>Signs a snapshot of <paramref name="license"/> with its own token lifetime.</summary>
    /// <param name="license">The license as it is now.</param>
    /// <param name="instance">The activated instance to bind the token to (its id and fingerprint), or <see langword="null"/> for an unbound token.</param>
    /// <param name="tokenLifetime">How long this token stays valid before the client should refresh it.</param>
    /// <param name="cancellationToken">Cancels fetching the key.</param>
    /// <returns>The token.</returns>
    public ValueTask<string> SignAsync(License license, LicenseInstance? instance, TimeSpan tokenLifetime, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(license);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(tokenLifetime, TimeSpan.Zero);
        var pending = _keyProvider.GetSigningKeyAsync(cancellationToken);

        // A cached key completes synchronously: no state machine on the hot path.
        return pending.IsCompletedSuccessfully
            ? ValueTask.FromResult(Sign(pending.Result, license, instance, tokenLifetime))
            : SignWhenKeyArrivesAsync(pending, license, instance, tokenLifetime);
    }

    private async ValueTask<string> SignWhenKeyArrivesAsync(ValueTask<LicenseSigningKey> pending, License license, LicenseInstance? instance, TimeSpan tokenLifetime) =>
        Sign(await pending.ConfigureAwait(false), license, instance, tokenLifetime);

    private string Sign(LicenseSigningKey? key, License license, LicenseInstance? instance, TimeSpan tokenLifetime)
    {
        if (key is null)
        {
            throw new InvalidOperationException("The signing key provider returned no key.");
        }

        var now = TokenEncoding.TruncateToMilliseconds(_timeProvider.GetUtcNow());

        var scratch = t_scratch ??= new Scratch();
        scratch.Payload.ResetWrittenCount();
        scratch.Writer.Reset(scratch.Payload);
        // A floating seat's token never outlives its lease: offline, the app would otherwise keep a seat others may hold.
        var tokenExpiresAt = now + tokenLifetime;
        if (instance?.LeaseExpiresAt is { } leaseEnd && leaseEnd < tokenExpiresAt)
        {
            tokenExpiresAt = leaseEnd;
        }

        WritePayload(scratch.Writer, license, instance, key.KeyId, now, tokenExpiresAt, DiscloseCustomerData);
        scratch.Writer.Flush();
        var payload = scratch.Payload.WrittenSpan;

        var payloadChars = Base64Url.GetEncodedLength(payload.Length);
        var signedLength = TokenEncoding.Prefix.Length + 1 + payloadChars;
        var total = signedLength + 1 + TokenEncoding.Es256SignatureChars;
        if (total > TokenEncoding.MaxTokenLength)
        {
            throw new InvalidOperationException($"License '{license.Id}' is too large to sign: the token would be {total} characters, over the {TokenEncoding.MaxTokenLength} verifiers accept.");
        }

        var token = ArrayPool<byte>.Shared.Rent(total);
        try
        {
            var span = token.AsSpan(0, total);
            Encoding.ASCII.GetBytes(TokenEncoding.Prefix, span);
            span[TokenEncoding.Prefix.Length] = (byte)'.';
            Base64Url.EncodeToUtf8(payload, span[(TokenEncoding.Prefix.Length + 1)..signedLength]);

            Span<byte> signature = stackalloc byte[TokenEncoding.Es256SignatureLength];
            key.Sign(span[..signedLength], signature);
            span[signedLength] = (byte)'.';
            Base64Url.EncodeToUtf8(signature, span[(signedLength + 1)..]);
            return Encoding.ASCII.GetString(span);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(token);
        }
    }

    // The one home of which claims a token carries; the verifier's required set (LicenseTokenPayloadReader) and
    // docs/signed-licenses.md follow it.
    private static void WritePayload(
        Utf8JsonWriter writer, License license, LicenseInstance? instance, string keyId, DateTimeOffset now, DateTimeOffset tokenExpiresAt, bool discloseCustomerData)
    {
        writer.WriteStartObject();
        writer.WriteNumber("v"u8, TokenEncoding.FormatVersion);
        writer.WriteString("alg"u8, TokenEncoding.Es256);
        writer.WriteString("kid"u8, keyId);
        writer.WriteString("license_id"u8, license.Id);
        writer.WriteString("key"u8, license.Key);
        writer.WriteString("business_id"u8, license.BusinessId);
        writer.WriteString("product_id"u8, license.ProductId);
        if (discloseCustomerData)
        {
            writer.WriteString("customer_id"u8, license.CustomerId);
            WriteNullableString(writer, "payment_id"u8, license.PaymentId);
        }

        writer.WriteString("status"u8, LicenseWireFormat.ToWire(license.Status));
        if (license.ActivationsLimit is { } limit)
        {
            writer.WriteNumber("activations_limit"u8, limit);
        }
        else
        {
            writer.WriteNull("activations_limit"u8);
        }

        WriteTimestamp(writer, "expires_at"u8, license.ExpiresAt);
        WriteTimestamp(writer, "issued_at"u8, now);
        WriteTimestamp(writer, "not_before"u8, now);
        WriteTimestamp(writer, "token_expires_at"u8, tokenExpiresAt);
        WriteNullableString(writer, "instance_id"u8, instance?.Id);
        WriteNullableString(writer, "fingerprint"u8, instance?.Fingerprint);
        if (discloseCustomerData)
        {
            writer.WriteStartObject("metadata"u8);
            if (license.Metadata is { } metadata)
            {
                foreach (var (name, value) in metadata)
                {
                    writer.WriteString(name, value);
                }
            }

            writer.WriteEndObject();
        }

        // Written only when the license grants some, so tokens of licenses without entitlements stay as they were.
        if (license.Entitlements is { Count: > 0 } entitlements)
        {
            writer.WriteStartArray("entitlements"u8);
            foreach (var name in entitlements)
            {
                writer.WriteStringValue(name);
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    private static void WriteTimestamp(Utf8JsonWriter writer, ReadOnlySpan<byte> name, DateTimeOffset? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
            return;
        }

        Span<byte> text = stackalloc byte[TokenEncoding.TimestampLength];
        TokenEncoding.FormatTimestamp(value.Value, text);
        writer.WriteString(name, text);
    }

    private static void WriteNullableString(Utf8JsonWriter writer, ReadOnlySpan<byte> name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }

    // One JSON buffer and writer per thread, reused: signing allocates little beyond the token string itself.
    private sealed class Scratch
    {
        public Scratch() => Writer = new Utf8JsonWriter(Payload, new JsonWriterOptions { Encoder = MinimalJsonEncoder.Instance });

        public ArrayBufferWriter<byte> Payload { get; } = new(1024);

        public Utf8JsonWriter Writer { get; }
    }

    private sealed class FixedKeyProvider(LicenseSigningKey key) : ILicenseSigningKeyProvider
    {
        public ValueTask<LicenseSigningKey> GetSigningKeyAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(key);
    }
}
