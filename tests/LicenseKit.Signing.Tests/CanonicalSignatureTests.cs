using System.Buffers.Text;
using LicenseKit.Signing.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace LicenseKit.Signing.Tests;

public class CanonicalSignatureTests
{
    private static readonly TestKeys Keys = TestKeys.Create("2026-01");

    [Test]
    public void Signer_EmitsOnlyLowS()
    {
        using var key = Keys.SigningKey();
        var sut = new LicenseTokenSigner(key, TimeSpan.FromDays(7), new FakeTimeProvider(Licenses.Now));

        // Half of raw ECDSA signatures are high-S: 64 tokens all low-S leaves no doubt.
        var tokens = Enumerable.Range(0, 64).Select(i => sut.Sign(Licenses.Create(), Licenses.Instance($"fp-{i}"))).ToList();

        tokens.Should().AllSatisfy(t => TokenForge.IsLowS(t).Should().BeTrue());
    }

    [Test]
    public void Verifier_RefusesTheHighSTwinOfEveryValidToken()
    {
        using var key = Keys.SigningKey();
        var signer = new LicenseTokenSigner(key, TimeSpan.FromDays(7), new FakeTimeProvider(Licenses.Now));
        using var verifier = new LicenseTokenVerifier(Keys.PublicKeyPem, Keys.KeyId, new FakeTimeProvider(Licenses.Now));

        for (var i = 0; i < 16; i++)
        {
            var token = signer.Sign(Licenses.Create(), Licenses.Instance($"fp-{i}"));
            var parts = token.Split('.');
            var twin = $"{parts[0]}.{parts[1]}.{Base64Url.EncodeToString(TokenForge.WithS(Base64Url.DecodeFromChars(parts[2]), low: false))}";

            verifier.Verify(token).Code.Should().Be(LicenseTokenCode.Valid);
            twin.Should().NotBe(token);
            verifier.Verify(twin).Code.Should().Be(LicenseTokenCode.BadSignature);
            verifier.Verify(twin).Claims.Should().BeNull();
        }
    }
}
