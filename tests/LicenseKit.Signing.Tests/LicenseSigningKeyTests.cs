using System.Buffers.Text;
using System.Diagnostics;
using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Text;
using LicenseKit.Signing.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace LicenseKit.Signing.Tests;

public class LicenseSigningKeyTests
{
    [Test]
    public void FromPem_WithPkcs8P256Key_ExposesKidAlgorithmAndPublicKey()
    {
        var keys = TestKeys.Create("2026-01");

        using var sut = LicenseSigningKey.FromPem("2026-01", keys.PrivateKeyPem);

        sut.KeyId.Should().Be("2026-01");
        sut.Algorithm.Should().Be("ES256");
        sut.PublicKeyPem.Should().Be(keys.PublicKeyPem);
    }

    [Test]
    public void FromPem_WithSec1EcPrivateKey_IsAccepted()
    {
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        using var sut = LicenseSigningKey.FromPem("k1", ecdsa.ExportECPrivateKeyPem());

        sut.PublicKeyPem.Should().Be(ecdsa.ExportSubjectPublicKeyInfoPem());
    }

    [Test]
    public void FromECDsa_CopiesTheKey_SoTheCallerMayDisposeIt()
    {
        var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var publicPem = ecdsa.ExportSubjectPublicKeyInfoPem();
        using var sut = LicenseSigningKey.FromECDsa("k1", ecdsa);
        ecdsa.Dispose();
        var token = new LicenseTokenSigner(sut, TimeSpan.FromDays(1), new FakeTimeProvider(Licenses.Now)).Sign(Licenses.Create(), null);

        using var verifier = new LicenseTokenVerifier(publicPem, "k1", new FakeTimeProvider(Licenses.Now));
        verifier.Verify(token).Code.Should().Be(LicenseTokenCode.Valid);
    }

    [Test]
    public void FromPem_WithPublicKey_SaysThePrivateKeyIsNeeded()
    {
        var keys = TestKeys.Create();

        var act = () => LicenseSigningKey.FromPem("k1", keys.PublicKeyPem);

        act.Should().Throw<ArgumentException>().WithMessage("The signing key is a public key; the server needs the private key*");
    }

    [Test]
    public void FromPem_WithP384Key_SaysP256IsRequired()
    {
        using var p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);

        var act = () => LicenseSigningKey.FromPem("k1", p384.ExportPkcs8PrivateKeyPem());

