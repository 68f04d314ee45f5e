namespace LicenseKit.Webhooks.Tests.Support;

/// <summary>Fixed secrets (the base64 of 32 known bytes), so failures reproduce.</summary>
internal static class TestSecrets
{
    public static readonly string Current = WebhookSecret.Prefix + Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());

    public static readonly string Previous = WebhookSecret.Prefix + Convert.ToBase64String(Enumerable.Range(101, 32).Select(i => (byte)i).ToArray());

    public static readonly string Unrelated = WebhookSecret.Prefix + Convert.ToBase64String(Enumerable.Range(201, 32).Select(i => (byte)i).ToArray());
}
