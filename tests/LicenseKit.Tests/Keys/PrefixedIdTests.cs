namespace LicenseKit.Tests.Keys;

public class PrefixedIdTests
{
    [Test]
    public void Create_ReturnsPrefixUnderscoreAndSixteenBase62Characters()
    {
        var ids = Enumerable.Range(0, 10_000).Select(_ => PrefixedId.Create("lic")).ToList();

        ids.Should().AllSatisfy(id => id.Should().MatchRegex("^lic_[0-9A-Za-z]{16}$"));
        ids.Distinct().Should().HaveCount(10_000);
    }

    [Test]
    public void Create_WithEmptyPrefix_Throws()
    {
        var act = () => PrefixedId.Create("");

        act.Should().Throw<ArgumentException>();
    }
}
