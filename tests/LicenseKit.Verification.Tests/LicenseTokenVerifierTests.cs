using System.Buffers.Text;
using System.Security.Cryptography;
using LicenseKit.Signing.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace LicenseKit.Verification.Tests;

public class LicenseTokenVerifierTests
{
    private static readonly TestKeys Keys = TestKeys.Create("2026-01");
    private static readonly TestKeys NextKeys = TestKeys.Create("2026-07");

    private FakeTimeProvider _time = null!;
    private FakeTimeProvider _serverTime = null!;

    [SetUp]
    public void SetUp()
    {
        _time = new FakeTimeProvider(Licenses.Now);
        _serverTime = new FakeTimeProvider(Licenses.Now);
    }

    private LicenseTokenVerifier CreateSut(TimeSpan? clockSkew = null) => new(Keys.PublicKeyPem, Keys.KeyId, _time, clockSkew ?? TimeSpan.Zero);

    // Tokens carry every claim unless a test asks for the key holder's default, so round trips cover all of them.
    private string SignToken(License? license = null, LicenseInstance? instance = null, TestKeys? keys = null, TimeSpan? lifetime = null, bool discloseCustomerData = true) =>
        new LicenseTokenSigner((keys ?? Keys).SigningKey(), lifetime ?? TimeSpan.FromDays(7), _serverTime) { DiscloseCustomerData = discloseCustomerData }
            .Sign(license ?? Licenses.Create(), instance);

    [Test]
    public void Verify_SignedToken_IsValidAndClaimsEqualTheLicense()
    {
        var license = Licenses.Create();
        var instance = Licenses.Instance();
        var token = SignToken(license, instance);
        using var sut = CreateSut();

        var result = sut.Verify(token, "fp-123");

        result.Code.Should().Be(LicenseTokenCode.Valid);
        result.IsValid.Should().BeTrue();
        var claims = result.Claims!;
        claims.Version.Should().Be(1);
        claims.Algorithm.Should().Be("ES256");
        claims.KeyId.Should().Be("2026-01");
        claims.LicenseId.Should().Be(license.Id);
        claims.Key.Should().Be(license.Key);
        claims.BusinessId.Should().Be(license.BusinessId);
        claims.ProductId.Should().Be(license.ProductId);
        claims.CustomerId.Should().Be(license.CustomerId);
        claims.PaymentId.Should().Be(license.PaymentId);
        claims.Status.Should().Be("ACTIVE");
        claims.IsActive.Should().BeTrue();
        claims.ActivationsLimit.Should().Be(license.ActivationsLimit);
        claims.ExpiresAt.Should().Be(license.ExpiresAt);
        claims.IssuedAt.Should().Be(Licenses.Now);
        claims.NotBefore.Should().Be(Licenses.Now);
        claims.TokenExpiresAt.Should().Be(Licenses.Now.AddDays(7));
        claims.InstanceId.Should().Be(instance.Id);
        claims.Fingerprint.Should().Be(instance.Fingerprint);
        claims.Metadata.Should().Equal(license.Metadata!);
    }

    [Test]
    public void Verify_WithoutFingerprintArgument_DoesNotCheckTheBinding()
    {
        var token = SignToken(instance: Licenses.Instance("fp-123"));
        using var sut = CreateSut();

        sut.Verify(token).Code.Should().Be(LicenseTokenCode.Valid);
    }

    [Test]
    public void Verify_UnlimitedNeverExpiringLicenseWithoutMetadata_RoundTripsNulls()
    {
        var token = SignToken(Licenses.Create() with { ActivationsLimit = null, ExpiresAt = null, Metadata = null });
        using var sut = CreateSut();

        var result = sut.Verify(token);

        result.Code.Should().Be(LicenseTokenCode.Valid);
        result.Claims!.ActivationsLimit.Should().BeNull();
        result.Claims.ExpiresAt.Should().BeNull();
        result.Claims.InstanceId.Should().BeNull();
        result.Claims.Fingerprint.Should().BeNull();
        result.Claims.Metadata.Should().BeEmpty();
    }

