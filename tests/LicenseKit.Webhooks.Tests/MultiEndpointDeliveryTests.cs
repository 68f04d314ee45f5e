using LicenseKit.EntityFrameworkCore.Tests;
using LicenseKit.Webhooks.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace LicenseKit.Webhooks.Tests;

/// <summary>
/// Two real receivers on one host, one answering 500 for a while: the dispatcher tracks each endpoint apart, so the
/// healthy receiver gets each event exactly once while the failing one gets it after it recovers, with the same
/// <c>webhook-id</c> on every attempt. Run over each store, since the endpoints that took an event are stored with it.
/// </summary>
public abstract class MultiEndpointDeliveryTests
{
    private static readonly string HealthyTarget = typeof(LicenseWebhookSender) + "/healthy";

    private TestDatabase? _database;

    /// <summary>Points the host at the store under test (the in-memory store when it does nothing).</summary>
    protected abstract Task<Action<LicenseKitBuilder>> UseStoreAsync();

    /// <summary>The EF Core store on a database this test creates; it is dropped after the test.</summary>
    protected async Task<Action<LicenseKitBuilder>> UseEntityFrameworkCoreAsync(Task<TestDatabase> creating)
    {
        _database = await creating;
        return EntityFrameworkCoreStore.Use(_database);
    }

    [TearDown]
    public async Task DropDatabase()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    [Test]
    public async Task OneEndpointFailingForAWhile_TheHealthyOneGetsEachEventOnce_TheFailingOneAfterItRecovers()
    {
        await using var healthy = await WebhookReceiver.StartAsync(WebhookReceiver.FailFirst(0, StatusCodes.Status500InternalServerError));
        await using var flaky = await WebhookReceiver.StartAsync(WebhookReceiver.FailFirst(2, StatusCodes.Status500InternalServerError));
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 5, 11, 1, 12, 25, 764, TimeSpan.Zero));
        await using var provider = WebhookHost.Create(
            o =>
            {
                o.Endpoints.Add(WebhookHost.Endpoint("healthy", healthy.UrlFor("/hooks")));
                o.Endpoints.Add(WebhookHost.Endpoint("flaky", flaky.UrlFor("/hooks")));
                o.MaxRetryAttempts = 0; // one request per endpoint and dispatcher attempt
            },
            time,
            await UseStoreAsync());
        await using var scope = provider.CreateAsyncScope();
        var issuer = scope.ServiceProvider.GetRequiredService<ILicenseIssuer>();
        var first = (await issuer.IssueAsync(new IssueLicenseRequest { ProductId = "prod_1", CustomerId = "cust_1" })).Value!;
        await issuer.IssueAsync(new IssueLicenseRequest { ProductId = "prod_1", CustomerId = "cust_2" });
        (await scope.ServiceProvider.GetRequiredService<ILicenseManager>().UpdateAsync(first.Id, new LicenseUpdate { ActivationMessage = "hello" })).Succeeded.Should().BeTrue();
        var delivery = provider.GetRequiredService<LicenseEventDelivery>();
        var log = scope.ServiceProvider.GetRequiredService<ILicenseEventLog>();

        // First turn: the two licenses' first events go out together; the failing receiver refuses both.
        (await delivery.DeliverDueAsync()).Should().Be(2);
        var afterFailure = await EventsAsync(log);
        for (var turn = 0; turn < 10 && (await EventsAsync(log)).Any(e => e.State != LicenseEventState.Delivered); turn++)
        {
            time.Advance(delivery.Options.MaxRetryDelay); // the backoff of the failed attempts has passed
            await delivery.DeliverDueAsync();
        }

        var events = await EventsAsync(log);
        events.Should().HaveCount(3).And.AllSatisfy(e => e.State.Should().Be(LicenseEventState.Delivered));
        var ids = events.Select(e => e.Id).ToArray();
        healthy.Attempts.Select(a => a.WebhookId).Should().BeEquivalentTo(ids, "the healthy receiver gets each event exactly once");
        flaky.Attempts.Should().HaveCount(5, "two refused, then each of the three events once");
        flaky.Attempts.Take(2).Select(a => a.WebhookId).Should().BeEquivalentTo(afterFailure.Where(e => e.State == LicenseEventState.Pending && e.Attempts == 1).Select(e => e.Id));
        flaky.Attempts.Skip(2).Select(a => a.WebhookId).Should().BeEquivalentTo(ids, "the refused events come again with the same webhook-id");

        var refused = afterFailure.Where(e => e.Attempts == 1).ToArray();
        refused.Should().HaveCount(2).And.AllSatisfy(e =>
        {
            e.State.Should().Be(LicenseEventState.Pending);
            e.DeliveredTargets.Should().Equal(HealthyTarget);
            e.LastError.Should().Be($"{typeof(LicenseWebhookSender)}/flaky: WebhookDeliveryException: Webhook {e.Id} was not delivered: flaky: The endpoint answered 500 Internal Server Error.");
        });
        events.Where(e => refused.Any(r => r.Id == e.Id)).Should().AllSatisfy(e => e.Attempts.Should().Be(2));
    }

    [Test]
    public async Task ParkedEvent_Redriven_GoesOnlyToTheEndpointThatRefusedIt()
    {
        await using var healthy = await WebhookReceiver.StartAsync(WebhookReceiver.FailFirst(0, StatusCodes.Status500InternalServerError));
        await using var flaky = await WebhookReceiver.StartAsync(WebhookReceiver.FailFirst(1, StatusCodes.Status503ServiceUnavailable));
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 5, 11, 1, 12, 25, 764, TimeSpan.Zero));
        var useStore = await UseStoreAsync();
        await using var provider = WebhookHost.Create(
            o =>
            {
                o.Endpoints.Add(WebhookHost.Endpoint("healthy", healthy.UrlFor("/hooks")));
                o.Endpoints.Add(WebhookHost.Endpoint("flaky", flaky.UrlFor("/hooks")));
                o.MaxRetryAttempts = 0;
            },
            time,
            b =>
            {
                useStore(b);
                b.Services.Configure<LicenseEventDeliveryOptions>(o => o.MaxAttempts = 1);
            });
        await using var scope = provider.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ILicenseIssuer>().IssueAsync(new IssueLicenseRequest { ProductId = "prod_1", CustomerId = "cust_1" });
        var delivery = provider.GetRequiredService<LicenseEventDelivery>();
        var log = scope.ServiceProvider.GetRequiredService<ILicenseEventLog>();

        await delivery.DeliverDueAsync();
        var parked = (await EventsAsync(log)).Should().ContainSingle().Subject;
        (await log.RedriveAsync(parked.Id)).Succeeded.Should().BeTrue();
        await delivery.DeliverDueAsync();

        parked.State.Should().Be(LicenseEventState.Parked);
        parked.DeliveredTargets.Should().Equal(HealthyTarget);
        healthy.Attempts.Should().ContainSingle("the re-drive skips the endpoint that took the event").Which.WebhookId.Should().Be(parked.Id);
        flaky.Attempts.Select(a => a.WebhookId).Should().Equal(parked.Id, parked.Id);
        (await EventsAsync(log)).Should().ContainSingle().Which.State.Should().Be(LicenseEventState.Delivered);
    }

    private static async Task<IReadOnlyList<LicenseEventRecord>> EventsAsync(ILicenseEventLog log) =>
        (await log.ListAsync(new LicenseEventQuery())).Value!.Items;
}

