using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LicenseKit.Tests.Issuing;

public class CustomKeyTests
{
    [Test]
    public async Task KeyTypedInFullWidthMode_FindsTheLicenseEverywhere()
    {
        await using var sut = new TestServices();
        var license = await sut.IssueAsync(TestServices.SeedRequest("MN0Z-0HHF-7K2P-QX4W"));
        const string fullWidth = "ＭＮ０Ｚ－０ＨＨＦ－７Ｋ２Ｐ－ＱＸ４Ｗ";

        var validation = await sut.Activator.ValidateAsync(new ValidateLicenseRequest { LicenseKey = fullWidth });
        var activation = await sut.Activator.ActivateAsync(new ActivateLicenseRequest { LicenseKey = fullWidth, Name = "laptop" });

        validation.Code.Should().Be(LicenseValidationCode.Valid);
        activation.Value!.License.Id.Should().Be(license.Id);
        (await sut.Manager.FindByKeyAsync("ｍｎ０ｚ－０ｈｈｆ－７ｋ２ｐ－ｑｘ４ｗ"))!.Id.Should().Be(license.Id);
    }

    [Test]
    public async Task FullWidthTwinOfAnExistingKey_IsDuplicate()
    {
        await using var sut = new TestServices();
        var first = await sut.IssueAsync(TestServices.SeedRequest("MN0Z-0HHF-7K2P-QX4W"));

        var twin = await sut.Issuer.IssueAsync(TestServices.SeedRequest("ＭＮ０Ｚ－０ＨＨＦ－７Ｋ２Ｐ－ＱＸ４Ｗ"));

        twin.Error.Should().Be(new LicenseError(LicenseErrorCodes.DuplicateKey, "Another license of this business already uses this key.", "key"));
        (await sut.AllLicensesAsync()).Should().ContainSingle().Which.Should().Be(first with { Key = string.Empty });
    }

    [TestCase("A")]
    [TestCase("ORDER-1042")]
    [TestCase("  ORDER-10420 \r\n")]
    public async Task CustomKeyShorterThanTheDefaultMinimum_IsRefusedOnKey(string key)
    {
        await using var sut = new TestServices();

        var result = await sut.Issuer.IssueAsync(TestServices.SeedRequest(key));

        result.Errors.Should().Equal(new LicenseError(LicenseErrorCodes.FieldTooShort, "'key' must be at least 12 characters long, so it cannot be guessed.", "key"));
        (await sut.AllLicensesAsync()).Should().BeEmpty();
    }

    [Test]
    public async Task CustomKeyOfExactlyTheMinimum_IsAccepted()
    {
        await using var sut = new TestServices();

        var license = await sut.IssueAsync(TestServices.SeedRequest("ORDER-104200"));

        license.Key.Should().Be("ORDER-104200");
    }

    [Test]
    public async Task MinCustomKeyLength_IsConfigurable()
    {
        await using var strict = new TestServices(services: s => s.Configure<LicenseKitOptions>(o => o.MinCustomKeyLength = 20));
        await using var lax = new TestServices(services: s => s.Configure<LicenseKitOptions>(o => o.MinCustomKeyLength = 4));

        (await strict.Issuer.IssueAsync(TestServices.SeedRequest("A184-99C2-8CBE-XYZ"))).Error!.Code.Should().Be(LicenseErrorCodes.FieldTooShort);
        (await lax.Issuer.IssueAsync(TestServices.SeedRequest("ABCD"))).Succeeded.Should().BeTrue();
    }

    [Test]
    public async Task CustomKeyWhoseNormalizedFormExceedsTheMaximum_IsRefusedAsTooLong()
    {
        await using var sut = new TestServices();
        var key = new string('\ufdfa', 10); // one Arabic ligature folds to 18 letters: 180 characters after NFKC

        var result = await sut.Issuer.IssueAsync(TestServices.SeedRequest(key));

        result.Error!.Code.Should().Be(LicenseErrorCodes.FieldTooLong);
        result.Error.Field.Should().Be("key");
    }

    [TestCase(0)]
    [TestCase(129)]
    public void MinCustomKeyLength_OutsideItsRange_StopsTheHost(int length)
    {
        var services = new ServiceCollection();
        services.AddLicenseKit(o => o.MinCustomKeyLength = length);
        using var provider = services.BuildServiceProvider();

        var act = () => provider.GetRequiredService<IOptions<LicenseKitOptions>>().Value;

        act.Should().Throw<OptionsValidationException>().Which.Failures.Should().Contain("LicenseKitOptions.MinCustomKeyLength must be between 1 and 128.");
    }
}
