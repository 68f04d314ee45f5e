namespace LicenseKit.Tests.Policies;

public class LicenseEntitlementsTests
{
    [Test]
    public void Constructor_SortsOrdinallyAndDropsRepeats()
    {
        var entitlements = new LicenseEntitlements(["sso", "Export", "api", "sso"]);

        entitlements.Should().Equal("Export", "api", "sso");
        entitlements.Contains("sso").Should().BeTrue();
        entitlements.Contains("SSO").Should().BeFalse();
    }

    [Test]
    public void Equals_ComparesByNamesWhateverTheirOrder()
    {
        var first = new LicenseEntitlements(["a", "b"]);
        var second = new LicenseEntitlements(["b", "a", "a"]);

        first.Equals(second).Should().BeTrue();
        first.GetHashCode().Should().Be(second.GetHashCode());
        first.Equals(new LicenseEntitlements(["a"])).Should().BeFalse();
        new LicensePolicy { Entitlements = first }.Should().Be(new LicensePolicy { Entitlements = second });
    }

    [Test]
    public void Union_AddsTheOtherNames()
    {
        var product = new LicenseEntitlements(["sso"]);

        product.Union(["api", "sso"]).Should().Equal("api", "sso");
        product.Union(["sso"]).Should().BeSameAs(product);
    }

    [TestCase("export-pdf", true)]
    [TestCase("reports:advanced.v2_beta", true)]
    [TestCase("9lives", true)]
    [TestCase("", false)]
    [TestCase("-export", false)]
    [TestCase("export pdf", false)]
    [TestCase("exportü", false)]
    [TestCase("a,b", false)]
    public void IsValidName_AcceptsOnlyTheDocumentedCharacters(string name, bool valid) =>
        LicenseEntitlements.IsValidName(name).Should().Be(valid);

    [Test]
    public void IsValidName_RefusesNamesOverTheLimit()
    {
        LicenseEntitlements.IsValidName(new string('a', LicenseLimits.MaxEntitlementNameLength)).Should().BeTrue();
        LicenseEntitlements.IsValidName(new string('a', LicenseLimits.MaxEntitlementNameLength + 1)).Should().BeFalse();
    }
}
