using LicenseKit.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace LicenseKit.Testing.Tests;

[TestFixture]
public sealed class LicenseKitTestHostTests
{
    [Test]
    public async Task Create_IssuesSequentialKeysAtFakeTimeIntoTheInMemoryStore()
    {
        await using var host = LicenseKitTestHost.Create();

        var first = await host.Issuer.IssueAsync(new IssueLicenseRequest { ProductId = "prod_1", CustomerId = "cust_1", DurationHours = 2 });
        var second = await host.Issuer.IssueAsync(new IssueLicenseRequest { ProductId = "prod_1", CustomerId = "cust_2" });

        first.Value!.Key.Should().Be("TEST-0001");
        second.Value!.Key.Should().Be("TEST-0002");
        first.Value.BusinessId.Should().Be(LicenseKitTestHost.DefaultBusinessId);
        first.Value.CreatedAt.Should().Be(LicenseKitTestHost.DefaultStart);
        first.Value.ExpiresAt.Should().Be(LicenseKitTestHost.DefaultStart.AddHours(2));
        (await host.Store.FindByKeyAsync(LicenseKitTestHost.DefaultBusinessId, host.Services.GetRequiredService<ILicenseKeyHasher>().Hash("TEST-0001"))).Should().Be(first.Value with { Key = string.Empty });
    }

    [Test]
    public async Task Time_Advanced_PastExpiry_ValidationReportsExpired()
    {
        await using var host = LicenseKitTestHost.Create();
        await host.Issuer.IssueAsync(new IssueLicenseRequest { ProductId = "prod_1", CustomerId = "cust_1", DurationHours = 1 });

        var before = await host.Activator.ValidateAsync(new ValidateLicenseRequest { LicenseKey = "TEST-0001" });
        host.Time.Advance(TimeSpan.FromHours(1));
        var after = await host.Activator.ValidateAsync(new ValidateLicenseRequest { LicenseKey = "TEST-0001" });

        before.Code.Should().Be(LicenseValidationCode.Valid);
        after.Code.Should().Be(LicenseValidationCode.Expired);
    }

    [Test]
    public async Task Create_WithOptionsAndStart_AppliesThem()
    {
        var start = new DateTimeOffset(2030, 6, 1, 12, 0, 0, TimeSpan.Zero);
        await using var host = LicenseKitTestHost.Create(o => o.BusinessId = "biz_custom", start: start);

        var issued = await host.Issuer.IssueAsync(new IssueLicenseRequest { ProductId = "prod_1", CustomerId = "cust_1" });

        issued.Value!.BusinessId.Should().Be("biz_custom");
        issued.Value.CreatedAt.Should().Be(start);
    }
}
