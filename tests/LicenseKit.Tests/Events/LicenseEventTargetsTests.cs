namespace LicenseKit.Tests.Events;

public class LicenseEventTargetsTests
{
    [Test]
    public void Names_AreKeptOnceInOrdinalOrder_AndCompareByValue()
    {
        var targets = new LicenseEventTargets(["b/crm", "A.Handler", "b/crm", "a.Handler"]);

        targets.Should().Equal("A.Handler", "a.Handler", "b/crm");
        targets.Equals(new LicenseEventTargets(["a.Handler", "b/crm", "A.Handler"])).Should().BeTrue();
        targets.Equals(new LicenseEventTargets(["a.Handler"])).Should().BeFalse();
        targets.GetHashCode().Should().Be(new LicenseEventTargets(["a.Handler", "b/crm", "A.Handler"]).GetHashCode());
        targets.Contains("b/crm").Should().BeTrue();
        targets.Contains("B/CRM").Should().BeFalse();
    }

    [Test]
    public void StoredForm_ReadsBackEqual_AndNullOrEmptyIsTheEmptySet()
    {
        var targets = new LicenseEventTargets(["LicenseKit.LicenseWebhookSender/crm", "Vendor.Mailer"]);

        targets.ToString().Should().Be("LicenseKit.LicenseWebhookSender/crm\nVendor.Mailer");
        LicenseEventTargets.Parse(targets.ToString()).Equals(targets).Should().BeTrue();
        LicenseEventTargets.Parse(null).Should().BeSameAs(LicenseEventTargets.Empty);
        LicenseEventTargets.Parse(string.Empty).Should().BeEmpty();
    }

    [Test]
    public void Union_AddsNewNames_AndReturnsTheSameSetWhenNothingIsNew()
    {
        var targets = new LicenseEventTargets(["a"]);

        targets.Union(["a"]).Should().BeSameAs(targets);
        targets.Union(["b", "a"]).Should().Equal("a", "b");
    }

    [TestCase("")]
    [TestCase("crm\nbilling")]
    public void Constructor_NameEmptyOrWithALineBreak_Throws(string name)
    {
        var create = () => new LicenseEventTargets([name]);

        create.Should().Throw<ArgumentException>().WithParameterName("names");
    }
}
