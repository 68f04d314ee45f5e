using System.Text;
using LicenseKit.Webhooks.Tests.Support;

namespace LicenseKit.Webhooks.Tests;

public class WebhookSignerTests
{
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"type":"license_key.created","data":{"key":"Ä184-ß"}}""");

    [Test]
    public async Task Sign_MatchesAnIndependentPythonImplementationOfTheSpecification()
    {
        var signer = new WebhookSigner([TestSecrets.Current]);

        var header = signer.Sign("evt_2KWPBgLlAfxdpx2AI54pPJ85f4W", TestEvents.Now, Body);

        var expected = await PythonReference.SignAsync(TestSecrets.Current, "evt_2KWPBgLlAfxdpx2AI54pPJ85f4W", TestEvents.Now.ToUnixTimeSeconds(), Body);
        header.Should().Be(expected).And.StartWith("v1,");
    }

    [Test]
    public async Task Sign_WithTwoSecrets_SendsOneSignaturePerSecretSeparatedBySpaces()
    {
        var signer = new WebhookSigner([TestSecrets.Current, TestSecrets.Previous]);

        var header = signer.Sign("evt_1", TestEvents.Now, Body);

        var timestamp = TestEvents.Now.ToUnixTimeSeconds();
        header.Split(' ').Should().Equal(
            await PythonReference.SignAsync(TestSecrets.Current, "evt_1", timestamp, Body),
            await PythonReference.SignAsync(TestSecrets.Previous, "evt_1", timestamp, Body));
    }

    [Test]
    public void Sign_SignsWholeUnixSeconds()
    {
        var signer = new WebhookSigner([TestSecrets.Current]);

        signer.Sign("evt_1", TestEvents.Now, Body).Should().Be(signer.Sign("evt_1", TestEvents.Now.AddMilliseconds(-764), Body));
    }

    [TestCase("")]
    [TestCase("evt_1.1674087231")]
    public void Sign_WithAnIdThatIsEmptyOrHoldsTheSeparator_Throws(string webhookId)
    {
        var signer = new WebhookSigner([TestSecrets.Current]);

        var act = () => signer.Sign(webhookId, TestEvents.Now, Body);

        act.Should().Throw<ArgumentException>().WithParameterName(nameof(webhookId));
    }

    [TestCase("whsec_c2hvcnQ=")]
    [TestCase("K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=")]
    [TestCase("whsec_not base64!")]
    public void Constructor_WithAMalformedSecret_ThrowsWithoutEchoingIt(string secret)
    {
        var act = () => new WebhookSigner([TestSecrets.Current, secret]);

        act.Should().Throw<ArgumentException>()
            .WithParameterName("secrets")
            .WithMessage("Secret 1 is not 'whsec_' followed by the base64 of 24 to 64 bytes.*")
            .Which.Message.Should().NotContain(secret);
    }

    [Test]
    public void Constructor_WithoutSecrets_Throws()
    {
        var act = () => new WebhookSigner([]);

        act.Should().Throw<ArgumentException>().WithMessage("At least one secret is required.*");
    }
}
