using System.Text.Json;
using LicenseKit.Serialization;
using Microsoft.Extensions.DependencyInjection;

namespace LicenseKit.Tests.Policies;

public class EntitlementsTests
{
    private static TestServices CreateSut(Action<LicenseKitBuilder>? configure = null) => new(configure, s => s.Configure<LicenseKitOptions>(o =>
        o.Products["prod_pro"] = new LicensePolicyOptions { Entitlements = ["sso", "export-pdf"] }));

    private static IssueLicenseRequest Pro(params string[]? entitlements) =>
        new() { ProductId = "prod_pro", CustomerId = "cust_1", Entitlements = entitlements };

    [Test]
    public async Task IssueAsync_WithEntitlements_KeepsTheLicensesOwnSortedAndSerializesThem()
    {
        await using var sut = CreateSut();

        var license = await sut.IssueAsync(Pro("api", "audit-log", "api"));

        license.Entitlements.Should().Equal("api", "audit-log");
        (await sut.Manager.FindByIdAsync(license.Id))!.Entitlements.Should().Equal("api", "audit-log");
        var json = JsonSerializer.Serialize(license, LicenseKitJsonContext.Default.License);
        json.Should().EndWith(",\"entitlements\":[\"api\",\"audit-log\"]}");
        (JsonSerializer.Deserialize(json, LicenseKitJsonContext.Default.License)! with { Version = license.Version }).Should().Be(license with { KeyHash = null, KeyHint = null, ProtectedKey = null });
    }

    [Test]
    public async Task IssueAsync_WithEmptyEntitlements_AddsNoneAndKeepsTheSixteenFields()
    {
        await using var sut = CreateSut();

        var license = await sut.IssueAsync(Pro());

        license.Entitlements.Should().BeNull();
        JsonSerializer.Serialize(license, LicenseKitJsonContext.Default.License).Should().NotContain("entitlements");
    }

    [TestCase("export pdf")]
    [TestCase("")]
    [TestCase("-x")]
    public async Task IssueAsync_WithABadEntitlementName_RefusesNamingTheFieldAndWritesNothing(string name)
    {
        await using var sut = CreateSut();

        var result = await sut.Issuer.IssueAsync(Pro("sso", name));

        result.Error!.Code.Should().Be(LicenseErrorCodes.FieldInvalidCharacters);
        result.Error.Field.Should().Be("entitlements");
        (await sut.AllLicensesAsync()).Should().BeEmpty();
    }

    [Test]
    public async Task IssueAsync_WithTooManyEntitlements_Refuses()
    {
        await using var sut = CreateSut();

        var result = await sut.Issuer.IssueAsync(Pro([.. Enumerable.Range(0, LicenseLimits.MaxEntitlements + 1).Select(i => $"f{i}")]));

        result.Error!.Code.Should().Be(LicenseErrorCodes.EntitlementsTooMany);
        result.Error.Field.Should().Be("entitlements");
    }

    [Test]
    public async Task IssueAsync_ReplayWithOtherEntitlements_IsAnIdempotencyConflict()
    {
        await using var sut = CreateSut();
        await sut.IssueAsync(Pro("api") with { IdempotencyKey = "order-1" });

        var replay = await sut.Issuer.IssueAsync(Pro("api") with { IdempotencyKey = "order-1" });
        var other = await sut.Issuer.IssueAsync(Pro("audit-log") with { IdempotencyKey = "order-1" });

        replay.Succeeded.Should().BeTrue();
        other.Error!.Code.Should().Be(LicenseErrorCodes.IdempotencyKeyConflict);
    }

    [Test]
    public async Task UpdateAsync_ReplacesOrRemovesTheLicensesOwnEntitlements()
    {
        await using var sut = CreateSut();
        var license = await sut.IssueAsync(Pro("api"));

        var replaced = await sut.Manager.UpdateAsync(license.Id, new LicenseUpdate { Entitlements = new(["audit-log"]) });
        var bad = await sut.Manager.UpdateAsync(license.Id, new LicenseUpdate { Entitlements = new(["no spaces"]) });
        var removed = await sut.Manager.UpdateAsync(license.Id, new LicenseUpdate { Entitlements = new((IReadOnlyList<string>?)null) });

        replaced.Value!.Entitlements.Should().Equal("audit-log");
        bad.Error!.Field.Should().Be("entitlements");
        removed.Value!.Entitlements.Should().BeNull();
        (await sut.Manager.FindByIdAsync(license.Id))!.Entitlements.Should().BeNull();
    }

