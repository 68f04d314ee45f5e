using System.Text.Json;
using LicenseKit.Serialization;
using LicenseKit.Webhooks.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace LicenseKit.Webhooks.Tests;

public class LicenseWebhookSenderTests
{
    [TestCase(StatusCodes.Status500InternalServerError)]
    [TestCase(StatusCodes.Status503ServiceUnavailable)]
    [TestCase(StatusCodes.Status408RequestTimeout)]
    [TestCase(StatusCodes.Status429TooManyRequests)]
    public async Task DeliverAsync_ToAReceiverFailingTransientlyThenRecovering_DeliversWithTheSameIdOnEveryAttempt(int status)
    {
        await using var receiver = await WebhookReceiver.StartAsync(WebhookReceiver.FailFirst(3, status));
        await using var provider = WebhookHost.Create(o => o.Endpoints.Add(WebhookHost.Endpoint("crm", receiver.UrlFor("/hooks"))));
        var sender = provider.GetRequiredService<LicenseWebhookSender>();

        var results = await sender.DeliverAsync(TestEvents.Issued("evt_retried1"));

        results.Should().Equal(new WebhookDeliveryResult { EndpointName = "crm", WebhookId = "evt_retried1", StatusCode = 204 });
        receiver.Attempts.Should().HaveCount(4);
        receiver.Attempts.Select(a => a.WebhookId).Should().AllBe("evt_retried1");
        receiver.Attempts.Select(a => a.Body).Should().AllSatisfy(b => b.Should().Equal(receiver.Attempts[0].Body));
        var verifier = new WebhookVerifier([TestSecrets.Current]);
        receiver.Attempts.Should().AllSatisfy(a => verifier.Verify(a.WebhookId, a.Timestamp, a.Signature, a.Body).IsValid.Should().BeTrue());
    }

    [Test]
    public async Task DeliverAsync_ToAReceiverThatTimesOutThenRecovers_DeliversWithTheSameIdOnEveryAttempt()
    {
        await using var receiver = await WebhookReceiver.StartAsync(WebhookReceiver.HangFirst(2));
        await using var provider = WebhookHost.Create(o =>
        {
            o.AttemptTimeout = TimeSpan.FromSeconds(1);
            o.MaxRetryAttempts = 6;
            o.Endpoints.Add(WebhookHost.Endpoint("crm", receiver.UrlFor("/hooks")));
        });

        var results = await provider.GetRequiredService<LicenseWebhookSender>().DeliverAsync(TestEvents.Issued("evt_slow1"));

        results.Single().Succeeded.Should().BeTrue(results.Single().Error);
        // Two attempts were abandoned; on a loaded machine a later one may be too, so only the lower bound is exact.
        receiver.Attempts.Should().HaveCountGreaterThanOrEqualTo(3);
        receiver.Attempts.Select(a => a.WebhookId).Should().AllBe("evt_slow1");
    }

    [Test]
    public async Task DeliverAsync_ToAReceiverThatNeverAnswers_GivesUpAtTheTotalTimeout()
    {
        await using var receiver = await WebhookReceiver.StartAsync(WebhookReceiver.HangFirst(int.MaxValue));
        await using var provider = WebhookHost.Create(o =>
        {
            o.AttemptTimeout = TimeSpan.FromMilliseconds(500);
            o.TotalTimeout = TimeSpan.FromSeconds(2);
            o.MaxRetryAttempts = 20;
            o.Endpoints.Add(WebhookHost.Endpoint("crm", receiver.UrlFor("/hooks")));
        });

        var result = (await provider.GetRequiredService<LicenseWebhookSender>().DeliverAsync(TestEvents.Issued())).Single();

        result.Succeeded.Should().BeFalse();
        result.StatusCode.Should().BeNull();
        result.Error.Should().StartWith("TimeoutRejectedException: ");
        // 21 attempts of 500 ms would take over 10 s; the total timeout cuts them off after about four.
        receiver.Attempts.Count.Should().BeInRange(1, 5);
    }

