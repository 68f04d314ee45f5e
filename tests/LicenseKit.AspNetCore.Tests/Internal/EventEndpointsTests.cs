using System.Net;
using System.Text.Json;
using LicenseKit.AspNetCore.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static LicenseKit.AspNetCore.Tests.Infrastructure.TestApi;

namespace LicenseKit.AspNetCore.Tests.Internal;

public sealed class EventEndpointsTests
{
    private const string SeedExample = """{"product_id":"prod_hyQQhhNzfEuvv","customer_id":"cust_3r2FgHXp9","activations_limit":3,"duration_hours":720}""";

    [Test]
    public async Task GetEvents_PagesAfterTheCursor_WithTheWriteAndItsDeliveryState()
    {
        await using var api = await StartAsync();
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add((await (await api.Admin.PostAsync("/licenses", Json(SeedExample))).ReadJsonAsync()).GetProperty("id").GetString()!);
        }

        var first = await (await api.Admin.GetAsync("/licenses/events?limit=2")).ReadJsonAsync();
        var second = await (await api.Admin.GetAsync($"/licenses/events?limit=2&after={first.GetProperty("next_cursor").GetString()}")).ReadJsonAsync();
        var third = await (await api.Admin.GetAsync($"/licenses/events?limit=2&after={second.GetProperty("next_cursor").GetString()}")).ReadJsonAsync();
        var otherBusiness = await (await api.CreateClient($"{BusinessB} licenses:admin").GetAsync("/licenses/events")).ReadJsonAsync();

        var items = first.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray()).ToArray();
        items.Select(e => e.GetProperty("data").GetProperty("license").GetProperty("id").GetString()).Should().Equal(ids);
        var item = items[0];
        item.EnumerateObject().Select(p => p.Name).Should().Equal("id", "type", "business_id", "license_id", "occurred_at", "data", "state", "attempts", "next_attempt_at");
        item.GetProperty("id").GetString().Should().StartWith("evt_");
        item.GetProperty("type").GetString().Should().Be("license_key.created");
        item.GetProperty("state").GetString().Should().Be("PENDING");
        item.GetProperty("occurred_at").GetString().Should().Be("2026-05-11T01:12:25.764Z");
        third.GetProperty("items").GetArrayLength().Should().Be(0);
        third.GetProperty("next_cursor").GetString().Should().Be(second.GetProperty("next_cursor").GetString());
        otherBusiness.GetProperty("items").GetArrayLength().Should().Be(0);
    }

    [TestCase("after=abc", "INVALID_CURSOR", "after")]
    [TestCase("limit=0", "FIELD_OUT_OF_RANGE", "limit")]
    [TestCase("limit=ten", "FIELD_INVALID_TYPE", "limit")]
    [TestCase("state=LOST", "FIELD_OUT_OF_RANGE", "state")]
    [TestCase("cursor=1", "UNKNOWN_FIELD", "cursor")]
    public async Task GetEvents_WithBadQuery_Returns400NamingTheField(string query, string code, string field)
    {
        await using var api = await StartAsync();

        var response = await api.Admin.GetAsync($"/licenses/events?{query}");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var error = (await response.ReadJsonAsync()).GetProperty("errors")[0];
        error.GetProperty("code").GetString().Should().Be(code);
        error.GetProperty("field").GetString().Should().Be(field);
    }

    [Test]
    public async Task ParkedEvent_IsListedWithItsError_AndRedriveMakesItPending_ButNotAnEventThatWasNeverParked()
    {
        await using var api = await StartAsync(s =>
        {
            s.AddLicenseKit().AddEventHandler(new FailingHandler()).AddEventHandler(new TakingHandler());
            s.Configure<LicenseEventDeliveryOptions>(o => o.MaxAttempts = 1);
        });
        await api.Admin.PostAsync("/licenses", Json(SeedExample));
        await api.Services.GetRequiredService<LicenseEventDelivery>().DeliverDueAsync();

        var parked = (await (await api.Admin.GetAsync("/licenses/events?state=PARKED")).ReadJsonAsync()).GetProperty("items").EnumerateArray().Should().ContainSingle().Subject;
        var id = parked.GetProperty("id").GetString();
        var redrive = await api.Admin.PostAsync($"/licenses/events/{id}/redrive", null);
        var again = await api.Admin.PostAsync($"/licenses/events/{id}/redrive", null);
        await api.Admin.PostAsync("/licenses", Json(SeedExample));
        var fresh = (await (await api.Admin.GetAsync("/licenses/events?state=PENDING")).ReadJsonAsync()).GetProperty("items")[1].GetProperty("id").GetString();
        var notParked = await api.Admin.PostAsync($"/licenses/events/{fresh}/redrive", null);
        var unknown = await api.Admin.PostAsync("/licenses/events/evt_unknown/redrive", null);
        var otherBusiness = await api.CreateClient($"{BusinessB} licenses:admin").PostAsync($"/licenses/events/{id}/redrive", null);

        parked.GetProperty("last_error").GetString().Should().Be($"{typeof(FailingHandler)}: InvalidOperationException: receiver down");
        parked.GetProperty("attempts").GetInt32().Should().Be(1);
        parked.GetProperty("delivered_targets").EnumerateArray().Select(t => t.GetString()).Should().Equal(typeof(TakingHandler).ToString());
        redrive.StatusCode.Should().Be(HttpStatusCode.OK);
        var pending = await redrive.ReadJsonAsync();
        pending.GetProperty("state").GetString().Should().Be("PENDING");
        pending.GetProperty("attempts").GetInt32().Should().Be(0);
        again.StatusCode.Should().Be(HttpStatusCode.OK, "re-driving twice before the next attempt is the same re-drive");
        notParked.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await notParked.ReadJsonAsync()).GetProperty("errors")[0].GetProperty("code").GetString().Should().Be("EVENT_NOT_PARKED");
        unknown.StatusCode.Should().Be(HttpStatusCode.NotFound);
        otherBusiness.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await api.Client.GetAsync("/licenses/events")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    private sealed class TakingHandler : ILicenseEventHandler
    {
        public Task HandleAsync(LicenseEvent licenseEvent, CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private sealed class FailingHandler : ILicenseEventHandler
    {
        public Task HandleAsync(LicenseEvent licenseEvent, CancellationToken cancellationToken) => throw new InvalidOperationException("receiver down");
    }
}
