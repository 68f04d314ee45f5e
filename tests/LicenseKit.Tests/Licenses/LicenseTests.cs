namespace LicenseKit.Tests.Licenses;

public class LicenseTests
{
    private static License Sample(IReadOnlyDictionary<string, string>? metadata) => new()
    {
        Id = "lic_1",
        Key = "AAAA-BBBB",
        BusinessId = "biz_1",
        ProductId = "prod_1",
        CustomerId = "cust_1",
        Metadata = LicenseMetadata.From(metadata),
        CreatedAt = TestServices.Start,
        UpdatedAt = TestServices.Start,
        Version = 1,
    };

    [Test]
    public void Equals_WithEqualMetadataInOtherInstancesAndOrder_IsTrue()
    {
        var a = Sample(new Dictionary<string, string> { ["seats"] = "5", ["edition"] = "pro" });
        var b = Sample(new Dictionary<string, string> { ["edition"] = "pro", ["seats"] = "5" });

        a.Should().Be(b);
        a.GetHashCode().Should().Be(b.GetHashCode());
    }

    [Test]
    public void Equals_WithDifferentMetadataValue_IsFalse()
    {
        var a = Sample(new Dictionary<string, string> { ["seats"] = "5" });
        var b = Sample(new Dictionary<string, string> { ["seats"] = "6" });

        a.Should().NotBe(b);
    }

    [Test]
    public void Equals_WithMetadataVersusNone_IsFalse()
    {
        Sample(new Dictionary<string, string>()).Should().NotBe(Sample(null));
    }

    [Test]
    public void Metadata_IsACopy_SoLaterChangesToTheSourceDoNotLeakIn()
    {
        var source = new Dictionary<string, string> { ["seats"] = "5" };
        var license = Sample(source);

        source["seats"] = "500";

        license.Metadata!["seats"].Should().Be("5");
    }

    [Test]
    public void IsExpiredAt_IsTrueFromTheExpiryInstantOn()
    {
        var license = Sample(null) with { ExpiresAt = TestServices.Start.AddHours(1) };

        license.IsExpiredAt(TestServices.Start.AddHours(1).AddMilliseconds(-1)).Should().BeFalse();
        license.IsExpiredAt(TestServices.Start.AddHours(1)).Should().BeTrue();
        (license with { ExpiresAt = null }).IsExpiredAt(DateTimeOffset.MaxValue).Should().BeFalse();
    }
}