    [Test]
    public void Verify_EverySingleBitFlipOfPayloadOrSignatureBytes_IsNeverValid()
    {
        var token = SignToken(instance: Licenses.Instance());
        var parts = token.Split('.');
        var payload = Base64Url.DecodeFromChars(parts[1]);
        var signature = Base64Url.DecodeFromChars(parts[2]);
        using var sut = CreateSut();
        var checkedCount = 0;

        for (var i = 0; i < payload.Length; i++)
        {
            for (var bit = 0; bit < 8; bit++)
            {
                var tampered = (byte[])payload.Clone();
                tampered[i] ^= (byte)(1 << bit);
                AssertRejected(sut.Verify($"{parts[0]}.{Base64Url.EncodeToString(tampered)}.{parts[2]}"), $"payload byte {i} bit {bit}");
                checkedCount++;
            }
        }

        for (var i = 0; i < signature.Length; i++)
        {
            for (var bit = 0; bit < 8; bit++)
            {
                var tampered = (byte[])signature.Clone();
                tampered[i] ^= (byte)(1 << bit);
                AssertRejected(sut.Verify($"{parts[0]}.{parts[1]}.{Base64Url.EncodeToString(tampered)}"), $"signature byte {i} bit {bit}");
                checkedCount++;
            }
        }

        checkedCount.Should().Be((payload.Length + 64) * 8);
    }

    [Test]
    public void Verify_EverySingleBitFlipOfAnyTokenCharacter_IsNeverValid()
    {
        var token = SignToken(instance: Licenses.Instance());
        using var sut = CreateSut();
        var checkedCount = 0;

        for (var i = 0; i < token.Length; i++)
        {
            for (var bit = 0; bit < 16; bit++)
            {
                var chars = token.ToCharArray();
                chars[i] = (char)(chars[i] ^ (1 << bit));
                AssertRejected(sut.Verify(new string(chars)), $"char {i} bit {bit}");
                checkedCount++;
            }
        }

        checkedCount.Should().Be(token.Length * 16);
    }

    [Test]
    public void Verify_SignatureWithUnusedTrailingBitsSet_IsMalformed()
    {
        // 64 bytes leave 4 unused bits in the last base64url character; 'A' -> 'B' sets one of them without changing the bytes.
        var token = SignToken();
        var lastChar = token[^1];
        var sextet = Base64UrlAlphabet.IndexOf(lastChar, StringComparison.Ordinal);
        var twin = token[..^1] + Base64UrlAlphabet[sextet | 1];
        using var sut = CreateSut();

        sut.Verify(twin).Code.Should().Be(LicenseTokenCode.Malformed);
    }

    [Test]
    public void Verify_TokenOfAnotherKeyWithTheSameKid_IsBadSignature()
    {
        var impostor = TestKeys.Create("2026-01");
        var token = SignToken(keys: impostor);
        using var sut = CreateSut();

        var result = sut.Verify(token);

        result.Code.Should().Be(LicenseTokenCode.BadSignature);
        result.Claims.Should().BeNull();
    }

    [Test]
    public void Verify_TokenOfAnUnknownKid_IsUnknownKey()
    {
        var token = SignToken(keys: NextKeys);
        using var sut = CreateSut();

        var result = sut.Verify(token);

        result.Code.Should().Be(LicenseTokenCode.UnknownKey);
        result.Claims.Should().BeNull();
    }

    [Test]
    public void Verify_WithTwoKeys_AcceptsTokensOfBoth_AndRejectsARetiredKid()
    {
        var oldToken = SignToken(keys: Keys);
        var newToken = SignToken(keys: NextKeys);
        using var both = new LicenseTokenVerifier(
            new Dictionary<string, string> { [Keys.KeyId] = Keys.PublicKeyPem, [NextKeys.KeyId] = NextKeys.PublicKeyPem }, _time, TimeSpan.Zero);
        using var afterRetirement = new LicenseTokenVerifier(NextKeys.PublicKeyPem, NextKeys.KeyId, _time);

        both.KeyIds.Should().BeEquivalentTo(["2026-01", "2026-07"]);
        both.Verify(oldToken).Code.Should().Be(LicenseTokenCode.Valid);
        both.Verify(newToken).Code.Should().Be(LicenseTokenCode.Valid);
        afterRetirement.Verify(newToken).Code.Should().Be(LicenseTokenCode.Valid);
        afterRetirement.Verify(oldToken).Code.Should().Be(LicenseTokenCode.UnknownKey);
    }

    [Test]
    public void Verify_AfterLicenseExpiry_IsLicenseExpired()
    {
        var token = SignToken(Licenses.Create(expiresAt: Licenses.Now.AddDays(2)));
        using var sut = CreateSut();
        _time.Advance(TimeSpan.FromDays(2));

        var result = sut.Verify(token);

        result.Code.Should().Be(LicenseTokenCode.LicenseExpired);
        result.Claims!.ExpiresAt.Should().Be(Licenses.Now.AddDays(2));
    }

