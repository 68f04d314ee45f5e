using Microsoft.Extensions.DependencyInjection;
using System.Collections.Concurrent;

namespace LicenseKit.Tests.Activation;

public class LicenseActivatorTests
{
    private static ActivateLicenseRequest Activate(License license, string name = "laptop", string? fingerprint = null) =>
        new() { LicenseKey = license.Key, Name = name, Fingerprint = fingerprint };

    [Test]
    public async Task ActivateAsync_CreatesInstanceCountsItAndReturnsMessage()
    {
        await using var sut = new TestServices();
        var license = await sut.IssueAsync(TestServices.SeedRequest() with { ActivationMessage = "Thank you! Your license is now active." });
        sut.Time.Advance(TimeSpan.FromMinutes(3));

        var result = await sut.Activator.ActivateAsync(Activate(license, "build-agent-01", "fp-1"));

        var activation = result.Value!;
        activation.Instance.Id.Should().MatchRegex("^lki_[0-9A-Za-z]{16}$");
        activation.Instance.Name.Should().Be("build-agent-01");
        activation.Instance.Fingerprint.Should().Be("fp-1");
        activation.Instance.LicenseId.Should().Be(license.Id);
        activation.Instance.BusinessId.Should().Be(license.BusinessId);
        activation.Instance.CreatedAt.Should().Be(TestServices.Start.AddMinutes(3));
        activation.ActivationMessage.Should().Be("Thank you! Your license is now active.");
        activation.AlreadyActivated.Should().BeFalse();
        activation.SignedLicense.Should().BeNull();
        activation.License.InstancesCount.Should().Be(1);
        activation.License.UpdatedAt.Should().Be(TestServices.Start.AddMinutes(3));
        activation.License.Version.Should().Be(2);
        (await sut.Manager.FindByIdAsync(license.Id)).Should().Be(activation.License with { Key = string.Empty });
    }

    [Test]
    public async Task ActivateAsync_WithLowerCaseKeyAndWhitespace_Activates()
    {
        await using var sut = new TestServices();
        var license = await sut.IssueAsync();

        var result = await sut.Activator.ActivateAsync(new ActivateLicenseRequest { LicenseKey = $" {license.Key.ToLowerInvariant()} ", Name = "x" });

        result.Succeeded.Should().BeTrue();
    }

    [Test]
    public async Task ActivateAsync_SameFingerprintAgain_ReturnsExistingInstanceWithoutUsingASlot()
    {
        await using var sut = new TestServices();
        var license = await sut.IssueAsync(TestServices.SeedRequest() with { ActivationsLimit = 1 });
        var first = (await sut.Activator.ActivateAsync(Activate(license, "laptop", "fp-1"))).Value!;

        var again = (await sut.Activator.ActivateAsync(Activate(license, "laptop after reinstall", "fp-1"))).Value!;

        again.AlreadyActivated.Should().BeTrue();
        again.Instance.Should().Be(first.Instance);
        again.License.InstancesCount.Should().Be(1);
        again.License.Version.Should().Be(first.License.Version);
        (await sut.Activator.ActivateAsync(Activate(license, "other", "fp-2"))).Error!.Code.Should().Be(LicenseErrorCodes.LicenseKeyLimitReached);
    }

    [Test]
    public async Task ActivateAsync_AtLimit_ReturnsLimitReachedAndStoresNothing()
    {
        await using var sut = new TestServices();
        var license = await sut.IssueAsync(TestServices.SeedRequest() with { ActivationsLimit = 2 });
        await sut.Activator.ActivateAsync(Activate(license, "a"));
        await sut.Activator.ActivateAsync(Activate(license, "b"));
        var before = await sut.Manager.FindByIdAsync(license.Id);

        var result = await sut.Activator.ActivateAsync(Activate(license, "c"));

        result.Error!.Should().Match<LicenseError>(e => e.Code == LicenseErrorCodes.LicenseKeyLimitReached && e.Field == "license_key");
        (await sut.Manager.FindByIdAsync(license.Id)).Should().Be(before);
        (await sut.Manager.ListInstancesAsync(license.Id)).Value.Should().HaveCount(2);
    }

