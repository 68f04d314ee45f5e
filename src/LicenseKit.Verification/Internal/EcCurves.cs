using System.Security.Cryptography;

namespace LicenseKit.Verification.Internal;

/// <summary>Recognizes the P-256 curve whatever name the platform's crypto library reports for it.</summary>
internal static class EcCurves
{
    private const string P256Oid = "1.2.840.10045.3.1.7";

    public static bool IsP256(ECDsa key)
    {
        if (key.KeySize != 256)
        {
            return false;
        }

        var curve = key.ExportParameters(false).Curve;
        return curve.IsNamed && (curve.Oid.Value == P256Oid || curve.Oid.FriendlyName is "nistP256" or "ECDSA_P256" or "prime256v1" or "secp256r1");
    }
}
