using System.Net;
using LicenseKit.AspNetCore.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static LicenseKit.AspNetCore.Tests.Infrastructure.TestApi;

namespace LicenseKit.AspNetCore.Tests.Internal;

public sealed class HeartbeatEndpointTests
{
    private TestApi _api = null!;

    [SetUp]
    public async Task SetUp() => _api = await StartAsync(services => services.Configure<LicenseKitOptions>(o => o.Products["prod_float"] = new LicensePolicyOptions
    {
        SeatMode = LicenseSeatMode.Floating,
        LeaseDuration = TimeSpan.FromMinutes(15),
    }));

    [TearDown]
    public async Task TearDown() => await _api.DisposeAsync();

    [Test]
    public async Task PostHeartbeat_BeforeTheLeaseEnds_Returns200WithTheRenewedLease()
    {
        var (key, instanceId) = await ActivateAsync();
        _api.Time.Advance(TimeSpan.FromMinutes(10));

        var response = await _api.Client.PostAsync("/licenses/heartbeat", Json($$"""{"license_key":"{{key}}","license_key_instance_id":"{{instanceId}}"}"""));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = await response.ReadJsonAsync();
        body.GetProperty("id").GetString().Should().Be(instanceId);
        body.GetProperty("lease_expires_at").GetString().Should().Be("2026-05-11T01:37:25.764Z");
    }

    [Test]
    public async Task PostHeartbeat_AfterTheLeaseLapsed_Returns422LeaseExpired_AndValidateSaysSo()
    {
        var (key, instanceId) = await ActivateAsync();
        _api.Time.Advance(TimeSpan.FromMinutes(15));

        var response = await _api.Client.PostAsync("/licenses/heartbeat", Json($$"""{"license_key":"{{key}}","license_key_instance_id":"{{instanceId}}"}"""));
        var validation = await (await _api.Client.PostAsync("/licenses/validate", Json($$"""{"license_key":"{{key}}","license_key_instance_id":"{{instanceId}}"}"""))).ReadJsonAsync();

        (await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, LicenseErrorCodes.LeaseExpired)).Errors().Should().Contain((LicenseErrorCodes.LeaseExpired, "license_key_instance_id"));
        validation.GetProperty("valid").GetBoolean().Should().BeFalse();
        validation.GetProperty("code").GetString().Should().Be("LEASE_EXPIRED");
    }

    [Test]
    public async Task PostHeartbeat_WithUnknownInstanceOrMissingField_ReturnsItsProblem()
    {
        var (key, _) = await ActivateAsync();

        var unknown = await _api.Client.PostAsync("/licenses/heartbeat", Json($$"""{"license_key":"{{key}}","license_key_instance_id":"lki_unknown"}"""));
        var missing = await _api.Client.PostAsync("/licenses/heartbeat", Json($$"""{"license_key":"{{key}}"}"""));

        (await unknown.ShouldBeProblemAsync(HttpStatusCode.NotFound, LicenseErrorCodes.InstanceNotFound)).Errors().Should().Contain((LicenseErrorCodes.InstanceNotFound, "license_key_instance_id"));
        (await missing.ShouldBeProblemAsync(HttpStatusCode.BadRequest, LicenseErrorCodes.FieldRequired)).Errors().Should().Contain((LicenseErrorCodes.FieldRequired, "license_key_instance_id"));
    }

    private async Task<(string Key, string InstanceId)> ActivateAsync()
    {
        var license = await (await _api.Admin.PostAsync("/licenses", Json("""{"product_id":"prod_float","customer_id":"c","activations_limit":2}"""))).ReadJsonAsync();
        var key = license.GetProperty("key").GetString()!;
        var activation = await _api.Client.PostAsync("/licenses/activate", Json($$"""{"license_key":"{{key}}","name":"agent"}"""));
        activation.StatusCode.Should().Be(HttpStatusCode.OK);
        var instance = await activation.ReadJsonAsync();
        instance.GetProperty("lease_expires_at").GetString().Should().Be("2026-05-11T01:27:25.764Z");
        return (key, instance.GetProperty("id").GetString()!);
    }
}