    [Test]
    public async Task ActivateAsync_WithZeroLimit_IsAlwaysRefused()
    {
        await using var sut = new TestServices();
        var license = await sut.IssueAsync(TestServices.SeedRequest() with { ActivationsLimit = 0 });

        (await sut.Activator.ActivateAsync(Activate(license))).Error!.Code.Should().Be(LicenseErrorCodes.LicenseKeyLimitReached);
    }

    [Test]
    public async Task ActivateAsync_WithoutLimit_AcceptsMany()
    {
        await using var sut = new TestServices();
        var license = await sut.IssueAsync(TestServices.SeedRequest() with { ActivationsLimit = null });

        for (var i = 0; i < 50; i++)
        {
            (await sut.Activator.ActivateAsync(Activate(license, $"n{i}"))).Succeeded.Should().BeTrue();
        }

        (await sut.Manager.FindByIdAsync(license.Id))!.InstancesCount.Should().Be(50);
    }

    [Test]
    public async Task ActivateAsync_UnknownKey_ReturnsNotFound()
    {
        await using var sut = new TestServices();

        var result = await sut.Activator.ActivateAsync(new ActivateLicenseRequest { LicenseKey = "NOPE-NOPE", Name = "x" });

        result.Error!.Should().Match<LicenseError>(e => e.Code == LicenseErrorCodes.LicenseKeyNotFound && e.Field == "license_key");
    }

    [TestCase("disabled", LicenseErrorCodes.LicenseDisabled)]
    [TestCase("revoked", LicenseErrorCodes.LicenseRevoked)]
    [TestCase("archived", LicenseErrorCodes.LicenseArchived)]
    [TestCase("expired", LicenseErrorCodes.LicenseExpired)]
    [TestCase("revoked+expired", LicenseErrorCodes.LicenseRevoked)]
    [TestCase("disabled+archived", LicenseErrorCodes.LicenseDisabled)]
    public async Task ActivateAsync_OnUnusableLicense_IsRefusedWithItsCode(string state, string code)
    {
        await using var sut = new TestServices();
        var license = await sut.IssueAsync(TestServices.SeedRequest() with { DurationHours = 1 });
        await MakeAsync(sut, license, state);
        var before = await sut.Manager.FindByIdAsync(license.Id);

        var result = await sut.Activator.ActivateAsync(Activate(license, "x", "fp"));

        result.Error!.Code.Should().Be(code);
        (await sut.Manager.FindByIdAsync(license.Id)).Should().Be(before);
        (await sut.Manager.ListInstancesAsync(license.Id)).Value.Should().BeEmpty();
    }

    [Test]
    public async Task ActivateAsync_KnownFingerprintOnRevokedLicense_IsRefused()
    {
        await using var sut = new TestServices();
        var license = await sut.IssueAsync();
        await sut.Activator.ActivateAsync(Activate(license, "x", "fp"));
        await sut.Manager.RevokeAsync(license.Id);

        (await sut.Activator.ActivateAsync(Activate(license, "x", "fp"))).Error!.Code.Should().Be(LicenseErrorCodes.LicenseRevoked);
    }

    [TestCase("", "n", null, "license_key", LicenseErrorCodes.FieldRequired)]
    [TestCase("KEY", "", null, "name", LicenseErrorCodes.FieldRequired)]
    [TestCase("KEY", "bad\u0001name", null, "name", LicenseErrorCodes.FieldInvalidCharacters)]
    [TestCase("KEY", "n", "", "fingerprint", LicenseErrorCodes.FieldRequired)]
    public async Task ActivateAsync_WithInvalidInput_ReturnsFieldError(string key, string name, string? fingerprint, string field, string code)
    {
        await using var sut = new TestServices();

        var result = await sut.Activator.ActivateAsync(new ActivateLicenseRequest { LicenseKey = key, Name = name, Fingerprint = fingerprint });

        result.Error!.Should().Match<LicenseError>(e => e.Code == code && e.Field == field);
    }

    [Test]
    public async Task ActivateAsync_WithOverlongNameAndFingerprint_ReportsBoth()
    {
        await using var sut = new TestServices();

        var result = await sut.Activator.ActivateAsync(new ActivateLicenseRequest { LicenseKey = "K", Name = new string('n', 256), Fingerprint = new string('f', 256) });

        result.Errors.Select(e => (e.Code, e.Field)).Should().Equal((LicenseErrorCodes.FieldTooLong, "name"), (LicenseErrorCodes.FieldTooLong, "fingerprint"));
    }

