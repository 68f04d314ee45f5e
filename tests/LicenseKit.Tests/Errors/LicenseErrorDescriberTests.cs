using Microsoft.Extensions.DependencyInjection;

namespace LicenseKit.Tests.Errors;

public class LicenseErrorDescriberTests
{
    [Test]
    public async Task HostDescriber_ChangesMessagesButNeverCodesOrFields()
    {
        await using var sut = new TestServices(services: s => s.AddSingleton<LicenseErrorDescriber, GermanDescriber>());

        var missing = await sut.Issuer.IssueAsync(TestServices.SeedRequest() with { ProductId = "" });
        var unknown = await sut.Manager.DisableAsync("lic_missing");
        var notFound = await sut.Activator.ActivateAsync(new ActivateLicenseRequest { LicenseKey = "NOPE-NOPE-NOPE", Name = "x" });

        missing.Error.Should().Be(new LicenseError(LicenseErrorCodes.FieldRequired, "'product_id' ist erforderlich.", "product_id"));
        unknown.Error.Should().Be(new LicenseError(LicenseErrorCodes.LicenseNotFound, "Keine Lizenz mit dieser ID.", "id"));
        notFound.Error.Should().Be(new LicenseError(LicenseErrorCodes.LicenseKeyNotFound, "No license with this key exists.", "license_key"));
    }

    [Test]
    public void AddLicenseKit_KeepsADescriberRegisteredBeforeIt()
    {
        var services = new ServiceCollection();
        services.AddSingleton<LicenseErrorDescriber, GermanDescriber>();
        services.AddLicenseKit(o => o.BusinessId = "biz_1");
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<LicenseErrorDescriber>().Should().BeOfType<GermanDescriber>();
        services.Count(d => d.ServiceType == typeof(LicenseErrorDescriber)).Should().Be(1);
    }

    [Test]
    public void DefaultDescriber_NamesEachErrorsCodeAndField()
    {
        var describe = new LicenseErrorDescriber();

        describe.LicenseKeyLimitReached(3, 3).Should().Be(new LicenseError(LicenseErrorCodes.LicenseKeyLimitReached, "The license already has 3 of 3 allowed activations.", "license_key"));
        describe.InvalidStatusTransition(LicenseStatus.Revoked, LicenseStatus.Active).Should().Be(new LicenseError(LicenseErrorCodes.InvalidStatusTransition, "A REVOKED license cannot become ACTIVE.", "status"));
        describe.ConcurrencyConflict(4, null).Should().Be(new LicenseError(LicenseErrorCodes.ConcurrencyConflict, "The license was changed since version 4 (it is now at an unknown version); read it again and retry.", "version"));
        describe.KeyTooShort(12).Field.Should().Be("key");
    }

    private sealed class GermanDescriber : LicenseErrorDescriber
    {
        public override LicenseError FieldRequired(string field) => base.FieldRequired(field) with { Description = $"'{field}' ist erforderlich." };

        public override LicenseError LicenseNotFound() => base.LicenseNotFound() with { Description = "Keine Lizenz mit dieser ID." };
    }
}