    [Test]
    public void Verify_OneMillisecondBeforeLicenseExpiry_IsValid()
    {
        var token = SignToken(Licenses.Create(expiresAt: Licenses.Now.AddDays(2)));
        using var sut = CreateSut();
        _time.Advance(TimeSpan.FromDays(2) - TimeSpan.FromMilliseconds(1));

        sut.Verify(token).Code.Should().Be(LicenseTokenCode.Valid);
    }

    [Test]
    public void Verify_AfterTokenLifetime_IsTokenExpired()
    {
        var token = SignToken(lifetime: TimeSpan.FromDays(7));
        using var sut = CreateSut();
        _time.Advance(TimeSpan.FromDays(7));

        sut.Verify(token).Code.Should().Be(LicenseTokenCode.TokenExpired);
    }

    [Test]
    public void Verify_BeforeNotBefore_IsNotYetValid()
    {
        var token = SignToken();
        _time = new FakeTimeProvider(Licenses.Now.AddMinutes(-1));
        using var sut = CreateSut();

        sut.Verify(token).Code.Should().Be(LicenseTokenCode.NotYetValid);
    }

    [Test]
    public void Verify_ClientClockBehindWithinTheSkew_IsValid()
    {
        var token = SignToken();
        _time = new FakeTimeProvider(Licenses.Now.AddMinutes(-4));
        using var sut = CreateSut(clockSkew: TimeSpan.FromMinutes(5));

        sut.Verify(token).Code.Should().Be(LicenseTokenCode.Valid);
    }

    [Test]
    public void Verify_JustPastTokenLifetimeWithinTheSkew_IsValid_AndBeyondIsTokenExpired()
    {
        var token = SignToken(lifetime: TimeSpan.FromDays(1));
        using var sut = CreateSut(clockSkew: TimeSpan.FromMinutes(5));

        _time.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(4));
        sut.Verify(token).Code.Should().Be(LicenseTokenCode.Valid);