    [Test]
    public async Task ActivateAsync_1000ParallelAgainstLimit25_CreatesExactly25()
    {
        for (var round = 0; round < 3; round++)
        {
            await using var sut = new TestServices();
            var license = await sut.IssueAsync(TestServices.SeedRequest() with { ActivationsLimit = 25 });
            var results = new ConcurrentBag<LicenseResult<LicenseActivationResponse>>();

            await Parallel.ForEachAsync(Enumerable.Range(0, 1000), new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (i, ct) =>
                results.Add(await sut.Activator.ActivateAsync(Activate(license, $"device-{i}", $"fp-{i}"), ct)));

            results.Count(r => r.Succeeded).Should().Be(25);
            results.Where(r => !r.Succeeded).Select(r => r.Error!.Code).Distinct().Should().Equal(LicenseErrorCodes.LicenseKeyLimitReached);
            (await sut.Manager.FindByIdAsync(license.Id))!.InstancesCount.Should().Be(25);
            (await sut.Manager.ListInstancesAsync(license.Id)).Value.Should().HaveCount(25);
        }
    }

    [Test]
    public async Task DeactivateAsync_FreesTheSlot()
    {
        await using var sut = new TestServices();
        var license = await sut.IssueAsync(TestServices.SeedRequest() with { ActivationsLimit = 1 });
        var instance = (await sut.Activator.ActivateAsync(Activate(license, "old laptop"))).Value!.Instance;
        sut.Time.Advance(TimeSpan.FromDays(1));

        var result = await sut.Activator.DeactivateAsync(new DeactivateLicenseRequest { LicenseKey = license.Key, LicenseKeyInstanceId = instance.Id });

        result.Value.Should().Be(instance);
        var stored = (await sut.Manager.FindByIdAsync(license.Id))!;
        stored.InstancesCount.Should().Be(0);
        stored.UpdatedAt.Should().Be(TestServices.Start.AddDays(1));
        (await sut.Activator.ActivateAsync(Activate(license, "new laptop"))).Succeeded.Should().BeTrue();
    }

    [Test]
    public async Task DeactivateAsync_Twice_ReturnsInstanceNotFound()
    {
        await using var sut = new TestServices();
        var license = await sut.IssueAsync();
        var instance = (await sut.Activator.ActivateAsync(Activate(license))).Value!.Instance;
        var request = new DeactivateLicenseRequest { LicenseKey = license.Key, LicenseKeyInstanceId = instance.Id };
        await sut.Activator.DeactivateAsync(request);
        var before = await sut.Manager.FindByIdAsync(license.Id);

        var result = await sut.Activator.DeactivateAsync(request);

        result.Error!.Should().Match<LicenseError>(e => e.Code == LicenseErrorCodes.InstanceNotFound && e.Field == "license_key_instance_id");
        (await sut.Manager.FindByIdAsync(license.Id)).Should().Be(before);
    }

    [Test]
    public async Task DeactivateAsync_InstanceOfAnotherLicense_ReturnsInstanceNotFound()
    {
        await using var sut = new TestServices();
        var mine = await sut.IssueAsync();
        var other = await sut.IssueAsync();
        var instance = (await sut.Activator.ActivateAsync(Activate(other))).Value!.Instance;

        var result = await sut.Activator.DeactivateAsync(new DeactivateLicenseRequest { LicenseKey = mine.Key, LicenseKeyInstanceId = instance.Id });

        result.Error!.Code.Should().Be(LicenseErrorCodes.InstanceNotFound);
        (await sut.Manager.FindByIdAsync(other.Id))!.InstancesCount.Should().Be(1);
    }

    [Test]
    public async Task DeactivateAsync_OnRevokedLicense_StillFreesTheSlot()
    {
        await using var sut = new TestServices();
        var license = await sut.IssueAsync();
        var instance = (await sut.Activator.ActivateAsync(Activate(license))).Value!.Instance;
        await sut.Manager.RevokeAsync(license.Id);

        (await sut.Activator.DeactivateAsync(new DeactivateLicenseRequest { LicenseKey = license.Key, LicenseKeyInstanceId = instance.Id })).Succeeded.Should().BeTrue();
    }

