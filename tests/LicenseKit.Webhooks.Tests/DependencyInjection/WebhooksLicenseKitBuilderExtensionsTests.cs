using System.Text.Json;
using LicenseKit.Serialization;
using LicenseKit.Webhooks.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LicenseKit.Webhooks.Tests.DependencyInjection;

public class WebhooksLicenseKitBuilderExtensionsTests
{
    private static void Validate(ServiceProvider provider) => provider.GetRequiredService<IStartupValidator>().Validate();

    [Test]
    public async Task AddWebhooks_WithValidOptions_PassesStartupValidation()
    {
        await using var provider = WebhookHost.Create(o => o.Endpoints.Add(WebhookHost.Endpoint("crm", "https://crm.example/hooks?tenant=1")));

        var act = () => Validate(provider);

        act.Should().NotThrow();
    }

    [Test]
    public async Task AddWebhooks_WithoutEndpoints_FailsAtStartup()
    {
        await using var provider = WebhookHost.Create(_ => { });

        var act = () => Validate(provider);

        act.Should().Throw<OptionsValidationException>().Which.Failures.Should().Equal("WebhookOptions.Endpoints must hold at least one endpoint.");
    }

    [Test]
    public async Task AddWebhooks_WithBadEndpoints_FailsAtStartupNamingEachWithoutEchoingSecrets()
    {
        await using var provider = WebhookHost.Create(o =>
        {
            o.Endpoints.Add(WebhookHost.Endpoint("crm", "ftp://crm.example/hooks"));
            o.Endpoints.Add(WebhookHost.Endpoint("crm", "/relative/hooks", "whsec_c2hvcnQ=", "sk_live_123"));
            o.Endpoints.Add(new WebhookEndpoint { Name = " ", Url = "crm.example" });
            o.Endpoints.Add(WebhookHost.Endpoint("crm\nbilling", "https://crm.example/hooks"));
        });

        var act = () => Validate(provider);

        var failures = act.Should().Throw<OptionsValidationException>().Which.Failures;
        failures.Should().Equal(
            "WebhookOptions.Endpoints[0].Url must be an absolute https:// or http:// URL.",
            "WebhookOptions.Endpoints[1].Name 'crm' is already used by another endpoint; names must be unique.",
            "WebhookOptions.Endpoints[1].Url must be an absolute https:// or http:// URL.",
            "WebhookOptions.Endpoints[1].Secrets[0] must be 'whsec_' followed by the base64 of 24 to 64 random bytes; WebhookSecret.Generate() makes one.",
            "WebhookOptions.Endpoints[1].Secrets[1] must be 'whsec_' followed by the base64 of 24 to 64 random bytes; WebhookSecret.Generate() makes one.",
            "WebhookOptions.Endpoints[2].Name must be set.",
            "WebhookOptions.Endpoints[2].Url must be an absolute https:// or http:// URL.",
            "WebhookOptions.Endpoints[2].Secrets must hold at least one secret.",
            "WebhookOptions.Endpoints[3].Name must not contain control characters such as line breaks.");
        failures.Should().NotContain(f => f.Contains("c2hvcnQ", StringComparison.Ordinal) || f.Contains("sk_live", StringComparison.Ordinal));
    }

    [Test]
    public async Task AddWebhooks_WithAnUnknownEventType_FailsAtStartupListingTheTypes()
    {
        await using var provider = WebhookHost.Create(o =>
        {
            var endpoint = WebhookHost.Endpoint("crm", "https://crm.example/hooks");
            endpoint.EventTypes.Add(LicenseEventTypes.Created);
            endpoint.EventTypes.Add("license.created");
            o.Endpoints.Add(endpoint);
        });

        var act = () => Validate(provider);

        act.Should().Throw<OptionsValidationException>().Which.Failures.Should().Equal(
            "WebhookOptions.Endpoints[0].EventTypes[1] 'license.created' is not an event type; the types are license_key.created, license_key.updated, license_key.status_changed, license_key.activated, license_key.deactivated, license_key.validation_failed.");
    }

    [Test]
    public async Task AddWebhooks_WithRetriesAndTimeoutsOutOfRange_FailsAtStartup()
    {
        await using var provider = WebhookHost.Create(o =>
        {
            o.Endpoints.Add(WebhookHost.Endpoint("crm", "http://127.0.0.1:5000/hooks"));
            o.MaxRetryAttempts = 21;
            o.RetryDelay = TimeSpan.FromMinutes(2);
            o.AttemptTimeout = TimeSpan.FromMilliseconds(5);
            o.TotalTimeout = TimeSpan.FromHours(2);
        });

        var act = () => Validate(provider);

        act.Should().Throw<OptionsValidationException>().Which.Failures.Should().Equal(
            "WebhookOptions.MaxRetryAttempts must be between 0 and 20.",
            "WebhookOptions.RetryDelay must be between 0 and 1 minute.",
            "WebhookOptions.AttemptTimeout must be between 10 milliseconds and 5 minutes.",
            "WebhookOptions.TotalTimeout must be between AttemptTimeout and 1 hour.");
    }

    [Test]
    public async Task AddWebhooks_WithATotalTimeoutShorterThanOneAttempt_FailsAtStartup()
    {
        await using var provider = WebhookHost.Create(o =>
        {
            o.Endpoints.Add(WebhookHost.Endpoint("crm", "https://crm.example/hooks"));
            o.AttemptTimeout = TimeSpan.FromSeconds(30);
            o.TotalTimeout = TimeSpan.FromSeconds(29);
        });

        var act = () => Validate(provider);

        act.Should().Throw<OptionsValidationException>().Which.Failures.Should().Equal("WebhookOptions.TotalTimeout must be between AttemptTimeout and 1 hour.");
    }