    [Test]
    public async Task ValidateAsync_ReportsTheProductsAndTheLicensesEntitlementsTogether()
    {
        await using var sut = CreateSut();
        var license = await sut.IssueAsync(Pro("api"));

        var result = await sut.Activator.ValidateAsync(new ValidateLicenseRequest { LicenseKey = license.Key, Entitlements = ["sso", "api"] });

        result.Code.Should().Be(LicenseValidationCode.Valid);
        result.Entitlements.Should().Equal("api", "export-pdf", "sso");
    }

    [Test]
    public async Task ValidateAsync_RequiringAnAbsentEntitlement_AnswersEntitlementMissing()
    {
        await using var sut = CreateSut();
        var license = await sut.IssueAsync(Pro("api"));

        var result = await sut.Activator.ValidateAsync(new ValidateLicenseRequest { LicenseKey = license.Key, Entitlements = ["sso", "audit-log"] });

        result.Code.Should().Be(LicenseValidationCode.EntitlementMissing);
        result.Valid.Should().BeFalse();
        LicenseWireFormat.ToWire(result.Code).Should().Be("ENTITLEMENT_MISSING");
        result.Entitlements.Should().Equal("api", "export-pdf", "sso");
    }

    [Test]
    public async Task ValidateAsync_OfAProductWithoutPolicy_GrantsOnlyTheLicensesOwn()
    {
        await using var sut = CreateSut();
        var license = await sut.IssueAsync(new IssueLicenseRequest { ProductId = "prod_other", CustomerId = "cust_1", Entitlements = ["api"] });

        var api = await sut.Activator.ValidateAsync(new ValidateLicenseRequest { LicenseKey = license.Key, Entitlements = ["api"] });
        var sso = await sut.Activator.ValidateAsync(new ValidateLicenseRequest { LicenseKey = license.Key, Entitlements = ["sso"] });

        api.Code.Should().Be(LicenseValidationCode.Valid);
        sso.Code.Should().Be(LicenseValidationCode.EntitlementMissing);
    }

    [Test]
    public async Task ValidateAsync_ARevokedLicenseMissingAnEntitlement_ReportsRevokedFirst()
    {
        await using var sut = CreateSut();
        var license = await sut.IssueAsync(Pro());
        await sut.Manager.RevokeAsync(license.Id);

        var result = await sut.Activator.ValidateAsync(new ValidateLicenseRequest { LicenseKey = license.Key, Entitlements = ["audit-log"] });

        result.Code.Should().Be(LicenseValidationCode.Revoked);
    }

    [Test]
    public async Task ActivateAndValidate_SignTheGrantedEntitlementsIntoTheToken()
    {
        var signer = new RecordingSigner();
        await using var sut = CreateSut(b => b.Services.AddSingleton<ILicenseTokenSigner>(signer));
        var license = await sut.IssueAsync(Pro("api"));

        var activated = await sut.Activator.ActivateAsync(new ActivateLicenseRequest { LicenseKey = license.Key, Name = "laptop" });
        await sut.Activator.ValidateAsync(new ValidateLicenseRequest { LicenseKey = license.Key, LicenseKeyInstanceId = activated.Value!.Instance.Id });

        signer.Signed.Should().HaveCount(2).And.OnlyContain(l => l.Entitlements!.SequenceEqual(new[] { "api", "export-pdf", "sso" }));
        activated.Value.License.Entitlements.Should().Equal("api");
    }

    private sealed class RecordingSigner : ILicenseTokenSigner
    {
        public List<License> Signed { get; } = [];

        public ValueTask<string> SignAsync(License license, LicenseInstance? instance, CancellationToken cancellationToken = default)
        {
            lock (Signed)
            {
                Signed.Add(license);
            }

            return ValueTask.FromResult("token");
        }
    }
}