    [Test]
    public async Task DeactivateAsync_UnknownKeyOrBlankInput_IsRefused()
    {
        await using var sut = new TestServices();

        (await sut.Activator.DeactivateAsync(new DeactivateLicenseRequest { LicenseKey = "NOPE", LicenseKeyInstanceId = "lki_x" })).Error!.Code.Should().Be(LicenseErrorCodes.LicenseKeyNotFound);
        (await sut.Activator.DeactivateAsync(new DeactivateLicenseRequest { LicenseKey = "NOPE", LicenseKeyInstanceId = " " })).Error!.Field.Should().Be("license_key_instance_id");
    }

    [TestCase("valid", LicenseValidationCode.Valid)]
    [TestCase("revoked", LicenseValidationCode.Revoked)]
    [TestCase("disabled", LicenseValidationCode.Disabled)]
    [TestCase("archived", LicenseValidationCode.Archived)]
    [TestCase("expired", LicenseValidationCode.Expired)]
    [TestCase("revoked+expired", LicenseValidationCode.Revoked)]
    [TestCase("disabled+archived", LicenseValidationCode.Disabled)]
    [TestCase("archived+expired", LicenseValidationCode.Archived)]
    public async Task ValidateAsync_ReturnsFirstFailingCodeInOrder(string state, LicenseValidationCode code)
    {
        await using var sut = new TestServices();
        var license = await sut.IssueAsync(TestServices.SeedRequest() with { DurationHours = 1 });
        await MakeAsync(sut, license, state);

        var result = await sut.Activator.ValidateAsync(new ValidateLicenseRequest { LicenseKey = license.Key });

        result.Code.Should().Be(code);
        result.Valid.Should().Be(code == LicenseValidationCode.Valid);
        result.License!.Id.Should().Be(license.Id);
    }

    [Test]
    public async Task ValidateAsync_ExpiresExactlyAtExpiresAt()
    {
        await using var sut = new TestServices();
        var license = await sut.IssueAsync(TestServices.SeedRequest() with { DurationHours = 720 });
        var request = new ValidateLicenseRequest { LicenseKey = license.Key };

        sut.Time.Advance(TimeSpan.FromHours(720) - TimeSpan.FromMilliseconds(1));
        (await sut.Activator.ValidateAsync(request)).Code.Should().Be(LicenseValidationCode.Valid);
        sut.Time.Advance(TimeSpan.FromMilliseconds(1));
        (await sut.Activator.ValidateAsync(request)).Code.Should().Be(LicenseValidationCode.Expired);
        (await sut.Manager.FindByIdAsync(license.Id))!.Status.Should().Be(LicenseStatus.Active);
    }

    [TestCase("")]
    [TestCase("   ")]
    [TestCase("NOT-A-KEY")]
    [TestCase("\u0000\u0001")]
    public async Task ValidateAsync_WithUnknownOrGarbageKey_ReturnsNotFound(string key)
    {
        await using var sut = new TestServices();

        var result = await sut.Activator.ValidateAsync(new ValidateLicenseRequest { LicenseKey = key });

        result.Code.Should().Be(LicenseValidationCode.NotFound);
        result.License.Should().BeNull();
    }

    [Test]
    public async Task ValidateAsync_WithHugeKey_ReturnsNotFound()
    {
        await using var sut = new TestServices();

        (await sut.Activator.ValidateAsync(new ValidateLicenseRequest { LicenseKey = new string('A', 1_000_000) })).Code.Should().Be(LicenseValidationCode.NotFound);
    }

