namespace LicenseKit.Webhooks.Tests;

public class WebhookSecretTests
{
    [Test]
    public void Generate_MakesDistinctValidSecretsOf32Bytes()
    {
        var secrets = Enumerable.Range(0, 100).Select(_ => WebhookSecret.Generate()).ToList();

        secrets.Should().OnlyHaveUniqueItems().And.OnlyContain(s => WebhookSecret.IsValid(s));
        secrets.Select(s => Convert.FromBase64String(s.Substring("whsec_".Length)).Length).Should().AllBeEquivalentTo(32);
    }

    [TestCase(24, true)]
    [TestCase(64, true)]
    [TestCase(23, false)]
    [TestCase(65, false)]
    public void IsValid_AcceptsKeysOf24To64Bytes(int length, bool expected)
    {
        WebhookSecret.IsValid("whsec_" + Convert.ToBase64String(new byte[length])).Should().Be(expected);
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("whsec_")]
    [TestCase("WHSEC_AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8g")]
    [TestCase("whsk_AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8g")]
    [TestCase("whsec_AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8g!")]
    public void IsValid_RefusesOtherShapes(string? secret)
    {
        WebhookSecret.IsValid(secret).Should().BeFalse();
    }
}
