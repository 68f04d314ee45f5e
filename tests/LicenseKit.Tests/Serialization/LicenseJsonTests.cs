using System.Text.Json;
using LicenseKit.Serialization;

namespace LicenseKit.Tests.Serialization;

public class LicenseJsonTests
{
    // The seed's example response values, in the documented field order.
    private const string SeedJson =
        """{"id":"lic_hyQQhhNzfEuvv","key":"A184-99C2-8CBE","status":"ACTIVE","business_id":"biz_345TUESrCDPvrb","product_id":"prod_hyQQhhNzfEuvv","payment_id":"pay_3r2FgHXp9","customer_id":"cust_3r2FgHXp9","activations_limit":3,"activation_message":"Thank you! Your license is now active.","instances_count":1,"duration_hours":720,"expires_at":"2027-01-01T00:00:00.000Z","metadata":null,"archived":false,"created_at":"2026-05-11T01:12:25.764Z","updated_at":"2026-05-18T09:45:37.166Z"}""";

    [Test]
    public void SeedLicenseJson_RoundTripsByteForByte()
    {
        var license = JsonSerializer.Deserialize(SeedJson, LicenseKitJsonContext.Default.License)!;

        var json = JsonSerializer.Serialize(license, LicenseKitJsonContext.Default.License);

        json.Should().Be(SeedJson);
        license.Status.Should().Be(LicenseStatus.Active);
        license.CreatedAt.Should().Be(new DateTimeOffset(2026, 5, 11, 1, 12, 25, 764, TimeSpan.Zero));
        license.ExpiresAt.Should().Be(new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero));
    }

    [Test]
    public void LicenseWithMetadata_RoundTripsAndKeepsEntryOrder()
    {
        var json = SeedJson.Replace("\"metadata\":null", "\"metadata\":{\"seats\":\"5\",\"edition\":\"pro\"}", StringComparison.Ordinal);

        var license = JsonSerializer.Deserialize(json, LicenseKitJsonContext.Default.License)!;

        JsonSerializer.Serialize(license, LicenseKitJsonContext.Default.License).Should().Be(json);
        license.Metadata!["edition"].Should().Be("pro");
    }

    [TestCase("DISABLED", LicenseStatus.Disabled)]
    [TestCase("REVOKED", LicenseStatus.Revoked)]
    public void Status_UsesSeedSpelling(string wire, LicenseStatus status)
    {
        var license = JsonSerializer.Deserialize(SeedJson.Replace("\"ACTIVE\"", $"\"{wire}\"", StringComparison.Ordinal), LicenseKitJsonContext.Default.License)!;

        license.Status.Should().Be(status);
        JsonSerializer.Serialize(license, LicenseKitJsonContext.Default.License).Should().Contain($"\"status\":\"{wire}\"");
    }

    [TestCase("\"SUSPENDED\"")]
    [TestCase("1")]
    [TestCase("\"active\"")]
    public void Status_UnknownOrNumeric_IsRejected(string wire)
    {
        var act = () => JsonSerializer.Deserialize(SeedJson.Replace("\"ACTIVE\"", wire, StringComparison.Ordinal), LicenseKitJsonContext.Default.License);

        act.Should().Throw<JsonException>();
    }

    [Test]
    public void Metadata_WithNonStringValue_IsRejected()
    {
        var act = () => JsonSerializer.Deserialize(SeedJson.Replace("\"metadata\":null", "\"metadata\":{\"seats\":5}", StringComparison.Ordinal), LicenseKitJsonContext.Default.License);

        act.Should().Throw<JsonException>();
    }

    [Test]
    public void Timestamps_WithOffset_AreNormalizedToUtc()
    {
        var license = JsonSerializer.Deserialize(SeedJson.Replace("2026-05-11T01:12:25.764Z", "2026-05-11T03:12:25.764+02:00", StringComparison.Ordinal), LicenseKitJsonContext.Default.License)!;

        JsonSerializer.Serialize(license, LicenseKitJsonContext.Default.License).Should().Be(SeedJson);
    }

    [Test]
    public void Version_IsNotPartOfTheWireFormat()
    {
        var license = JsonSerializer.Deserialize(SeedJson, LicenseKitJsonContext.Default.License)! with { Version = 42 };

        JsonSerializer.Serialize(license, LicenseKitJsonContext.Default.License).Should().Be(SeedJson);
    }
}
