using LicenseKit.Webhooks.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace LicenseKit.Webhooks.Tests;

/// <summary>
/// Webhooks through the event dispatcher: a receiver that fails or hangs for a while gets the event once it recovers,
/// with the event id as <c>webhook-id</c> on every attempt, and the recorded event says so.
/// </summary>
public sealed class DurableDeliveryTests
{
    [Test]
    public async Task ReceiverAnswering500ForAWhile_GetsTheEventOnceItRecovers_WithTheSameWebhookId()
    {
        await using var receiver = await WebhookReceiver.StartAsync(WebhookReceiver.FailFirst(4, StatusCodes.Status500InternalServerError));
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 5, 11, 1, 12, 25, 764, TimeSpan.Zero));
        await using var provider = WebhookHost.Create(o => { o.Endpoints.Add(WebhookHost.Endpoint("crm", receiver.UrlFor("/hooks"))); o.MaxRetryAttempts = 1; }, time);

        var record = await IssueAndDeliverUntilDoneAsync(provider, time);

        receiver.Attempts.Should().HaveCount(5, "each of the three dispatcher attempts tries twice, the fifth request is answered 204");
        receiver.Attempts.Select(a => a.WebhookId).Should().AllBe(record.Id);
        record.State.Should().Be(LicenseEventState.Delivered);
        record.Attempts.Should().Be(3);
        record.LastError.Should().Contain("500");
    }

    [Test]
    public async Task ReceiverTimingOutForAWhile_GetsTheEventOnceItRecovers_WithTheSameWebhookId()
    {
        await using var receiver = await WebhookReceiver.StartAsync(WebhookReceiver.HangFirst(2));
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 5, 11, 1, 12, 25, 764, TimeSpan.Zero));
        await using var provider = WebhookHost.Create(
            o =>
            {
                o.Endpoints.Add(WebhookHost.Endpoint("crm", receiver.UrlFor("/hooks")));
                o.MaxRetryAttempts = 0;
                o.AttemptTimeout = TimeSpan.FromMilliseconds(300);
                o.TotalTimeout = TimeSpan.FromMilliseconds(300);
            },
            time);

        var record = await IssueAndDeliverUntilDoneAsync(provider, time);

        receiver.Attempts.Should().HaveCount(3);
        receiver.Attempts.Select(a => a.WebhookId).Should().AllBe(record.Id);
        record.State.Should().Be(LicenseEventState.Delivered);
        record.Attempts.Should().Be(3);
    }

    private static async Task<LicenseEventRecord> IssueAndDeliverUntilDoneAsync(ServiceProvider provider, FakeTimeProvider time)
    {
        await using var scope = provider.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<ILicenseIssuer>().IssueAsync(new IssueLicenseRequest { ProductId = "prod_1", CustomerId = "cust_1" })).Succeeded.Should().BeTrue();
        var delivery = provider.GetRequiredService<LicenseEventDelivery>();
        var log = scope.ServiceProvider.GetRequiredService<ILicenseEventLog>();
        for (var turn = 0; turn < 10; turn++)
        {
            await delivery.DeliverDueAsync();
            var record = (await log.ListAsync(new LicenseEventQuery())).Value!.Items.Should().ContainSingle().Subject;
            if (record.State != LicenseEventState.Pending)
            {
                return record;
            }

            time.Advance(delivery.Options.MaxRetryDelay); // the backoff of the failed attempt has passed
        }

        throw new AssertionException("The event was not delivered within ten dispatcher turns.");
    }
}