[TestFixture]
public sealed class InMemoryMultiEndpointDeliveryTests : MultiEndpointDeliveryTests
{
    protected override Task<Action<LicenseKitBuilder>> UseStoreAsync() => Task.FromResult<Action<LicenseKitBuilder>>(_ => { });
}

[TestFixture]
public sealed class SqliteMultiEndpointDeliveryTests : MultiEndpointDeliveryTests
{
    protected override Task<Action<LicenseKitBuilder>> UseStoreAsync() => UseEntityFrameworkCoreAsync(TestDatabase.CreateSqliteAsync());
}

[TestFixture]
public sealed class PostgreSqlMultiEndpointDeliveryTests : MultiEndpointDeliveryTests
{
    protected override Task<Action<LicenseKitBuilder>> UseStoreAsync() => UseEntityFrameworkCoreAsync(TestDatabase.CreatePostgresAsync());
}

/// <summary>The EF Core store on a test database, with the key-hashing secret every store but the in-memory one needs.</summary>
internal static class EntityFrameworkCoreStore
{
    public static Action<LicenseKitBuilder> Use(TestDatabase database) => builder =>
    {
        builder.Services.AddDbContext<TestDbContext>(database.Configure);
        builder.Services.Configure<LicenseKitOptions>(o => o.KeyHashing.Secrets["test"] = Convert.ToBase64String(new byte[32]));
        builder.UseEntityFrameworkCore<TestDbContext>();
    };
}
