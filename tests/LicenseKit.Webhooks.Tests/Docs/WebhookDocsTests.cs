using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using LicenseKit.Serialization;
using LicenseKit.Webhooks.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LicenseKit.Webhooks.Tests.Docs;

/// <summary>
/// Keeps docs/webhooks.md and the package README true beyond compiling (LicenseKit.Docs.Tests compiles them): every C#
/// block in them appears in this file, whose snippets the tests below run, and every payload example equals what the
/// sender serializes.
/// </summary>
public partial class WebhookDocsTests
{
    private static readonly string[] Documents = ["docs/webhooks.md", "src/LicenseKit.Webhooks/README.md"];

    // ---- Snippets quoted by the docs ----
    private static void Register(IServiceCollection services, IConfiguration configuration)
    {
        services.AddLicenseKit(o => o.BusinessId = "biz_345TUESrCDPvrb")
            .AddWebhooks(o => o.Endpoints.Add(new WebhookEndpoint
            {
                Name = "crm",
                Url = "https://crm.example.com/hooks/licenses",
                Secrets = { configuration["Webhooks:CrmSecret"]! },
            }));
    }

    private static string NewSecret()
    {
        var secret = WebhookSecret.Generate(); // "whsec_" + base64 of 32 random bytes
        return secret;
    }