    [Test]
    public async Task AddWebhooks_CalledTwice_RegistersOneSenderWithBothConfigurations()
    {
        var services = new ServiceCollection();
        services.AddLicenseKit(o => o.BusinessId = "biz_1")
            .AddWebhooks(o => o.Endpoints.Add(WebhookHost.Endpoint("crm", "https://crm.example/hooks")))
            .AddWebhooks(o => o.Endpoints.Add(WebhookHost.Endpoint("erp", "https://erp.example/hooks")));
        await using var provider = services.BuildServiceProvider();

        var handlers = provider.GetServices<ILicenseEventHandler>().ToList();

        handlers.Should().ContainSingle().Which.Should().BeSameAs(provider.GetRequiredService<LicenseWebhookSender>());
        provider.GetRequiredService<LicenseWebhookSender>().EndpointNames.Should().Equal("crm", "erp");
    }

    [Test]
    public async Task AddWebhooks_LeavesTimeoutsToTheDeliveryPipelineSoATotalTimeoutOver100SecondsHolds()
    {
        await using var provider = WebhookHost.Create(o =>
        {
            o.Endpoints.Add(WebhookHost.Endpoint("crm", "https://crm.example/hooks"));
            o.TotalTimeout = TimeSpan.FromMinutes(30);
        });

        using var client = provider.GetRequiredService<IHttpClientFactory>().CreateClient(LicenseWebhookSender.HttpClientName);

        client.Timeout.Should().Be(Timeout.InfiniteTimeSpan);
    }

    [Test]
    public async Task IssueAsync_WithWebhooks_TheDispatcherPostsASignedLicenseKeyCreatedWithTheIssuedLicense()
    {
        await using var receiver = await WebhookReceiver.StartAsync(WebhookReceiver.FailFirst(1, StatusCodes.Status502BadGateway));
        await using var provider = WebhookHost.Create(o => o.Endpoints.Add(WebhookHost.Endpoint("crm", receiver.UrlFor("/hooks"))));
        Validate(provider);
        await using var scope = provider.CreateAsyncScope();

        var issued = await scope.ServiceProvider.GetRequiredService<ILicenseIssuer>().IssueAsync(new IssueLicenseRequest { ProductId = "prod_1", CustomerId = "cust_1" });
        receiver.Attempts.Should().BeEmpty("the event is recorded with the write and delivered afterwards");
        (await provider.GetRequiredService<LicenseEventDelivery>().DeliverDueAsync()).Should().Be(1);

        issued.Succeeded.Should().BeTrue();
        receiver.Attempts.Should().HaveCount(2);
        var delivered = receiver.Attempts[1];
        var verified = new WebhookVerifier([TestSecrets.Current]).Verify(delivered.WebhookId, delivered.Timestamp, delivered.Signature, delivered.Body);
        verified.Code.Should().Be(WebhookVerificationCode.Valid);
        verified.WebhookId!.Should().StartWith("evt_").And.Be(receiver.Attempts[0].WebhookId);
        var payload = JsonSerializer.Deserialize(delivered.Body, LicenseWebhookJsonContext.Default.LicenseWebhookPayload)!;
        payload.Type.Should().Be(LicenseEventTypes.Created);
        payload.BusinessId.Should().Be("biz_345TUESrCDPvrb");
        // The event carries the license as the store keeps it: never its key (keys at rest).
        payload.Data.License.Should().BeEquivalentTo(issued.Value! with { Key = string.Empty }, o => o.Excluding(l => l!.Version).Excluding(l => l!.KeyHash).Excluding(l => l!.KeyHint).Excluding(l => l!.ProtectedKey));
    }

    [Test]
    public async Task IssueAsync_WhenTheWebhookIsRefused_StillIssuesTheLicense_AndTheEventWaitsForARetry()
    {
        await using var receiver = await WebhookReceiver.StartAsync(WebhookReceiver.FailFirst(int.MaxValue, StatusCodes.Status400BadRequest));
        await using var provider = WebhookHost.Create(o => o.Endpoints.Add(WebhookHost.Endpoint("crm", receiver.UrlFor("/hooks"))));
        await using var scope = provider.CreateAsyncScope();

        var issued = await scope.ServiceProvider.GetRequiredService<ILicenseIssuer>().IssueAsync(new IssueLicenseRequest { ProductId = "prod_1", CustomerId = "cust_1" });
        await provider.GetRequiredService<LicenseEventDelivery>().DeliverDueAsync();

        issued.Succeeded.Should().BeTrue();
        receiver.Attempts.Should().ContainSingle();
        (await scope.ServiceProvider.GetRequiredService<ILicenseManager>().FindByIdAsync(issued.Value!.Id)).Should().NotBeNull();
        var recorded = (await scope.ServiceProvider.GetRequiredService<ILicenseEventLog>().ListAsync(new LicenseEventQuery())).Value!.Items.Should().ContainSingle().Subject;
        recorded.Should().Match<LicenseEventRecord>(e => e.State == LicenseEventState.Pending && e.Attempts == 1 && e.LastError!.StartsWith(typeof(LicenseWebhookSender) + "/crm: WebhookDeliveryException", StringComparison.Ordinal));
        recorded.Id.Should().Be(receiver.Attempts[0].WebhookId);
    }
}
