using System.Text.Json;
using LicenseKit.Serialization;
using Microsoft.Extensions.DependencyInjection;

namespace LicenseKit.Tests.Activation;

/// <summary>Floating seats and expiry from first activation, driven through the activator with a product policy.</summary>
public class FloatingSeatTests
{
    private const string FloatingProduct = "prod_floating";
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(15);

    private static TestServices Floating(RecordingEventHandler? events = null, LicenseExpirationBasis basis = LicenseExpirationBasis.FromCreation) => new(b =>
    {
        b.Services.Configure<LicenseKitOptions>(o => o.Products[FloatingProduct] = new LicensePolicyOptions
        {
            SeatMode = LicenseSeatMode.Floating,
            LeaseDuration = Lease,
            ExpirationBasis = basis,
        });
        if (events is not null)
        {
            b.AddEventHandler(events);
        }
    });

    private static IssueLicenseRequest FloatingRequest(int? limit = 25) => TestServices.SeedRequest() with { ProductId = FloatingProduct, ActivationsLimit = limit };

    private static ActivateLicenseRequest Activate(License license, string fingerprint) => new() { LicenseKey = license.Key, Name = fingerprint, Fingerprint = fingerprint };

    private static HeartbeatLicenseRequest Heartbeat(License license, LicenseInstance instance) => new() { LicenseKey = license.Key, LicenseKeyInstanceId = instance.Id };

    [Test]
    public async Task ActivateAsync_UnderFloatingPolicy_HoldsALease()
    {
        await using var sut = Floating();
        var license = await sut.IssueAsync(FloatingRequest());

        var activation = (await sut.Activator.ActivateAsync(Activate(license, "a"))).Value!;

        activation.Instance.LeaseExpiresAt.Should().Be(TestServices.Start + Lease);
        JsonSerializer.Serialize(activation.Instance, LicenseKitJsonContext.Default.LicenseInstance).Should().Contain("\"lease_expires_at\":\"2026-05-11T01:27:25.764Z\"");
    }

    [Test]
    public async Task ActivateAsync_WithoutPolicy_IsNodeLockedAndItsJsonUnchanged()
    {
        await using var sut = Floating();
        var license = await sut.IssueAsync();

        var activation = (await sut.Activator.ActivateAsync(Activate(license, "a"))).Value!;
        sut.Time.Advance(TimeSpan.FromDays(20));

        activation.Instance.LeaseExpiresAt.Should().BeNull();
        JsonSerializer.Serialize(activation.Instance, LicenseKitJsonContext.Default.LicenseInstance).Should().NotContain("lease");
        JsonDocument.Parse(JsonSerializer.Serialize(activation.License, LicenseKitJsonContext.Default.License)).RootElement.EnumerateObject().Should().HaveCount(16);
        (await sut.Activator.HeartbeatAsync(Heartbeat(license, activation.Instance))).Value!.Instance.LeaseExpiresAt.Should().BeNull();
        (await sut.Activator.ValidateAsync(new ValidateLicenseRequest { LicenseKey = license.Key, LicenseKeyInstanceId = activation.Instance.Id })).Code.Should().Be(LicenseValidationCode.Valid);
    }

    [Test]
    public async Task ParallelActivations_AfterTenLeasesLapse_TakeExactlyTenSeatsAndReportTheLapsedOnes()
    {
        var events = new RecordingEventHandler();
        await using var sut = Floating(events);
        var license = await sut.IssueAsync(FloatingRequest(limit: 25));
        var lapsing = await ActivateManyAsync(sut, license, "lapsing", 10);
        sut.Time.Advance(TimeSpan.FromMinutes(5));
        await ActivateManyAsync(sut, license, "live", 15);

        var full = await ParallelActivateAsync(sut, license, "early", 1000);
        sut.Time.Advance(TimeSpan.FromMinutes(10));
        var results = await ParallelActivateAsync(sut, license, "late", 100);

        full.Should().OnlyContain(r => r.Error!.Code == LicenseErrorCodes.LicenseKeyLimitReached);
        results.Count(r => r.Succeeded).Should().Be(10);
        results.Where(r => !r.Succeeded).Should().OnlyContain(r => r.Error!.Code == LicenseErrorCodes.LicenseKeyLimitReached);
        var stored = (await sut.Manager.FindByIdAsync(license.Id))!;
        stored.InstancesCount.Should().Be(25);
        (await sut.Manager.ListInstancesAsync(license.Id)).Value!.Should().HaveCount(25).And.NotContain(i => lapsing.Contains(i.Id));
        events.Events.OfType<LicenseDeactivated>().Where(e => e.Reason == LicenseDeactivationReason.LeaseExpired)
            .Select(e => e.Instance.Id).Should().BeEquivalentTo(lapsing);
    }

