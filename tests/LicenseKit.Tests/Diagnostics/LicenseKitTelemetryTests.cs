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

        Tags(issued).Should().Equal(("success", null), ("failure", LicenseErrorCodes.FieldRequired));
        Tags(activations).Should().Equal(("success", null), ("failure", LicenseErrorCodes.LicenseKeyLimitReached));
        Tags(deactivations).Should().Equal(("success", null));
        Tags(validations).Should().Equal(("success", "VALID"), ("failure", "NOT_FOUND"));
        Tags(updates).Should().Equal(("success", null), ("failure", LicenseErrorCodes.InvalidStatusTransition));
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