    private static void MapReceiver(WebApplication app, Func<string, string, Task> openCustomerRecord)
    {
        var verifier = new WebhookVerifier([app.Configuration["LicenseKit:WebhookSecret"]!]);
        app.MapPost("/hooks/licenses", async (HttpRequest request) =>
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer);
            var body = buffer.ToArray();
            var verified = verifier.Verify(
                request.Headers[WebhookHeaders.Id],
                request.Headers[WebhookHeaders.Timestamp],
                request.Headers[WebhookHeaders.Signature],
                body);
            if (!verified.IsValid)
            {
                return Results.Problem(verified.Code.ToString(), statusCode: StatusCodes.Status401Unauthorized);
            }

            var payload = JsonSerializer.Deserialize(body, LicenseWebhookJsonContext.Default.LicenseWebhookPayload)!;
            if (payload.Type == LicenseEventTypes.Created)
            {
                // Events never carry the key (see keys-at-rest.md): the key goes to the customer from the code that issued it.
                await openCustomerRecord(payload.Data.License!.CustomerId, payload.Data.License.Id);
            }

            return Results.NoContent();
        });
    }

    private static async Task DeliverToEachEndpointAsync(LicenseWebhookSender sender, LicenseEvent recorded, CancellationToken cancellationToken)
    {
        foreach (var endpoint in sender.EndpointNamesFor(recorded)) // the endpoints that take the event's type
        {
            // Throws WebhookDeliveryException when the endpoint refused the event after the sender's retries.
            await sender.HandleAsync(recorded, endpoint, cancellationToken);
        }
    }

    // ---- Tests ----
    [TestCaseSource(nameof(Documents))]
    public void EveryCSharpBlock_IsCodeThisFileCompiles(string document)
    {
        var source = Normalize(RepositoryFiles.Read("tests/LicenseKit.Webhooks.Tests/Docs/WebhookDocsTests.cs"));
        var blocks = RepositoryFiles.FencedBlocks(RepositoryFiles.Read(document), "csharp");

        blocks.Should().NotBeEmpty();
        blocks.Should().AllSatisfy(b => source.Should().Contain(Normalize(b.Code), "the block under '{0}' must be compiled here", b.Heading));
    }

    [Test]
    public void EveryPayloadExample_IsWhatTheSenderSerializes()
    {
        var examples = RepositoryFiles.FencedBlocks(RepositoryFiles.Read("docs/webhooks.md"), "json")
            .Where(b => b.Heading.StartsWith("`license_key.", StringComparison.Ordinal))
            .ToList();
        LicenseEvent[] events = [TestEvents.Issued(), TestEvents.Updated(), TestEvents.StatusChanged(), TestEvents.Activated(), TestEvents.Deactivated(), TestEvents.ValidationFailed(TestEvents.License()), TestEvents.ValidationFailed(null)];

        examples.Should().HaveCount(events.Length);
        for (var i = 0; i < events.Length; i++)
        {
            var sent = JsonNode.Parse(JsonSerializer.Serialize(LicenseWebhookPayload.From(events[i]), LicenseWebhookJsonContext.Default.LicenseWebhookPayload));
            examples[i].Heading.Should().Be($"`{LicenseEventTypes.Of(events[i])}`");
            JsonNode.DeepEquals(JsonNode.Parse(examples[i].Code), sent).Should().BeTrue("the example under {0} must be {1}", examples[i].Heading, sent!.ToJsonString());
        }
    }

    [Test]
    public void EveryEventType_IsDocumented()
    {
        var docs = RepositoryFiles.Read("docs/webhooks.md");

        LicenseEventTypes.All.Should().AllSatisfy(t => docs.Should().Contain($"### `{t}`"));
    }

    [Test]
    public async Task Register_ConfiguresAnEndpointThatPassesStartupValidation()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Webhooks:CrmSecret"] = NewSecret() }).Build();
        var services = new ServiceCollection();
        Register(services, configuration);
        await using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<IStartupValidator>().Validate();

        provider.GetRequiredService<LicenseWebhookSender>().EndpointNames.Should().Equal("crm");
    }

    [Test]
    public async Task MapReceiver_AcceptsWhatTheSenderPostsAndRefusesAForgery()
    {
        var records = new List<(string Customer, string LicenseId)>();
        await using var receiver = await StartReceiverAsync((customer, licenseId) =>
        {
            records.Add((customer, licenseId));
            return Task.CompletedTask;
        });
        await using var provider = WebhookHost.Create(o => o.Endpoints.Add(WebhookHost.Endpoint("crm", new Uri(receiver.Address, "/hooks/licenses").ToString())));
        await using var scope = provider.CreateAsyncScope();

        var issued = await scope.ServiceProvider.GetRequiredService<ILicenseIssuer>().IssueAsync(new IssueLicenseRequest { ProductId = "prod_1", CustomerId = "cust_1" });
        await provider.GetRequiredService<LicenseEventDelivery>().DeliverDueAsync();

        records.Should().Equal(("cust_1", issued.Value!.Id));
        using var client = new HttpClient { BaseAddress = receiver.Address };
        using var forged = new HttpRequestMessage(HttpMethod.Post, "/hooks/licenses") { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
        forged.Headers.Add(WebhookHeaders.Id, "evt_forged");
        forged.Headers.Add(WebhookHeaders.Timestamp, DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
        forged.Headers.Add(WebhookHeaders.Signature, new WebhookSigner([TestSecrets.Unrelated]).Sign("evt_forged", DateTimeOffset.UtcNow, "{}"u8));
        using var refused = await client.SendAsync(forged);
        refused.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        records.Should().ContainSingle();
    }

    [Test]
    public async Task DeliverToEachEndpointAsync_ThrowsForTheEndpointThatRefused()
    {
        await using var receiver = await WebhookReceiver.StartAsync(WebhookReceiver.FailFirst(1, StatusCodes.Status400BadRequest));
        await using var provider = WebhookHost.Create(o => o.Endpoints.Add(WebhookHost.Endpoint("crm", receiver.UrlFor("/hooks"))));
        var sender = provider.GetRequiredService<LicenseWebhookSender>();
        var recorded = TestEvents.Issued();

        var refused = async () => await DeliverToEachEndpointAsync(sender, recorded, CancellationToken.None);

        (await refused.Should().ThrowAsync<WebhookDeliveryException>()).Which.Failures.Should().ContainSingle()
            .Which.Should().Match<WebhookDeliveryResult>(r => r.EndpointName == "crm" && r.StatusCode == StatusCodes.Status400BadRequest && r.WebhookId == recorded.EventId);
        await DeliverToEachEndpointAsync(sender, recorded, CancellationToken.None);
        receiver.Attempts.Select(a => a.WebhookId).Should().Equal(recorded.EventId, recorded.EventId);
    }

    // Blank lines and using directives (this file has its own at the top) do not count.
    private static string Normalize(string code) =>
        string.Join('\n', code.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !UsingDirective().IsMatch(l)));

    [System.Text.RegularExpressions.GeneratedRegex(@"^using [A-Za-z0-9_.]+;$")]
    private static partial System.Text.RegularExpressions.Regex UsingDirective();

    private static async Task<RunningApp> StartReceiverAsync(Func<string, string, Task> openCustomerRecord)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration["LicenseKit:WebhookSecret"] = TestSecrets.Current;
        var app = builder.Build();
        MapReceiver(app, openCustomerRecord);
        await app.StartAsync();
        return new RunningApp(app, new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single()));
    }

    private sealed record RunningApp(WebApplication App, Uri Address) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await App.DisposeAsync();
    }
}
