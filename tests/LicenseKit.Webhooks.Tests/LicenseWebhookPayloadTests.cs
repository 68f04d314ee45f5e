using System.Text.Json;
using System.Text.Json.Nodes;
using LicenseKit.Serialization;
using LicenseKit.Webhooks.Tests.Support;

namespace LicenseKit.Webhooks.Tests;

public class LicenseWebhookPayloadTests
{
    private static JsonObject Serialize(LicenseEvent licenseEvent) =>
        JsonNode.Parse(JsonSerializer.SerializeToUtf8Bytes(LicenseWebhookPayload.From(licenseEvent), LicenseWebhookJsonContext.Default.LicenseWebhookPayload))!.AsObject();

    private static JsonNode Wire(License license) => JsonNode.Parse(JsonSerializer.Serialize(license, LicenseKitJsonContext.Default.License))!;

    [Test]
    public void Created_HasTheEnvelopeAndTheLicenseInTheHttpWireFormat()
    {
        var json = Serialize(TestEvents.Issued());

        json.Select(p => p.Key).Should().Equal("business_id", "type", "timestamp", "data");
        json["business_id"]!.GetValue<string>().Should().Be("biz_345TUESrCDPvrb");
        json["type"]!.GetValue<string>().Should().Be("license_key.created");
        json["timestamp"]!.GetValue<string>().Should().Be("2026-05-11T01:12:25.764Z");
        json["data"]!.AsObject().Select(p => p.Key).Should().Equal("license");
        JsonNode.DeepEquals(json["data"]!["license"], Wire(TestEvents.License())).Should().BeTrue(json.ToJsonString());
    }

    [Test]
    public void Created_KeepsTheLicensesNullFieldsAsTheWireFormatDoes()
    {
        var license = Serialize(TestEvents.Issued())["data"]!["license"]!.AsObject();

        license.ContainsKey("payment_id").Should().BeTrue();
        license["payment_id"].Should().BeNull();
        license["status"]!.GetValue<string>().Should().Be("ACTIVE");
        license.ContainsKey("version").Should().BeFalse();
    }

    [Test]
    public void Updated_CarriesTheLicenseBeforeAndAfter()
    {
        var updated = TestEvents.Updated();

        var data = Serialize(updated)["data"]!.AsObject();

        data.Select(p => p.Key).Should().Equal("license", "previous_license");
        JsonNode.DeepEquals(data["license"], Wire(updated.License)).Should().BeTrue();
        JsonNode.DeepEquals(data["previous_license"], Wire(updated.Previous)).Should().BeTrue();
    }

    [Test]
    public void StatusChanged_CarriesBothStatuses()
    {
        var json = Serialize(TestEvents.StatusChanged());

        json["type"]!.GetValue<string>().Should().Be("license_key.status_changed");
        json["data"]!["previous_license"]!["status"]!.GetValue<string>().Should().Be("ACTIVE");
        json["data"]!["license"]!["status"]!.GetValue<string>().Should().Be("REVOKED");
    }

    [Test]
    public void ActivatedAndDeactivated_CarryTheInstanceInTheHttpWireFormat()
    {
        var instance = JsonNode.Parse(JsonSerializer.Serialize(TestEvents.Instance(), LicenseKitJsonContext.Default.LicenseInstance));
        foreach (var (licenseEvent, type) in new (LicenseEvent, string)[] { (TestEvents.Activated(), "license_key.activated"), (TestEvents.Deactivated(), "license_key.deactivated") })
        {
            var json = Serialize(licenseEvent);

            json["type"]!.GetValue<string>().Should().Be(type);
            json["data"]!.AsObject().Select(p => p.Key).Should().Equal("license", "instance");
            JsonNode.DeepEquals(json["data"]!["instance"], instance).Should().BeTrue();
            json["data"]!["instance"]!["license_key_id"]!.GetValue<string>().Should().Be("lic_hyQQhhNzfEuvv");
        }
    }

    [Test]
    public void ValidationFailed_CarriesTheCodeAndTheLicenseWhenFound()
    {
        var found = Serialize(TestEvents.ValidationFailed(TestEvents.License()))["data"]!.AsObject();
        var notFound = Serialize(TestEvents.ValidationFailed(null))["data"]!.AsObject();

        found.Select(p => p.Key).Should().Equal("license", "validation_code");
        found["validation_code"]!.GetValue<string>().Should().Be("EXPIRED");
        notFound.Select(p => p.Key).Should().Equal("validation_code");
        notFound["validation_code"]!.GetValue<string>().Should().Be("NOT_FOUND");
    }

    [Test]
    public void Deserialize_ReadsBackWhatWasSentAndSkipsUnknownMembers()
    {
        var payload = LicenseWebhookPayload.From(TestEvents.Activated());
        var json = Serialize(TestEvents.Activated());
        json["added_later"] = 1;
        json["data"]!["added_later"] = "x";

        var read = JsonSerializer.Deserialize(json.ToJsonString(), LicenseWebhookJsonContext.Default.LicenseWebhookPayload);

        read.Should().BeEquivalentTo(payload, o => o.Excluding(p => p.Data.License!.Version));
        read!.Data.License!.Metadata.Should().Equal(TestEvents.License().Metadata);
    }
}