    [Test]
    public async Task DeliverAsync_SignsEachAttemptAfreshWithTheHostClocksTimestamp()
    {
        var time = new FakeTimeProvider(TestEvents.Now);
        await using var receiver = await WebhookReceiver.StartAsync((attempt, context) =>
        {
            time.Advance(TimeSpan.FromMinutes(1));
            return WebhookReceiver.FailFirst(2, StatusCodes.Status503ServiceUnavailable)(attempt, context);
        });
        await using var provider = WebhookHost.Create(o => o.Endpoints.Add(WebhookHost.Endpoint("crm", receiver.UrlFor("/hooks"))), time);

        var results = await provider.GetRequiredService<LicenseWebhookSender>().DeliverAsync(TestEvents.Issued());

        results.Single().Succeeded.Should().BeTrue();
        var start = TestEvents.Now.ToUnixTimeSeconds();
        receiver.Attempts.Select(a => long.Parse(a.Timestamp!, System.Globalization.CultureInfo.InvariantCulture)).Should().Equal(start, start + 60, start + 120);
        receiver.Attempts.Select(a => a.Signature).Should().OnlyHaveUniqueItems();
        var verifierAtEachAttempt = new WebhookVerifier([TestSecrets.Current], new FakeTimeProvider(TestEvents.Now.AddMinutes(1)));
        receiver.Attempts.Should().AllSatisfy(a => verifierAtEachAttempt.Verify(a.WebhookId, a.Timestamp, a.Signature, a.Body).IsValid.Should().BeTrue());
    }

    [Test]
    public async Task DeliverAsync_PostsTheEventsJsonPayload()
    {
        await using var receiver = await WebhookReceiver.StartAsync(WebhookReceiver.FailFirst(0, 0));
        await using var provider = WebhookHost.Create(o => o.Endpoints.Add(WebhookHost.Endpoint("crm", receiver.UrlFor("/hooks/licenses"))));
        var activated = TestEvents.Activated();

        await provider.GetRequiredService<LicenseWebhookSender>().DeliverAsync(activated);

        var attempt = receiver.Attempts.Single();
        attempt.Path.Should().Be("/hooks/licenses");
        attempt.ContentType.Should().Be("application/json; charset=utf-8");
        attempt.Body.Should().Equal(JsonSerializer.SerializeToUtf8Bytes(LicenseWebhookPayload.From(activated), LicenseWebhookJsonContext.Default.LicenseWebhookPayload));
    }

    [TestCase(StatusCodes.Status400BadRequest, "Bad Request")]
    [TestCase(StatusCodes.Status410Gone, "Gone")]
    [TestCase(StatusCodes.Status302Found, "Found")]
    public async Task DeliverAsync_ToAReceiverAnsweringANonTransientFailure_ReportsItWithoutRetrying(int status, string reason)
    {
        await using var receiver = await WebhookReceiver.StartAsync((_, context) =>
        {
            context.Response.StatusCode = status;
            context.Response.Headers.Location = "/elsewhere";
            return Task.CompletedTask;
        });
        await using var provider = WebhookHost.Create(o => o.Endpoints.Add(WebhookHost.Endpoint("crm", receiver.UrlFor("/hooks"))));

        var result = await provider.GetRequiredService<LicenseWebhookSender>().DeliverAsync(TestEvents.Issued("evt_refused1"), "crm");

        result.Should().Be(new WebhookDeliveryResult { EndpointName = "crm", WebhookId = "evt_refused1", StatusCode = status, Error = $"The endpoint answered {status} {reason}." });
        result.Succeeded.Should().BeFalse();
        receiver.Attempts.Should().ContainSingle().Which.Path.Should().Be("/hooks");
    }

