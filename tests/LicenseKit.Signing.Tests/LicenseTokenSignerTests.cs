using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using LicenseKit.Signing.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace LicenseKit.Signing.Tests;

public class LicenseTokenSignerTests
{
    private static readonly TestKeys Keys = TestKeys.Create();

    private static LicenseTokenSigner CreateSut(FakeTimeProvider? time = null, TimeSpan? lifetime = null, bool discloseCustomerData = false) =>
        new(Keys.SigningKey(), lifetime ?? TimeSpan.FromDays(7), time ?? new FakeTimeProvider(Licenses.Now)) { DiscloseCustomerData = discloseCustomerData };

    [Test]
    public void Sign_ProducesThreeSegments_WithLk1PrefixAndA64ByteSignature()
    {
        var token = CreateSut().Sign(Licenses.Create(), Licenses.Instance());

        var segments = token.Split('.');
        segments.Should().HaveCount(3);
        segments[0].Should().Be("LK1");
        segments[1].Should().MatchRegex("^[A-Za-z0-9_-]+$");
        segments[2].Should().HaveLength(86).And.MatchRegex("^[A-Za-z0-9_-]+$");
        Base64Url.DecodeFromChars(segments[2]).Should().HaveCount(64);
    }

    [Test]
    public void Sign_ByDefault_WritesTheKeyHolderClaimsInTheDocumentedOrderAndSpelling_WithoutCustomerPaymentOrMetadata()
    {
        var token = CreateSut().Sign(Licenses.Create(), Licenses.Instance());

        TokenForge.Payload(token).Should().Be(
            """{"v":1,"alg":"ES256","kid":"2026-01","license_id":"lic_hyQQhhNzfEuvv","key":"A184-99C2-8CBE","business_id":"biz_345TUESrCDPvrb","product_id":"prod_hyQQhhNzfEuvv","status":"ACTIVE","activations_limit":3,"expires_at":"2026-06-10T01:12:25.764Z","issued_at":"2026-05-11T01:12:25.764Z","not_before":"2026-05-11T01:12:25.764Z","token_expires_at":"2026-05-18T01:12:25.764Z","instance_id":"lki_4Xq9TestInstance","fingerprint":"fp-123"}""");
    }

    [Test]
    public void Sign_DisclosingCustomerData_AddsCustomerPaymentAndMetadataInTheDocumentedOrder()
    {
        var token = CreateSut(discloseCustomerData: true).Sign(Licenses.Create(), Licenses.Instance());

        TokenForge.Payload(token).Should().Be(
            """{"v":1,"alg":"ES256","kid":"2026-01","license_id":"lic_hyQQhhNzfEuvv","key":"A184-99C2-8CBE","business_id":"biz_345TUESrCDPvrb","product_id":"prod_hyQQhhNzfEuvv","customer_id":"cust_3r2FgHXp9","payment_id":"pay_3r2FgHXp9","status":"ACTIVE","activations_limit":3,"expires_at":"2026-06-10T01:12:25.764Z","issued_at":"2026-05-11T01:12:25.764Z","not_before":"2026-05-11T01:12:25.764Z","token_expires_at":"2026-05-18T01:12:25.764Z","instance_id":"lki_4Xq9TestInstance","fingerprint":"fp-123","metadata":{"tier":"pro","seats":"5"}}""");
    }

    [Test]
    public void Sign_WithoutInstanceOrOptionalValues_WritesNulls()
    {
        var license = Licenses.Create() with { ActivationsLimit = null, ExpiresAt = null, Metadata = null, PaymentId = null };

        var token = CreateSut(discloseCustomerData: true).Sign(license, instance: null);

        var payload = TokenForge.Payload(token);
        payload.Should().Contain("\"payment_id\":null,").And.Contain("\"activations_limit\":null,\"expires_at\":null,");
        payload.Should().Contain("\"instance_id\":null,\"fingerprint\":null,\"metadata\":{}}");
    }

    [Test]
    public void Sign_SignatureCoversTheAsciiTextBeforeTheSecondDot()
    {
        var token = CreateSut().Sign(Licenses.Create(), Licenses.Instance());
        var lastDot = token.LastIndexOf('.');

        using var publicKey = ECDsa.Create();
        publicKey.ImportFromPem(Keys.PublicKeyPem);
        publicKey.VerifyData(
            Encoding.ASCII.GetBytes(token[..lastDot]),
            Base64Url.DecodeFromChars(token.AsSpan(lastDot + 1)),
            HashAlgorithmName.SHA256,
            DSASignatureFormat.IeeeP1363FixedFieldConcatenation).Should().BeTrue();
    }

    [Test]
    public void Sign_WritesNonAsciiMetadataAsUtf8_EscapingOnlyWhatJsonRequires_AndTheVerifierReadsItBack()
    {
        var license = Licenses.Create(metadata: new Dictionary<string, string> { ["name"] = "Zoë \"Ω\" <&>", ["ключ"] = "значение" });

        var token = CreateSut(discloseCustomerData: true).Sign(license, null);

        TokenForge.Payload(token).Should().Contain("""
            "metadata":{"name":"Zoë \"Ω\" <&>","ключ":"значение"}
            """);
        using var verifier = new LicenseTokenVerifier(Keys.PublicKeyPem, Keys.KeyId, new FakeTimeProvider(Licenses.Now));
        verifier.Verify(token).Claims!.Metadata.Should().Equal(license.Metadata!);
    }

    [Test]
    public void Sign_WithExplicitLifetime_SetsTokenExpiry()
    {
        var token = CreateSut().Sign(Licenses.Create(), null, TimeSpan.FromHours(1));

        TokenForge.Payload(token).Should().Contain("\"token_expires_at\":\"2026-05-11T02:12:25.764Z\"");
    }

    [Test]
    public void Sign_TruncatesTheClockToMilliseconds()
    {
        var time = new FakeTimeProvider(Licenses.Now.AddTicks(9_999));

        var token = CreateSut(time).Sign(Licenses.Create(), null);

        TokenForge.Payload(token).Should().Contain("\"issued_at\":\"2026-05-11T01:12:25.764Z\"");
    }

    [Test]
    public void Sign_DisabledOrRevokedLicense_WritesItsStatus()
    {
        var sut = CreateSut();

        TokenForge.Payload(sut.Sign(Licenses.Create(LicenseStatus.Disabled), null)).Should().Contain("\"status\":\"DISABLED\"");
        TokenForge.Payload(sut.Sign(Licenses.Create(LicenseStatus.Revoked), null)).Should().Contain("\"status\":\"REVOKED\"");
    }

    [Test]
    public void Sign_ConcurrentlyFromManyThreads_EveryTokenVerifies()
    {
        var sut = CreateSut();
        using var verifier = new LicenseTokenVerifier(Keys.PublicKeyPem, Keys.KeyId, new FakeTimeProvider(Licenses.Now));
        var license = Licenses.Create();
        var valid = 0;

        Parallel.For(0, 2_000, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            var token = sut.Sign(license, Licenses.Instance($"fp-{i}"));
            if (verifier.Verify(token, $"fp-{i}").IsValid)
            {
                Interlocked.Increment(ref valid);
            }
        });

        valid.Should().Be(2_000);
    }

    [Test]
    public void Constructor_WithNonPositiveLifetime_Throws()
    {
        var act = () => new LicenseTokenSigner(Keys.SigningKey(), TimeSpan.Zero);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }
}
