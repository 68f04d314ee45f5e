using System.Buffers.Text;
using System.Text;
using LicenseKit.Signing.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace LicenseKit.Verification.Tests;

public class EntitlementVerificationTests
{
    private static readonly TestKeys Keys = TestKeys.Create("2026-01");

    private static string SignToken(License license) =>
        new LicenseTokenSigner(Keys.SigningKey(), TimeSpan.FromDays(7), new FakeTimeProvider(Licenses.Now)).Sign(license, Licenses.Instance());

    private static LicenseTokenVerifier CreateSut() => new(Keys.PublicKeyPem, Keys.KeyId, new FakeTimeProvider(Licenses.Now), TimeSpan.Zero);

    private static License Granting(params string[] names) => Licenses.Create() with { Entitlements = new LicenseEntitlements(names) };

    [Test]
    public void Verify_TokenOfALicenseGrantingEntitlements_CarriesThemInOrder()
    {
        using var sut = CreateSut();

        var result = sut.Verify(SignToken(Granting("sso", "export-pdf")));

        result.Code.Should().Be(LicenseTokenCode.Valid);
        result.Claims!.Entitlements.Should().Equal("export-pdf", "sso");
        result.Claims.HasEntitlement("sso").Should().BeTrue();
        result.Claims.HasEntitlement("SSO").Should().BeFalse();
        result.Claims.HasEntitlement("audit-log").Should().BeFalse();
    }

    [Test]
    public void Verify_RequiringGrantedEntitlements_IsValid()
    {
        using var sut = CreateSut();

        var result = sut.Verify(SignToken(Granting("sso", "export-pdf")), "fp-123", ["sso", "export-pdf"]);

        result.Code.Should().Be(LicenseTokenCode.Valid);
    }

    [Test]
    public void Verify_RequiringAnEntitlementTheLicenseLacks_AnswersEntitlementMissingWithClaims()
    {
        using var sut = CreateSut();

        var result = sut.Verify(SignToken(Granting("sso")), null, ["sso", "audit-log"]);

        result.Code.Should().Be(LicenseTokenCode.EntitlementMissing);
        result.IsValid.Should().BeFalse();
        result.Claims!.Entitlements.Should().Equal("sso");
    }

    [Test]
    public void Verify_AnExpiredLicenseLackingAnEntitlement_ReportsTheExpiryFirst()
    {
        using var sut = CreateSut();
        var expired = Granting("sso") with { ExpiresAt = Licenses.Now.AddHours(-1) };

        var result = sut.Verify(SignToken(expired), null, ["audit-log"]);

        result.Code.Should().Be(LicenseTokenCode.LicenseExpired);
    }

    [Test]
    public void Sign_ALicenseWithoutEntitlements_WritesNoEntitlementsMember()
    {
        using var sut = CreateSut();
        var token = SignToken(Licenses.Create());

        var payload = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token.Split('.')[1]));
        var result = sut.Verify(token, null, ["sso"]);

        payload.Should().NotContain("entitlements");
        result.Code.Should().Be(LicenseTokenCode.EntitlementMissing);
        result.Claims!.Entitlements.Should().BeEmpty();
    }

    [Test]
    public void Verify_TokenWhoseEntitlementsAreNotAnArrayOfStrings_IsMalformed()
    {
        using var sut = CreateSut();
        var signer = new LicenseTokenSigner(Keys.SigningKey(), TimeSpan.FromDays(7), new FakeTimeProvider(Licenses.Now));
        var token = signer.Sign(Granting("sso"), null);
        var payload = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token.Split('.')[1])).Replace("[\"sso\"]", "[1]", StringComparison.Ordinal);
        using var key = Keys.PrivateEcdsa();
        var tampered = TokenForge.Sign(key, payload);

        sut.Verify(tampered).Code.Should().Be(LicenseTokenCode.Malformed);
    }
}