    [Test]
    public async Task DeliverAsync_WhenEveryAttemptFails_ReportsTheLastAnswerAfterTheRetries()
    {
        await using var receiver = await WebhookReceiver.StartAsync(WebhookReceiver.FailFirst(int.MaxValue, StatusCodes.Status503ServiceUnavailable));
        await using var provider = WebhookHost.Create(o =>
        {
            o.MaxRetryAttempts = 2;
            o.Endpoints.Add(WebhookHost.Endpoint("crm", receiver.UrlFor("/hooks")));
        });

        var result = (await provider.GetRequiredService<LicenseWebhookSender>().DeliverAsync(TestEvents.Issued())).Single();

        result.StatusCode.Should().Be(503);
        result.Error.Should().Be("The endpoint answered 503 Service Unavailable.");
        receiver.Attempts.Should().HaveCount(3);
    }

    [Test]
    public async Task DeliverAsync_ToAnEndpointNobodyListensOn_ReportsTheConnectionErrorInsteadOfThrowing()
    {
        string url;
        await using (var stopped = await WebhookReceiver.StartAsync(WebhookReceiver.FailFirst(0, 0)))
        {
            url = stopped.UrlFor("/hooks");
        }

        await using var provider = WebhookHost.Create(o =>
        {
            o.MaxRetryAttempts = 1;
            o.Endpoints.Add(WebhookHost.Endpoint("gone", url));
        });

        var result = (await provider.GetRequiredService<LicenseWebhookSender>().DeliverAsync(TestEvents.Issued())).Single();

        result.Succeeded.Should().BeFalse();
        result.StatusCode.Should().BeNull();
        result.Error.Should().StartWith("HttpRequestException: ");
    }

    [Test]
    public async Task DeliverAsync_ToSeveralEndpoints_SignsEachWithItsOwnSecretsAndReportsEach()
    {
        await using var receiver = await WebhookReceiver.StartAsync((_, context) =>
        {
            context.Response.StatusCode = context.Request.Path == "/b" ? 422 : 200;
            return Task.CompletedTask;
        });
        await using var provider = WebhookHost.Create(o =>
        {
            o.Endpoints.Add(WebhookHost.Endpoint("a", receiver.UrlFor("/a"), TestSecrets.Current, TestSecrets.Previous));
            o.Endpoints.Add(WebhookHost.Endpoint("b", receiver.UrlFor("/b"), TestSecrets.Unrelated));
        });
        var sender = provider.GetRequiredService<LicenseWebhookSender>();

        var results = await sender.DeliverAsync(TestEvents.Issued("evt_fan1"));

        sender.EndpointNames.Should().Equal("a", "b");
        results.Select(r => (r.EndpointName, r.Succeeded, r.StatusCode)).Should().Equal(("a", true, 200), ("b", false, 422));
        var toA = receiver.Attempts.Single(a => a.Path == "/a");
        var toB = receiver.Attempts.Single(a => a.Path == "/b");
        toA.Signature!.Split(' ').Should().HaveCount(2);
        new WebhookVerifier([TestSecrets.Previous]).Verify(toA.WebhookId, toA.Timestamp, toA.Signature, toA.Body).IsValid.Should().BeTrue();
        new WebhookVerifier([TestSecrets.Unrelated]).Verify(toA.WebhookId, toA.Timestamp, toA.Signature, toA.Body).IsValid.Should().BeFalse();
        new WebhookVerifier([TestSecrets.Unrelated]).Verify(toB.WebhookId, toB.Timestamp, toB.Signature, toB.Body).IsValid.Should().BeTrue();
    }

