using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace LicenseKit.Tests.Diagnostics;

public class LicenseKitTelemetryTests
{
    [Test]
    public async Task Counters_CountOperationsTaggedWithResultAndCode()
    {
        await using var sut = new TestServices(services: s => s.AddMetrics());
        var meterFactory = sut.Root.GetRequiredService<IMeterFactory>();
        using var issued = new MetricCollector<long>(meterFactory, LicenseKitDiagnostics.Name, LicenseKitDiagnostics.IssuedCounter);
        using var activations = new MetricCollector<long>(meterFactory, LicenseKitDiagnostics.Name, LicenseKitDiagnostics.ActivationsCounter);
        using var deactivations = new MetricCollector<long>(meterFactory, LicenseKitDiagnostics.Name, LicenseKitDiagnostics.DeactivationsCounter);
        using var validations = new MetricCollector<long>(meterFactory, LicenseKitDiagnostics.Name, LicenseKitDiagnostics.ValidationsCounter);
        using var updates = new MetricCollector<long>(meterFactory, LicenseKitDiagnostics.Name, LicenseKitDiagnostics.UpdatesCounter);

        var license = await sut.IssueAsync(TestServices.SeedRequest() with { ActivationsLimit = 1 });
        await sut.Issuer.IssueAsync(TestServices.SeedRequest() with { CustomerId = "" });
        var instance = (await sut.Activator.ActivateAsync(new ActivateLicenseRequest { LicenseKey = license.Key, Name = "a" })).Value!.Instance;
        await sut.Activator.ActivateAsync(new ActivateLicenseRequest { LicenseKey = license.Key, Name = "b" });
        await sut.Activator.DeactivateAsync(new DeactivateLicenseRequest { LicenseKey = license.Key, LicenseKeyInstanceId = instance.Id });
        await sut.Activator.ValidateAsync(new ValidateLicenseRequest { LicenseKey = license.Key });
        await sut.Activator.ValidateAsync(new ValidateLicenseRequest { LicenseKey = "NOPE" });
        await sut.Manager.RevokeAsync(license.Id);
        await sut.Manager.EnableAsync(license.Id);

        static IEnumerable<(object?, object?)> Tags(MetricCollector<long> c) =>
            c.GetMeasurementSnapshot().Select(m => (m.Tags[LicenseKitDiagnostics.ResultTag], m.Tags[LicenseKitDiagnostics.CodeTag]));

        Tags(issued).Should().Equal(("success", "OK"), ("failure", LicenseErrorCodes.FieldRequired));
        Tags(activations).Should().Equal(("success", "OK"), ("failure", LicenseErrorCodes.LicenseKeyLimitReached));
        Tags(deactivations).Should().Equal(("success", "OK"));
        Tags(validations).Should().Equal(("success", "VALID"), ("failure", "NOT_FOUND"));
        Tags(updates).Should().Equal(("success", "OK"), ("failure", LicenseErrorCodes.InvalidStatusTransition));
        issued.GetMeasurementSnapshot().Sum(m => m.Value).Should().Be(2);
    }

    [Test]
    public async Task Operations_StartActivitiesOnTheLicenseKitSource()
    {
        var started = new List<string>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == LicenseKitDiagnostics.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStarted = a => { lock (started) { started.Add(a.OperationName); } },
        };
        ActivitySource.AddActivityListener(listener);
        await using var sut = new TestServices();

        var license = await sut.IssueAsync();
        await sut.Activator.ValidateAsync(new ValidateLicenseRequest { LicenseKey = license.Key });

        started.Should().Contain(["LicenseKit.Issue", "LicenseKit.Validate"]);
    }

    [Test]
    public async Task MetricsAndSpans_TogetherDescribeEachOutcome()
    {
        var spans = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == LicenseKitDiagnostics.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a => { lock (spans) { spans.Add(a); } },
        };
        ActivitySource.AddActivityListener(listener);
        using var root = new Activity("test").Start(); // this test's spans share its trace id
        await using var sut = new TestServices(services: s => s.AddMetrics());
        using var activations = new MetricCollector<long>(sut.Root.GetRequiredService<IMeterFactory>(), LicenseKitDiagnostics.Name, LicenseKitDiagnostics.ActivationsCounter);
        var license = await sut.IssueAsync(TestServices.SeedRequest() with { ActivationsLimit = 1 });

        var activated = await sut.Activator.ActivateAsync(new ActivateLicenseRequest { LicenseKey = license.Key, Name = "a" });
        var refused = await sut.Activator.ActivateAsync(new ActivateLicenseRequest { LicenseKey = license.Key, Name = "b" });
        await sut.Activator.ValidateAsync(new ValidateLicenseRequest { LicenseKey = "NOPE-NOPE-NOPE" });

        activated.Succeeded.Should().BeTrue();
        refused.Succeeded.Should().BeFalse();
        Activity[] mine;
        lock (spans)
        {
            mine = [.. spans.Where(a => a.TraceId == root.TraceId && a.OperationName is "LicenseKit.Activate" or "LicenseKit.Validate")];
        }

        mine.Select(a => (a.OperationName, a.Status, a.GetTagItem(LicenseKitDiagnostics.CodeTag))).Should().Equal(
            ("LicenseKit.Activate", ActivityStatusCode.Unset, "OK"),
            ("LicenseKit.Activate", ActivityStatusCode.Error, LicenseErrorCodes.LicenseKeyLimitReached),
            ("LicenseKit.Validate", ActivityStatusCode.Error, "NOT_FOUND"));
        mine[1].StatusDescription.Should().Be(LicenseErrorCodes.LicenseKeyLimitReached);
        activations.GetMeasurementSnapshot().Select(m => m.Tags[LicenseKitDiagnostics.CodeTag]).Should().Equal("OK", LicenseErrorCodes.LicenseKeyLimitReached);
    }

    [Test]
    public async Task WithoutAListener_OperationsLeaveTheCallersSpanUntouched()
    {
        using var host = new Activity("host request").Start();
        await using var sut = new TestServices();

        await sut.Activator.ValidateAsync(new ValidateLicenseRequest { LicenseKey = "NOPE-NOPE-NOPE" });

        host.Status.Should().Be(ActivityStatusCode.Unset);
        host.GetTagItem(LicenseKitDiagnostics.CodeTag).Should().BeNull();
    }

    [Test]
    public async Task Issue_LogsTheNewLicense()
    {
        var collector = new FakeLogCollector();
        await using var sut = new TestServices(services: s => s.AddLogging(b => b.SetMinimumLevel(LogLevel.Debug).AddProvider(new FakeLoggerProvider(collector))));

        var license = await sut.IssueAsync();
        await sut.Issuer.IssueAsync(TestServices.SeedRequest() with { ProductId = "" });

        var records = collector.GetSnapshot();
        records.Should().Contain(r => r.Level == LogLevel.Information && r.Message == $"Issued license {license.Id} for product prod_hyQQhhNzfEuvv in business biz_345TUESrCDPvrb.");
        records.Should().Contain(r => r.Level == LogLevel.Debug && r.Message == "Issue refused with FIELD_REQUIRED (field product_id).");
    }
}
