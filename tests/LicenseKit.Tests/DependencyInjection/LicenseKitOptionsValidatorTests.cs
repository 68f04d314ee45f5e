using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LicenseKit.Tests.DependencyInjection;

public class LicenseKitOptionsValidatorTests
{
    private static OptionsValidationException? Validate(Action<LicenseKitOptions> configure)
    {
        var services = new ServiceCollection();
        services.AddLicenseKit(configure);
        using var provider = services.BuildServiceProvider();
        try
        {
            _ = provider.GetRequiredService<IOptions<LicenseKitOptions>>().Value;
            return null;
        }
        catch (OptionsValidationException ex)
        {
            return ex;
        }
    }

    [Test]
    public void Validate_DefaultOptions_Pass()
    {
        Validate(_ => { }).Should().BeNull();
    }

    [Test]
    public void Validate_FormatBelow64Bits_IsRefusedWithReason()
    {
        var error = Validate(o => o.KeyFormat = new LicenseKeyFormat { GroupCount = 3, GroupLength = 4 });

        error.Should().NotBeNull();
        error!.Failures.Should().ContainSingle().Which.Should().Be(
            "LicenseKitOptions.KeyFormat gives keys 60 bits of entropy (12 characters from an alphabet of 32); at least 64 bits are required so keys cannot be guessed. Add groups, lengthen them or widen the alphabet.");
    }

    [Test]
    public void Validate_FormatOfExactly64Bits_Passes()
    {
        Validate(o => o.KeyFormat = new LicenseKeyFormat { GroupCount = 4, GroupLength = 4, Alphabet = "0123456789ABCDEF" }).Should().BeNull();
    }

    [TestCase("AAB", "LicenseKitOptions.KeyFormat.Alphabet must not repeat a character.")]
    [TestCase("abc0123456789DEF", "LicenseKitOptions.KeyFormat.Alphabet must hold upper-case, printable, non-whitespace characters only.")]
    [TestCase("A", "LicenseKitOptions.KeyFormat.Alphabet must have at least 2 characters.")]
    public void Validate_BadAlphabet_IsRefused(string alphabet, string message)
    {
        var error = Validate(o => o.KeyFormat = new LicenseKeyFormat { Alphabet = alphabet, GroupCount = 8, GroupLength = 8 });

        error!.Failures.Should().Contain(message);
    }

    [Test]
    public void Validate_SeparatorFromAlphabet_IsRefused()
    {
        var error = Validate(o => o.KeyFormat = new LicenseKeyFormat { Separator = "A" });

        error!.Failures.Should().Contain("LicenseKitOptions.KeyFormat.Separator must be set (it may be empty), printable and must not use alphabet characters.");
    }

    [Test]
    public void Validate_KeysLongerThanMaximum_AreRefused()
    {
        var error = Validate(o => o.KeyFormat = new LicenseKeyFormat { GroupCount = 20, GroupLength = 8 });

        error!.Failures.Should().Contain("LicenseKitOptions.KeyFormat makes keys of 179 characters; the maximum key length is 128.");
    }

    [Test]
    public void Validate_DefaultPageSizeAboveMaximum_IsRefused()
    {
        var error = Validate(o => { o.MaxPageSize = 10; o.DefaultPageSize = 11; });

        error!.Failures.Should().Contain("LicenseKitOptions.DefaultPageSize must be between 1 and MaxPageSize.");
    }

    [Test]
    public void Validate_BlankBusinessId_IsRefused()
    {
        var error = Validate(o => o.BusinessId = " ");

        error!.Failures.Should().Contain("LicenseKitOptions.BusinessId must be non-blank and at most 128 characters when set.");
    }
}