    [Test]
    public async Task DeliverAsync_SendsEachEventOnlyToTheEndpointsThatTakeItsType()
    {
        await using var receiver = await WebhookReceiver.StartAsync(WebhookReceiver.FailFirst(0, 0));
        await using var provider = WebhookHost.Create(o =>
        {
            var fulfilment = WebhookHost.Endpoint("fulfilment", receiver.UrlFor("/fulfilment"));
            fulfilment.EventTypes.Add(LicenseEventTypes.Created);
            o.Endpoints.Add(fulfilment);
            o.Endpoints.Add(WebhookHost.Endpoint("audit", receiver.UrlFor("/audit")));
        });
        var sender = provider.GetRequiredService<LicenseWebhookSender>();

        var issued = await sender.DeliverAsync(TestEvents.Issued());
        var activated = await sender.DeliverAsync(TestEvents.Activated());

        issued.Select(r => r.EndpointName).Should().Equal("fulfilment", "audit");
        activated.Select(r => r.EndpointName).Should().Equal("audit");
        sender.EndpointNamesFor(TestEvents.Activated()).Should().Equal("audit");
        receiver.Attempts.Select(a => (a.Path, a.WebhookId)).Should().BeEquivalentTo(
            [("/fulfilment", "evt_issued1"), ("/audit", "evt_issued1"), ("/audit", "evt_activated1")]);
    }

    [Test]
    public async Task DeliverAsync_WhenNoEndpointTakesTheType_SendsNothing()
    {
        await using var receiver = await WebhookReceiver.StartAsync(WebhookReceiver.FailFirst(0, 0));
        await using var provider = WebhookHost.Create(o =>
        {
            var fulfilment = WebhookHost.Endpoint("fulfilment", receiver.UrlFor("/fulfilment"));
            fulfilment.EventTypes.Add(LicenseEventTypes.Created);
            o.Endpoints.Add(fulfilment);
        });
        var handler = provider.GetServices<ILicenseEventHandler>().Single();

        var results = await provider.GetRequiredService<LicenseWebhookSender>().DeliverAsync(TestEvents.ValidationFailed(null));
        await handler.HandleAsync(TestEvents.ValidationFailed(null), CancellationToken.None);

        results.Should().BeEmpty();
        receiver.Attempts.Should().BeEmpty();
    }

    [Test]
    public async Task DeliverAsync_ToANamedEndpoint_SendsEvenATypeItsFilterLeavesOut()
    {
        await using var receiver = await WebhookReceiver.StartAsync(WebhookReceiver.FailFirst(0, 0));
        await using var provider = WebhookHost.Create(o =>
        {
            var fulfilment = WebhookHost.Endpoint("fulfilment", receiver.UrlFor("/fulfilment"));
            fulfilment.EventTypes.Add(LicenseEventTypes.Created);
            o.Endpoints.Add(fulfilment);
        });

        var result = await provider.GetRequiredService<LicenseWebhookSender>().DeliverAsync(TestEvents.Activated(), "fulfilment");

        result.Succeeded.Should().BeTrue();
        receiver.Attempts.Should().ContainSingle();
    }

    [Test]
    public async Task DeliverAsync_ToAnUnknownEndpointName_Throws()
    {
        await using var provider = WebhookHost.Create(o => o.Endpoints.Add(WebhookHost.Endpoint("crm", "https://crm.example/hooks")));

        var act = () => provider.GetRequiredService<LicenseWebhookSender>().DeliverAsync(TestEvents.Issued(), "erp");

        await act.Should().ThrowAsync<ArgumentException>().WithMessage("No webhook endpoint is named 'erp'.*");
    }

    [Test]
    public async Task HandleAsync_WhenAnEndpointRefuses_ThrowsWithEachFailure()
    {
        await using var receiver = await WebhookReceiver.StartAsync(WebhookReceiver.FailFirst(int.MaxValue, StatusCodes.Status400BadRequest));
        await using var provider = WebhookHost.Create(o => o.Endpoints.Add(WebhookHost.Endpoint("crm", receiver.UrlFor("/hooks"))));
        var handler = provider.GetServices<ILicenseEventHandler>().Single();

        var act = () => handler.HandleAsync(TestEvents.Issued("evt_refused2"), CancellationToken.None);

        var thrown = await act.Should().ThrowAsync<WebhookDeliveryException>()
            .WithMessage("Webhook evt_refused2 was not delivered: crm: The endpoint answered 400 Bad Request.");
        thrown.Which.Failures.Should().ContainSingle().Which.StatusCode.Should().Be(400);
    }
}
