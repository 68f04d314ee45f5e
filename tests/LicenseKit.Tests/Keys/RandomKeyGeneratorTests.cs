using System.Text.RegularExpressions;

namespace LicenseKit.Tests.Keys;

public class RandomKeyGeneratorTests
{
    private static readonly KeyGenerationContext Context = new("biz_1", "prod_1");

    [Test]
    public void GenerateKey_100kDefaultKeys_AreUniqueAndMatchTheFormat()
    {
        var sut = new RandomKeyGenerator(new LicenseKeyFormat());
        var format = new Regex("^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$");
        var keys = new HashSet<string>(StringComparer.Ordinal);

        for (var i = 0; i < 100_000; i++)
        {
            var key = sut.GenerateKey(Context);
            format.IsMatch(key).Should().BeTrue(key);
            keys.Add(key).Should().BeTrue($"{key} was generated twice");
        }

        keys.Should().HaveCount(100_000);
    }

    [Test]
    public void GenerateKey_UsesEveryAlphabetCharacterInEveryPosition()
    {
        var sut = new RandomKeyGenerator(new LicenseKeyFormat());
        var seen = Enumerable.Range(0, 19).Select(_ => new HashSet<char>()).ToArray();

        for (var i = 0; i < 5_000; i++)
        {
            var key = sut.GenerateKey(Context);
            for (var p = 0; p < key.Length; p++)
            {
                seen[p].Add(key[p]);
            }
        }

        foreach (var position in new[] { 0, 3, 5, 10, 18 })
        {
            seen[position].Should().BeEquivalentTo(LicenseKeyFormat.CrockfordAlphabet.ToCharArray());
        }

        foreach (var separator in new[] { 4, 9, 14 })
        {
            seen[separator].Should().BeEquivalentTo(new[] { '-' });
        }
    }

    [Test]
    public void GenerateKey_WithCustomFormat_HonoursPrefixSeparatorGroupsAndAlphabet()
    {
        var sut = new RandomKeyGenerator(new LicenseKeyFormat { Prefix = "ACME-", GroupCount = 3, GroupLength = 6, Separator = "_", Alphabet = "0123456789ABCDEF" });

        var keys = Enumerable.Range(0, 1000).Select(_ => sut.GenerateKey(Context)).ToList();

        keys.Should().AllSatisfy(k => k.Should().MatchRegex("^ACME-[0-9A-F]{6}_[0-9A-F]{6}_[0-9A-F]{6}$"));
    }

    [Test]
    public void GenerateKey_WithoutSeparator_ReturnsContiguousCharacters()
    {
        var sut = new RandomKeyGenerator(new LicenseKeyFormat { GroupCount = 1, GroupLength = 26, Separator = "" });

        sut.GenerateKey(Context).Should().MatchRegex("^[0-9A-HJKMNP-TV-Z]{26}$");
    }

    [Test]
    public void GenerateKey_WithAlphabetNotDividing256_StaysWithinAlphabet()
    {
        var sut = new RandomKeyGenerator(new LicenseKeyFormat { Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789", GroupCount = 5, GroupLength = 5 });

        var chars = string.Concat(Enumerable.Range(0, 2000).Select(_ => sut.GenerateKey(Context).Replace("-", string.Empty, StringComparison.Ordinal)));

        chars.Distinct().Should().BeEquivalentTo("ABCDEFGHJKMNPQRSTUVWXYZ23456789".ToCharArray());
    }

    [Test]
    public void Constructor_WithUnusableOrWeakFormat_Throws()
    {
        var tooWide = () => new RandomKeyGenerator(new LicenseKeyFormat { Alphabet = string.Concat(Enumerable.Range(0x100, 300).Select(c => (char)c)).ToUpperInvariant() });
        var tooWeak = () => new RandomKeyGenerator(new LicenseKeyFormat { GroupCount = 2 });

        tooWide.Should().Throw<ArgumentException>().WithMessage("*at most 256 characters*");
        tooWeak.Should().Throw<ArgumentException>().WithMessage("*40 bits of entropy*");
    }

    [Test]
    public void DefaultFormat_Has80BitsOfEntropy()
    {
        var format = new LicenseKeyFormat();

        format.EntropyBits.Should().Be(80);
        format.KeyLength.Should().Be(19);
    }
}