    [Test]
    public async Task HeartbeatAsync_BeforeTheLeaseEnds_RenewsIt()
    {
        await using var sut = Floating();
        var license = await sut.IssueAsync(FloatingRequest(limit: 1));
        var instance = (await sut.Activator.ActivateAsync(Activate(license, "a"))).Value!.Instance;
        sut.Time.Advance(Lease - TimeSpan.FromMilliseconds(1));

        var heartbeat = await sut.Activator.HeartbeatAsync(Heartbeat(license, instance));
        sut.Time.Advance(Lease - TimeSpan.FromMilliseconds(1));

        heartbeat.Value!.Instance.LeaseExpiresAt.Should().Be(TestServices.Start + Lease - TimeSpan.FromMilliseconds(1) + Lease);
        (await sut.Activator.ActivateAsync(Activate(license, "b"))).Error!.Code.Should().Be(LicenseErrorCodes.LicenseKeyLimitReached);
        (await sut.Activator.ValidateAsync(new ValidateLicenseRequest { LicenseKey = license.Key, LicenseKeyInstanceId = instance.Id })).Code.Should().Be(LicenseValidationCode.Valid);
    }

    [Test]
    public async Task HeartbeatAndValidate_AfterTheLeaseLapsed_SayLeaseExpired()
    {
        await using var sut = Floating();
        var license = await sut.IssueAsync(FloatingRequest(limit: 1));
        var instance = (await sut.Activator.ActivateAsync(Activate(license, "a"))).Value!.Instance;
        sut.Time.Advance(Lease);

        var heartbeat = await sut.Activator.HeartbeatAsync(Heartbeat(license, instance));
        var validation = await sut.Activator.ValidateAsync(new ValidateLicenseRequest { LicenseKey = license.Key, LicenseKeyInstanceId = instance.Id });

        heartbeat.Error!.Code.Should().Be(LicenseErrorCodes.LeaseExpired);
        validation.Code.Should().Be(LicenseValidationCode.LeaseExpired);
        LicenseWireFormat.ToWire(validation.Code).Should().Be("LEASE_EXPIRED");
        (await sut.Activator.ActivateAsync(Activate(license, "b"))).Succeeded.Should().BeTrue();
    }

    [Test]
    public async Task HeartbeatAsync_WithBadInputOrUnknownInstance_IsRefusedWithItsCode()
    {
        await using var sut = Floating();
        var license = await sut.IssueAsync(FloatingRequest());

        (await sut.Activator.HeartbeatAsync(new HeartbeatLicenseRequest { LicenseKey = "", LicenseKeyInstanceId = "" })).Errors.Select(e => e.Field).Should().BeEquivalentTo(["license_key", "license_key_instance_id"]);
        (await sut.Activator.HeartbeatAsync(new HeartbeatLicenseRequest { LicenseKey = "NOPE-NOPE-NOPE", LicenseKeyInstanceId = "lki_x" })).Error!.Code.Should().Be(LicenseErrorCodes.LicenseKeyNotFound);
        (await sut.Activator.HeartbeatAsync(new HeartbeatLicenseRequest { LicenseKey = license.Key, LicenseKeyInstanceId = "lki_x" })).Error!.Code.Should().Be(LicenseErrorCodes.InstanceNotFound);
        await sut.Manager.RevokeAsync(license.Id);
        (await sut.Activator.HeartbeatAsync(new HeartbeatLicenseRequest { LicenseKey = license.Key, LicenseKeyInstanceId = "lki_x" })).Error!.Code.Should().Be(LicenseErrorCodes.LicenseRevoked);
    }

    [Test]
    public async Task ActivateAsync_KnownFloatingDevice_RenewsItsLease()
    {
        await using var sut = Floating();
        var license = await sut.IssueAsync(FloatingRequest());
        await sut.Activator.ActivateAsync(Activate(license, "a"));
        sut.Time.Advance(TimeSpan.FromMinutes(10));

        var again = (await sut.Activator.ActivateAsync(Activate(license, "a"))).Value!;

        again.AlreadyActivated.Should().BeTrue();
        again.Instance.LeaseExpiresAt.Should().Be(TestServices.Start.AddMinutes(10) + Lease);
    }

    [Test]
    public async Task ExpiryFromFirstActivation_IsNullUntilThenAndSetOnceUnderParallelFirstActivations()
    {
        await using var sut = Floating(basis: LicenseExpirationBasis.FromFirstActivation);
        var license = await sut.IssueAsync(FloatingRequest(limit: null) with { DurationHours = 24 });
        sut.Time.Advance(TimeSpan.FromHours(3));

        var results = await ParallelActivateAsync(sut, license, "first", 100);
        sut.Time.Advance(TimeSpan.FromHours(1));
        var later = (await sut.Activator.ActivateAsync(Activate(license, "later"))).Value!;

        license.ExpiresAt.Should().BeNull();
        results.Should().OnlyContain(r => r.Succeeded && r.Value!.License.ExpiresAt == TestServices.Start.AddHours(3 + 24));
        later.License.ExpiresAt.Should().Be(TestServices.Start.AddHours(27));
    }

    private static async Task<string[]> ActivateManyAsync(TestServices sut, License license, string prefix, int count)
    {
        var ids = new string[count];
        for (var i = 0; i < count; i++)
        {
            ids[i] = (await sut.Activator.ActivateAsync(Activate(license, prefix + i))).Value!.Instance.Id;
        }

        return ids;
    }

    private static async Task<LicenseResult<LicenseActivationResponse>[]> ParallelActivateAsync(TestServices sut, License license, string prefix, int count)
    {
        var results = new LicenseResult<LicenseActivationResponse>[count];
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
            results[i] = await sut.Activator.ActivateAsync(Activate(license, prefix + i), ct));
        return results;
    }
}