        _time.Advance(TimeSpan.FromMinutes(1));
        sut.Verify(token).Code.Should().Be(LicenseTokenCode.TokenExpired);
    }

    [Test]
    public void Verify_DefaultClockSkew_IsFiveMinutes()
    {
        var token = SignToken();
        var justInside = new FakeTimeProvider(Licenses.Now.AddMinutes(-5));
        var justOutside = new FakeTimeProvider(Licenses.Now.AddMinutes(-5).AddMilliseconds(-1));
        using var inside = new LicenseTokenVerifier(Keys.PublicKeyPem, Keys.KeyId, justInside);
        using var outside = new LicenseTokenVerifier(Keys.PublicKeyPem, Keys.KeyId, justOutside);

        LicenseTokenVerifier.DefaultClockSkew.Should().Be(TimeSpan.FromMinutes(5));
        inside.Verify(token).Code.Should().Be(LicenseTokenCode.Valid);
        outside.Verify(token).Code.Should().Be(LicenseTokenCode.NotYetValid);
    }

    [Test]
    public void Verify_WithAnotherFingerprint_IsFingerprintMismatch()
    {
        var token = SignToken(instance: Licenses.Instance("fp-123"));
        using var sut = CreateSut();

        sut.Verify(token, "fp-999").Code.Should().Be(LicenseTokenCode.FingerprintMismatch);
        sut.Verify(token, "FP-123").Code.Should().Be(LicenseTokenCode.FingerprintMismatch);
    }

    [Test]
    public void Verify_UnboundTokenWhenAFingerprintIsRequired_IsFingerprintMismatch()
    {
        var token = SignToken(instance: null);
        using var sut = CreateSut();

        sut.Verify(token, "fp-123").Code.Should().Be(LicenseTokenCode.FingerprintMismatch);
    }

    [TestCase(LicenseStatus.Disabled)]
    [TestCase(LicenseStatus.Revoked)]
    public void Verify_TokenOfAnInactiveLicense_IsLicenseNotActive(LicenseStatus status)
    {
        var token = SignToken(Licenses.Create(status));
        using var sut = CreateSut();

        var result = sut.Verify(token);

        result.Code.Should().Be(LicenseTokenCode.LicenseNotActive);
        result.Claims!.IsActive.Should().BeFalse();
    }

    [Test]
    public void Verify_RevokedAndExpired_ReportsTheFirstFailureInOrder()
    {
        var token = SignToken(Licenses.Create(LicenseStatus.Revoked, expiresAt: Licenses.Now.AddHours(1)), Licenses.Instance("fp-1"));
        using var sut = CreateSut();
        _time.Advance(TimeSpan.FromDays(30));

        sut.Verify(token, "fp-other").Code.Should().Be(LicenseTokenCode.LicenseNotActive);
    }

    [Test]
    public void Verify_OtherFormatVersionPrefix_IsUnsupportedVersion()
    {
        var token = SignToken();
        using var sut = CreateSut();

        sut.Verify("LK2" + token[3..]).Code.Should().Be(LicenseTokenCode.UnsupportedVersion);
    }

    [Test]
    public void Verify_SignedPayloadOfAnotherVersion_IsUnsupportedVersion()
    {
        using var key = Keys.PrivateEcdsa();
        using var sut = CreateSut();

        sut.Verify(TokenForge.Sign(key, TokenForge.ValidJson(version: 2))).Code.Should().Be(LicenseTokenCode.UnsupportedVersion);
    }

    [TestCase("EdDSA")]
    [TestCase("none")]
    [TestCase("es256")]
    public void Verify_OtherAlgorithm_IsUnsupportedAlgorithm(string alg)
    {
        using var key = Keys.PrivateEcdsa();
        using var sut = CreateSut();

        sut.Verify(TokenForge.Sign(key, TokenForge.ValidJson(alg: alg))).Code.Should().Be(LicenseTokenCode.UnsupportedAlgorithm);
    }

    [Test]
    public void Verify_HandMadePayloadInTheDocumentedShape_IsValid()
    {
        using var key = Keys.PrivateEcdsa();
        using var sut = CreateSut();

        var result = sut.Verify(TokenForge.Sign(key, TokenForge.ValidJson()));

        result.Code.Should().Be(LicenseTokenCode.Valid);
        result.Claims!.LicenseId.Should().Be("lic_1");
    }

    [Test]
    public void Verify_JsonEscapedCharactersInStringsAndTimestamps_AreUnescaped()
    {
        using var key = Keys.PrivateEcdsa();
        using var sut = CreateSut();
        var json = TokenForge.ValidJson()
            .Replace("2026-05-18T01:12:25.764Z", "2026-05-18T01:12:25.76\\u0034Z", StringComparison.Ordinal)
            .Replace("\"lic_1\"", "\"lic\\u005f1\"", StringComparison.Ordinal);

        var result = sut.Verify(TokenForge.Sign(key, json));

        result.Code.Should().Be(LicenseTokenCode.Valid);
        result.Claims!.LicenseId.Should().Be("lic_1");
        result.Claims.TokenExpiresAt.Should().Be(new DateTimeOffset(2026, 5, 18, 1, 12, 25, 764, TimeSpan.Zero));
    }

    [Test]
    public void Verify_TokenOfTheKeyHolderDefault_IsValidWithoutCustomerPaymentOrMetadata()
    {
        var license = Licenses.Create();
        var token = SignToken(license, Licenses.Instance(), discloseCustomerData: false);
        using var sut = CreateSut();

        var result = sut.Verify(token, "fp-123");

        result.Code.Should().Be(LicenseTokenCode.Valid);
        result.Claims!.LicenseId.Should().Be(license.Id);
        result.Claims.CustomerId.Should().BeNull();
        result.Claims.PaymentId.Should().BeNull();
        result.Claims.Metadata.Should().BeEmpty();
    }

    [Test]
    public void Verify_HandMadePayloadWithoutCustomerId_IsValid_AndWithPaymentIdReadsIt()
    {
        using var key = Keys.PrivateEcdsa();
        using var sut = CreateSut();
        var withoutCustomer = TokenForge.ValidJson().Replace("\"customer_id\":\"cust_1\",", "", StringComparison.Ordinal);

        var minimal = sut.Verify(TokenForge.Sign(key, withoutCustomer));
        var withPayment = sut.Verify(TokenForge.Sign(key, TokenForge.ValidJson(extra: ",\"payment_id\":\"pay_1\"")));

        minimal.Code.Should().Be(LicenseTokenCode.Valid);
        minimal.Claims!.CustomerId.Should().BeNull();
        withPayment.Code.Should().Be(LicenseTokenCode.Valid);
        withPayment.Claims!.PaymentId.Should().Be("pay_1");
    }

    [Test]
    public void Verify_UnknownExtraMember_IsIgnored()
    {
        using var key = Keys.PrivateEcdsa();
        using var sut = CreateSut();

        sut.Verify(TokenForge.Sign(key, TokenForge.ValidJson(extra: ",\"future\":{\"a\":[1,2]}"))).Code.Should().Be(LicenseTokenCode.Valid);
    }

    [TestCase(",\"kid\":\"2026-01\"", TestName = "Verify_DuplicateMember_IsMalformed")]
    [TestCase(",\"metadata\":{}", TestName = "Verify_DuplicateMetadata_IsMalformed")]
    [TestCase(",\"payment_id\":\"pay_1\",\"payment_id\":null", TestName = "Verify_DuplicatePaymentId_IsMalformed")]
    [TestCase(",\"payment_id\":1", TestName = "Verify_PaymentIdThatIsNotAString_IsMalformed")]
    public void Verify_SignedButIllFormedPayload_IsMalformed(string extra)
    {
        using var key = Keys.PrivateEcdsa();
        using var sut = CreateSut();

        sut.Verify(TokenForge.Sign(key, TokenForge.ValidJson(extra: extra))).Code.Should().Be(LicenseTokenCode.Malformed);
    }

    [TestCase("""{"v":1}""")]
    [TestCase("[]")]
    [TestCase("null")]
    [TestCase("{")]
    [TestCase("""{"v":"1","alg":"ES256"}""")]
    public void Verify_SignedJsonThatIsNotAPayload_IsMalformed(string json)
    {
        using var key = Keys.PrivateEcdsa();
        using var sut = CreateSut();

        sut.Verify(TokenForge.Sign(key, json)).Code.Should().Be(LicenseTokenCode.Malformed);
    }

    [Test]
    public void Verify_PayloadWithWrongTypesOrTimestamps_IsMalformed()
    {
        using var key = Keys.PrivateEcdsa();
        using var sut = CreateSut();
        var json = TokenForge.ValidJson();

        string[] variants =
        [
            json.Replace("\"activations_limit\":null", "\"activations_limit\":-1", StringComparison.Ordinal),
            json.Replace("\"activations_limit\":null", "\"activations_limit\":1.5", StringComparison.Ordinal),
            json.Replace("2026-05-18T01:12:25.764Z", "2026-05-18T01:12:25Z", StringComparison.Ordinal),
            json.Replace("2026-05-18T01:12:25.764Z", "2026-05-18T01:12:25.764+00:00", StringComparison.Ordinal),
            json.Replace("2026-05-18T01:12:25.764Z", "2026-02-30T01:12:25.764Z", StringComparison.Ordinal),
            json.Replace("2026-05-18T01:12:25.764Z", "2026-05-18T24:00:00.000Z", StringComparison.Ordinal),
            json.Replace("2026-05-18T01:12:25.764Z", "2026-05-18t01:12:25.764z", StringComparison.Ordinal),
            json.Replace("\"metadata\":{}", "\"metadata\":{\"a\":1}", StringComparison.Ordinal),
            json.Replace("\"status\":\"ACTIVE\"", "\"status\":null", StringComparison.Ordinal),
            json.Replace("\"fingerprint\":null,", string.Empty, StringComparison.Ordinal) + " x",
        ];

        foreach (var variant in variants)
        {
            sut.Verify(TokenForge.Sign(key, variant)).Code.Should().Be(LicenseTokenCode.Malformed, variant);
        }
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase(" ")]
    [TestCase("LK1")]
    [TestCase("LK1.")]
    [TestCase("LK1..")]
    [TestCase("LK1.e30.")]
    [TestCase("eyJhbGciOiJIUzI1NiJ9.e30.c2ln")]
    [TestCase("LK1.e30=.AAAA")]
    public void Verify_JunkInput_IsMalformed(string? input)
    {
        using var sut = CreateSut();

        var result = sut.Verify(input);

        result.Code.Should().Be(LicenseTokenCode.Malformed);
        result.Claims.Should().BeNull();
    }

    [Test]
    public void Verify_HugeInput_IsMalformed()
    {
        using var sut = CreateSut();

        sut.Verify("LK1." + new string('A', 10_000_000) + "." + new string('A', 86)).Code.Should().Be(LicenseTokenCode.Malformed);
    }

    [Test]
    public void Verify_TenThousandRandomOrTruncatedStrings_ReturnResultsAndNeverValid()
    {
        var token = SignToken(instance: Licenses.Instance());
        using var sut = CreateSut();
        var random = new Random(20260511);
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.=+/ {}\"\\\u00e9\u0000\ud800";
        var results = 0;

        for (var i = 0; i < 10_000; i++)
        {
            var input = (i % 4) switch
            {
                0 => token[..random.Next(token.Length)],
                1 => "LK1." + RandomString(random, alphabet, random.Next(0, 700)),
                2 => RandomString(random, alphabet, random.Next(0, 300)),
                _ => token[..random.Next(token.Length)] + RandomString(random, alphabet, random.Next(1, 20)) + token[random.Next(token.Length)..],
            };

            var result = sut.Verify(input, i % 2 == 0 ? "fp-123" : null);
            if (input != token)
            {
                result.IsValid.Should().BeFalse(input);
            }

            results++;
        }

        results.Should().Be(10_000);
    }

    [Test]
    public void Verify_EightThreadsTimesTenThousand_AllValid()
    {
        var token = SignToken(instance: Licenses.Instance());
        using var sut = CreateSut();
        const int threadCount = 8;
        const int perThread = 10_000;
        var valid = 0;
        var failures = 0;
        using var start = new Barrier(threadCount);

        var threads = Enumerable.Range(0, threadCount).Select(_ => new Thread(() =>
        {
            start.SignalAndWait();
            for (var i = 0; i < perThread; i++)
            {
                if (sut.Verify(token, "fp-123").IsValid)
                {
                    Interlocked.Increment(ref valid);
                }
                else
                {
                    Interlocked.Increment(ref failures);
                }
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        failures.Should().Be(0);
        valid.Should().Be(threadCount * perThread);
    }

    [Test]
    public void Verify_LicenseWithMetadataAtTheCoreLimits_RoundTrips()
    {
        var metadata = Enumerable.Range(0, LicenseLimits.MaxMetadataEntries).ToDictionary(
            i => $"k{i:D2}".PadRight(LicenseLimits.MaxMetadataKeyLength, 'k'),
            i => new string((char)('a' + (i % 26)), LicenseLimits.MaxMetadataValueLength));
        var token = SignToken(Licenses.Create(metadata: metadata));
        using var sut = CreateSut();

        var result = sut.Verify(token);

        result.Code.Should().Be(LicenseTokenCode.Valid);
        result.Claims!.Metadata.Should().Equal(metadata);
    }

    [Test]
    public void Verify_AfterDispose_ReturnsAResultInsteadOfThrowing()
    {
        var token = SignToken();
        var sut = CreateSut();
        sut.Dispose();

        var result = sut.Verify(token);

        result.IsValid.Should().BeFalse();
    }

    [Test]
    public void Constructor_WithPrivateKeyPem_RefusesIt()
    {
        var act = () => new LicenseTokenVerifier(Keys.PrivateKeyPem, Keys.KeyId);

        act.Should().Throw<ArgumentException>().WithMessage("*is a private key. Ship only the public key*");
    }

    [Test]
    public void Constructor_WithP384PublicKey_RefusesIt()
    {
        using var p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);

        var act = () => new LicenseTokenVerifier(p384.ExportSubjectPublicKeyInfoPem(), "k");

        act.Should().Throw<ArgumentException>().WithMessage("*not on the P-256 curve*");
    }

    [Test]
    public void Constructor_WithRsaPublicKey_RefusesIt()
    {
        using var rsa = RSA.Create(2048);

        var act = () => new LicenseTokenVerifier(rsa.ExportSubjectPublicKeyInfoPem(), "k");

        act.Should().Throw<ArgumentException>().WithMessage("*not an EC public key*");
    }

    [TestCase("")]
    [TestCase("not a pem")]
    public void Constructor_WithGarbageKey_Throws(string pem)
    {
        var act = () => new LicenseTokenVerifier(pem, "k");

        act.Should().Throw<ArgumentException>();
    }

    [Test]
    public void Constructor_WithNoKeys_Throws()
    {
        var act = () => new LicenseTokenVerifier(new Dictionary<string, string>());

        act.Should().Throw<ArgumentException>().WithMessage("At least one public key is required.*");
    }

    private const string Base64UrlAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    private static void AssertRejected(LicenseTokenVerificationResult result, string because)
    {
        result.IsValid.Should().BeFalse(because);
        result.Claims.Should().BeNull(because);
    }

    private static string RandomString(Random random, string alphabet, int length) =>
        string.Create(length, (random, alphabet), static (span, state) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = state.alphabet[state.random.Next(state.alphabet.Length)];
            }
        });
}
