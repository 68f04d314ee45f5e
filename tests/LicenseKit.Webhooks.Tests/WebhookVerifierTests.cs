using System.Text;
using LicenseKit.Webhooks.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace LicenseKit.Webhooks.Tests;

public class WebhookVerifierTests
{
    private const string Id = "evt_2KWPBgLlAfxdpx2AI54pPJ85f4W";
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"type":"license_key.created","data":{}}""");
    private static readonly string Timestamp = TestEvents.Now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static WebhookVerifier CreateSut(FakeTimeProvider? time = null, params string[] secrets) =>
        new(secrets.Length == 0 ? [TestSecrets.Current] : secrets, time ?? new FakeTimeProvider(TestEvents.Now));

    private static string Sign(params string[] secrets) => new WebhookSigner(secrets.Length == 0 ? [TestSecrets.Current] : secrets).Sign(Id, TestEvents.Now, Body);

    [Test]
    public void Verify_WhatTheSignerSigned_IsValidAndReturnsTheId()
    {
        var result = CreateSut().Verify(Id, Timestamp, Sign(), Body);

        result.Should().Be(new WebhookVerificationResult { Code = WebhookVerificationCode.Valid, WebhookId = Id, Timestamp = TestEvents.Now.AddMilliseconds(-764) });
        result.IsValid.Should().BeTrue();
    }

    [Test]
    public void Verify_TextBody_IsCheckedAsItsUtf8Bytes()
    {
        CreateSut().Verify(Id, Timestamp, Sign(), Encoding.UTF8.GetString(Body)).IsValid.Should().BeTrue();
    }

    [Test]
    public async Task Verify_ASignatureMadeByAnIndependentPythonImplementation_IsValid()
    {
        var header = await PythonReference.SignAsync(TestSecrets.Current, Id, TestEvents.Now.ToUnixTimeSeconds(), Body);

        CreateSut().Verify(Id, Timestamp, header, Body).Code.Should().Be(WebhookVerificationCode.Valid);
    }

    [Test]
    public void Verify_TamperedBody_IsRefused()
    {
        var tampered = Encoding.UTF8.GetBytes("""{"type":"license_key.created","data":{} }""");

        CreateSut().Verify(Id, Timestamp, Sign(), tampered).Code.Should().Be(WebhookVerificationCode.SignatureMismatch);
    }

    [Test]
    public void Verify_TamperedId_IsRefusedAndReturnsNoId()
    {
        var result = CreateSut().Verify("evt_other", Timestamp, Sign(), Body);

        result.Code.Should().Be(WebhookVerificationCode.SignatureMismatch);
        result.WebhookId.Should().BeNull();
    }

    [Test]
    public void Verify_TamperedTimestamp_IsRefused()
    {
        var oneSecondLater = (TestEvents.Now.ToUnixTimeSeconds() + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);

        CreateSut().Verify(Id, oneSecondLater, Sign(), Body).Code.Should().Be(WebhookVerificationCode.SignatureMismatch);
    }

    [Test]
    public void Verify_SignatureUnderAnotherSecret_IsRefused()
    {
        CreateSut().Verify(Id, Timestamp, Sign(TestSecrets.Unrelated), Body).Code.Should().Be(WebhookVerificationCode.SignatureMismatch);
    }

    [Test]
    public void Verify_AtTheOldEdgeOfTheWindow_IsValidAndOneSecondLaterIsRefused()
    {
        var time = new FakeTimeProvider(TestEvents.Now.AddMilliseconds(-764) + WebhookVerifier.DefaultTolerance);
        var sut = CreateSut(time);
        sut.Verify(Id, Timestamp, Sign(), Body).Code.Should().Be(WebhookVerificationCode.Valid);

        time.Advance(TimeSpan.FromSeconds(1));

        sut.Verify(Id, Timestamp, Sign(), Body).Code.Should().Be(WebhookVerificationCode.TimestampTooOld);
    }

    [Test]
    public void Verify_AtTheFutureEdgeOfTheWindow_IsValidAndOneSecondFurtherIsRefused()
    {
        var edge = TestEvents.Now.AddMilliseconds(-764) - WebhookVerifier.DefaultTolerance;

        CreateSut(new FakeTimeProvider(edge)).Verify(Id, Timestamp, Sign(), Body).Code.Should().Be(WebhookVerificationCode.Valid);
        CreateSut(new FakeTimeProvider(edge.AddSeconds(-1))).Verify(Id, Timestamp, Sign(), Body).Code.Should().Be(WebhookVerificationCode.TimestampTooNew);
    }

    [Test]
    public void Verify_WithACustomTolerance_RefusesWhatTheDefaultWouldAccept()
    {
        var sut = new WebhookVerifier([TestSecrets.Current], new FakeTimeProvider(TestEvents.Now.AddMinutes(2)), TimeSpan.FromMinutes(1));

        sut.Verify(Id, Timestamp, Sign(), Body).Code.Should().Be(WebhookVerificationCode.TimestampTooOld);
    }

    [Test]
    public void Verify_DuringRotation_AcceptsEitherSecretOnEitherSide()
    {
        var receiverWithBoth = CreateSut(null, TestSecrets.Previous, TestSecrets.Current);
        receiverWithBoth.Verify(Id, Timestamp, Sign(TestSecrets.Previous), Body).IsValid.Should().BeTrue();
        receiverWithBoth.Verify(Id, Timestamp, Sign(TestSecrets.Current), Body).IsValid.Should().BeTrue();

        var senderSigningWithBoth = Sign(TestSecrets.Current, TestSecrets.Previous);
        CreateSut(null, TestSecrets.Previous).Verify(Id, Timestamp, senderSigningWithBoth, Body).IsValid.Should().BeTrue();
        CreateSut(null, TestSecrets.Current).Verify(Id, Timestamp, senderSigningWithBoth, Body).IsValid.Should().BeTrue();
        CreateSut(null, TestSecrets.Unrelated).Verify(Id, Timestamp, senderSigningWithBoth, Body).IsValid.Should().BeFalse();
    }

    [Test]
    public void Verify_SkipsOtherSchemesAndMalformedEntriesAndFindsTheValidOne()
    {
        var header = "v1a,hnO3f9T8Ytu9HwrXslvumlUpqtNVqkhqw/enGzPCXe5BdqzCInXqYXFymVJaA7AZdpXwVLPo3mNl8EM+m7TBAg== v1,@@@ v1, v1,AAAA junk " + Sign();

        CreateSut().Verify(Id, Timestamp, header, Body).Code.Should().Be(WebhookVerificationCode.Valid);
    }

    [TestCase(null, "t", "s", WebhookHeaders.Id)]
    [TestCase("", "t", "s", WebhookHeaders.Id)]
    [TestCase("i", null, "s", WebhookHeaders.Timestamp)]
    [TestCase("i", "t", "", WebhookHeaders.Signature)]
    public void Verify_WithAMissingHeader_NamesIt(string? id, string? timestamp, string? signature, string header)
    {
        var result = CreateSut().Verify(id, timestamp, signature, Body);

        result.Should().Be(new WebhookVerificationResult { Code = WebhookVerificationCode.MissingHeader, Header = header });
    }

    [TestCase("-1674087231")]
    [TestCase("+1674087231")]
    [TestCase(" 1674087231")]
    [TestCase("1674087231.5")]
    [TestCase("2026-05-11T01:12:25Z")]
    [TestCase("99999999999999999999999")]
    [TestCase("253402300800")]
    public void Verify_WithATimestampThatIsNotWholeUnixSeconds_IsRefused(string timestamp)
    {
        CreateSut().Verify(Id, timestamp, Sign(), Body).Code.Should().Be(WebhookVerificationCode.InvalidTimestamp);
    }

    [TestCase("v1,")]
    [TestCase("v1,not-base64")]
    [TestCase("v2,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=")]
    [TestCase("v1,AAAA")]
    [TestCase("K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=")]
    [TestCase("   ")]
    public void Verify_WithAMalformedSignatureHeader_IsRefusedWithoutThrowing(string header)
    {
        CreateSut().Verify(Id, Timestamp, header, Body).Code.Should().Be(WebhookVerificationCode.SignatureMismatch);
    }

    [Test]
    public void Verify_ChecksAtMostSixteenSignatures()
    {
        var decoys = string.Join(' ', Enumerable.Repeat(Sign(TestSecrets.Unrelated), 16));

        CreateSut().Verify(Id, Timestamp, decoys + " " + Sign(), Body).Code.Should().Be(WebhookVerificationCode.SignatureMismatch);
        CreateSut().Verify(Id, Timestamp, Sign() + " " + decoys, Body).Code.Should().Be(WebhookVerificationCode.Valid);
    }

    [Test]
    public void Constructor_WithANegativeTolerance_Throws()
    {
        var act = () => new WebhookVerifier([TestSecrets.Current], tolerance: TimeSpan.FromSeconds(-1));

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("tolerance");
    }
}