        act.Should().Throw<ArgumentException>().WithMessage("The signing key must be an ECDSA P-256 (prime256v1 / secp256r1) key; this one is on curve '*' (384 bits).*");
    }

    [Test]
    public void FromPem_WithRsaKey_SaysItIsNotAnEcKey()
    {
        using var rsa = RSA.Create(2048);

        var act = () => LicenseSigningKey.FromPem("k1", rsa.ExportPkcs8PrivateKeyPem());

        act.Should().Throw<ArgumentException>().WithMessage("The signing key is not an EC private key*");
    }

    [Test]
    public void FromPem_WithEncryptedKey_SaysToDecryptIt()
    {
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var encrypted = ecdsa.ExportEncryptedPkcs8PrivateKeyPem("pw", new PbeParameters(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, 1000));

        var act = () => LicenseSigningKey.FromPem("k1", encrypted);

        act.Should().Throw<ArgumentException>().WithMessage("The signing key is encrypted*");
    }

    [TestCase("")]
    [TestCase("has space")]
    [TestCase("kid\"quote")]
    [TestCase("0123456789012345678901234567890123456789012345678901234567890123456789")]
    public void FromPem_WithInvalidKeyId_Throws(string keyId)
    {
        var keys = TestKeys.Create();

        var act = () => LicenseSigningKey.FromPem(keyId, keys.PrivateKeyPem);

        act.Should().Throw<ArgumentException>().WithMessage("The key id must be 1 to 64 characters*").And.ParamName.Should().Be("keyId");
    }

    [Test]
    public void FromPem_WithTextThatIsNotPem_Throws()
    {
        var act = () => LicenseSigningKey.FromPem("k1", "MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg");

        act.Should().Throw<ArgumentException>().WithMessage("The signing key is not PEM text*");
    }

    [Test]
    public void KeysMadeWithOpenSsl_SignAndVerify()
    {
        var directory = Directory.CreateTempSubdirectory("licensekit-openssl-");
        try
        {
            var dir = directory.FullName;
            if (!TryOpenSsl(dir, "ecparam -name prime256v1 -genkey -noout -out sec1.pem")
                || !TryOpenSsl(dir, "genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out private.pem")
                || !TryOpenSsl(dir, "pkey -in private.pem -pubout -out public.pem")
                || !TryOpenSsl(dir, "pkey -in sec1.pem -pubout -out sec1-public.pem"))
            {
                Assert.Ignore("openssl is not installed; the openssl key path was not exercised.");
            }

            AssertSignsAndVerifies(File.ReadAllText(Path.Combine(dir, "private.pem")), File.ReadAllText(Path.Combine(dir, "public.pem")));
            AssertSignsAndVerifies(File.ReadAllText(Path.Combine(dir, "sec1.pem")), File.ReadAllText(Path.Combine(dir, "sec1-public.pem")));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Test]
    public void TokensAreInteroperableWithOpenSslDgst_InBothDirections()
    {
        var directory = Directory.CreateTempSubdirectory("licensekit-openssl-");
        try
        {
            var dir = directory.FullName;
            if (!TryOpenSsl(dir, "genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out private.pem")
                || !TryOpenSsl(dir, "pkey -in private.pem -pubout -out public.pem"))
            {
                Assert.Ignore("openssl is not installed; interoperability with another ECDSA implementation was not exercised.");
            }

            var time = new FakeTimeProvider(Licenses.Now);
            using var verifier = new LicenseTokenVerifier(File.ReadAllText(Path.Combine(dir, "public.pem")), "2026-01", time);

            // openssl signs the documented signing input; LicenseKit verifies (DER converted to P1363 r || s).
            var signedText = "LK1." + Base64Url.EncodeToString(Encoding.UTF8.GetBytes(TokenForge.ValidJson()));
            File.WriteAllBytes(Path.Combine(dir, "signed.txt"), Encoding.ASCII.GetBytes(signedText));
            TryOpenSsl(dir, "dgst -sha256 -sign private.pem -out openssl.der signed.txt").Should().BeTrue();
            // Tokens are canonical: another implementation's signature is normalized to low-S, as the format requires.
            var p1363 = TokenForge.WithS(DerToP1363(File.ReadAllBytes(Path.Combine(dir, "openssl.der"))), low: true);
            verifier.Verify(signedText + "." + Base64Url.EncodeToString(p1363)).Code.Should().Be(LicenseTokenCode.Valid);

            // LicenseKit signs; openssl verifies the signature over the text before the second dot.
            using var key = LicenseSigningKey.FromPem("2026-01", File.ReadAllText(Path.Combine(dir, "private.pem")));
            var token = new LicenseTokenSigner(key, TimeSpan.FromDays(7), time).Sign(Licenses.Create(), Licenses.Instance());
            var lastDot = token.LastIndexOf('.');
            File.WriteAllBytes(Path.Combine(dir, "token-signed.txt"), Encoding.ASCII.GetBytes(token[..lastDot]));
            File.WriteAllBytes(Path.Combine(dir, "token.der"), P1363ToDer(Base64Url.DecodeFromChars(token.AsSpan(lastDot + 1))));
            TryOpenSsl(dir, "dgst -sha256 -verify public.pem -signature token.der token-signed.txt").Should().BeTrue();
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static byte[] DerToP1363(byte[] der)
    {
        var sequence = new AsnReader(der, AsnEncodingRules.DER).ReadSequence();
        var result = new byte[64];
        WriteFixed(sequence.ReadIntegerBytes().Span, result.AsSpan(0, 32));
        WriteFixed(sequence.ReadIntegerBytes().Span, result.AsSpan(32, 32));
        return result;

        static void WriteFixed(ReadOnlySpan<byte> integer, Span<byte> destination)
        {
            var trimmed = integer.TrimStart((byte)0);
            trimmed.CopyTo(destination[(32 - trimmed.Length)..]);
        }
    }

    private static byte[] P1363ToDer(byte[] p1363)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            writer.WriteIntegerUnsigned(p1363.AsSpan(0, 32));
            writer.WriteIntegerUnsigned(p1363.AsSpan(32, 32));
        }

        return writer.Encode();
    }

    private static void AssertSignsAndVerifies(string privatePem, string publicPem)
    {
        using var key = LicenseSigningKey.FromPem("openssl-1", privatePem);
        var token = new LicenseTokenSigner(key, TimeSpan.FromDays(7), new FakeTimeProvider(Licenses.Now)).Sign(Licenses.Create(), Licenses.Instance());

        using var verifier = new LicenseTokenVerifier(publicPem, "openssl-1", new FakeTimeProvider(Licenses.Now));
        verifier.Verify(token, "fp-123").Code.Should().Be(LicenseTokenCode.Valid);
        key.PublicKeyPem.Trim().Should().Be(publicPem.Trim());
    }

    private static bool TryOpenSsl(string workingDirectory, string arguments)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("openssl", arguments)
            {
                WorkingDirectory = workingDirectory,
                RedirectStandardError = true,
                RedirectStandardOutput = true,
            });
            if (process is null)
            {
                return false;
            }

            process.WaitForExit();
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