    [Test]
    public async Task ValidateAsync_WithLiveInstanceOrFingerprint_IsValid_AndWithDeadOneInstanceNotFound()
    {
        await using var sut = new TestServices();
        var license = await sut.IssueAsync();
        var instance = (await sut.Activator.ActivateAsync(Activate(license, "x", "fp-1"))).Value!.Instance;

        var byId = await sut.Activator.ValidateAsync(new ValidateLicenseRequest { LicenseKey = license.Key, LicenseKeyInstanceId = instance.Id });
        var byFingerprint = await sut.Activator.ValidateAsync(new ValidateLicenseRequest { LicenseKey = license.Key, Fingerprint = "fp-1" });
        var unknown = await sut.Activator.ValidateAsync(new ValidateLicenseRequest { LicenseKey = license.Key, Fingerprint = "fp-2" });
        await sut.Activator.DeactivateAsync(new DeactivateLicenseRequest { LicenseKey = license.Key, LicenseKeyInstanceId = instance.Id });
        var deactivated = await sut.Activator.ValidateAsync(new ValidateLicenseRequest { LicenseKey = license.Key, LicenseKeyInstanceId = instance.Id });

        byId.Code.Should().Be(LicenseValidationCode.Valid);
        byId.Instance.Should().Be(instance);
        byFingerprint.Instance.Should().Be(instance);
        unknown.Code.Should().Be(LicenseValidationCode.InstanceNotFound);
        deactivated.Code.Should().Be(LicenseValidationCode.InstanceNotFound);
    }

    [Test]
    public async Task ValidateAsync_RevokedLicenseWithUnknownInstance_ReportsRevokedFirst()
    {
        await using var sut = new TestServices();
        var license = await sut.IssueAsync();
        await sut.Manager.RevokeAsync(license.Id);

        (await sut.Activator.ValidateAsync(new ValidateLicenseRequest { LicenseKey = license.Key, LicenseKeyInstanceId = "lki_nope" })).Code.Should().Be(LicenseValidationCode.Revoked);
    }

    [Test]
    public async Task WithTokenSigner_ActivationAndInstanceValidationCarryTokens_UnboundOrInvalidValidationsDoNot()
    {
        await using var sut = new TestServices(services: s => s.AddSingleton<ILicenseTokenSigner>(new FakeSigner()));
        var license = await sut.IssueAsync();

        var activation = (await sut.Activator.ActivateAsync(Activate(license, "x", "fp-1"))).Value!;
        var bound = await sut.Activator.ValidateAsync(new ValidateLicenseRequest { LicenseKey = license.Key, Fingerprint = "fp-1" });
        var unbound = await sut.Activator.ValidateAsync(new ValidateLicenseRequest { LicenseKey = license.Key });
        await sut.Manager.DisableAsync(license.Id);
        var disabled = await sut.Activator.ValidateAsync(new ValidateLicenseRequest { LicenseKey = license.Key, Fingerprint = "fp-1" });

        activation.SignedLicense.Should().Be($"{license.Id}/{activation.Instance.Id}/v2");
        bound.SignedLicense.Should().Be($"{license.Id}/{activation.Instance.Id}/v2");
        unbound.SignedLicense.Should().BeNull();
        disabled.SignedLicense.Should().BeNull();
    }

    [Test]
    public async Task Operations_WithNullRequest_Throw()
    {
        await using var sut = new TestServices();

        await sut.Invoking(s => s.Activator.ActivateAsync(null!)).Should().ThrowAsync<ArgumentNullException>();
        await sut.Invoking(s => s.Activator.DeactivateAsync(null!)).Should().ThrowAsync<ArgumentNullException>();
        await sut.Invoking(s => s.Activator.ValidateAsync(null!)).Should().ThrowAsync<ArgumentNullException>();
    }

    private sealed class FakeSigner : ILicenseTokenSigner
    {
        public ValueTask<string> SignAsync(License license, LicenseInstance? instance, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult($"{license.Id}/{instance?.Id}/v{license.Version}");
    }

    private static async Task MakeAsync(TestServices sut, License license, string state)
    {
        foreach (var part in state.Split('+'))
        {
            switch (part)
            {
                case "disabled": (await sut.Manager.DisableAsync(license.Id)).Succeeded.Should().BeTrue(); break;
                case "revoked": (await sut.Manager.RevokeAsync(license.Id)).Succeeded.Should().BeTrue(); break;
                case "archived": (await sut.Manager.SetArchivedAsync(license.Id, true)).Succeeded.Should().BeTrue(); break;
                case "expired": sut.Time.Advance(TimeSpan.FromHours(1)); break;
            }
        }
    }
}
