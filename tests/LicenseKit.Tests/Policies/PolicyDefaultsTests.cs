using System.Text.Json;
using LicenseKit.Serialization;
using Microsoft.Extensions.DependencyInjection;

namespace LicenseKit.Tests.Policies;

public class PolicyDefaultsTests
{
    private static TestServices CreateSut() => new(services: s => s.Configure<LicenseKitOptions>(o =>
        o.Products["prod_pro"] = new LicensePolicyOptions { ActivationsLimit = 5, DurationHours = 8760 }));

    [Test]
    public async Task IssueAsync_OmittingLimitAndDuration_TakesTheProductDefaults()
    {
        await using var sut = CreateSut();

        var license = await sut.IssueAsync(new IssueLicenseRequest { ProductId = "prod_pro", CustomerId = "cust_1" });

        license.ActivationsLimit.Should().Be(5);
        license.DurationHours.Should().Be(8760);
        license.ExpiresAt.Should().Be(TestServices.Start.AddHours(8760));
        (await sut.Manager.FindByIdAsync(license.Id)).Should().Be(license with { Key = string.Empty });
    }

    [Test]
    public async Task IssueAsync_GivingLimitAndDuration_KeepsTheRequestsValues()
    {
        await using var sut = CreateSut();

        var license = await sut.IssueAsync(new IssueLicenseRequest { ProductId = "prod_pro", CustomerId = "cust_1", ActivationsLimit = 0, DurationHours = 24 });

        license.ActivationsLimit.Should().Be(0);
        license.DurationHours.Should().Be(24);
        license.ExpiresAt.Should().Be(TestServices.Start.AddHours(24));
    }

    [Test]
    public async Task IssueAsync_ForAProductWithoutPolicy_BehavesAsWithoutPolicies()
    {
        await using var sut = CreateSut();

        var license = await sut.IssueAsync(new IssueLicenseRequest { ProductId = "prod_other", CustomerId = "cust_1" });

        license.ActivationsLimit.Should().BeNull();
        license.DurationHours.Should().BeNull();
        license.ExpiresAt.Should().BeNull();
        using var json = JsonDocument.Parse(JsonSerializer.Serialize(license, LicenseKitJsonContext.Default.License));
        json.RootElement.EnumerateObject().Select(p => p.Name).Should().Equal(
            "id", "key", "status", "business_id", "product_id", "payment_id", "customer_id", "activations_limit", "activation_message",
            "instances_count", "duration_hours", "expires_at", "metadata", "archived", "created_at", "updated_at");
    }

    [Test]
    public async Task IssueAsync_WhenACustomProviderReturnsABadPolicy_ThrowsNamingTheProductAndWritesNothing()
    {
        await using var sut = new TestServices(b => b.UsePolicyProvider(new FixedPolicyProvider(new LicensePolicy { SeatMode = LicenseSeatMode.Floating })));

        var act = () => sut.Issuer.IssueAsync(new IssueLicenseRequest { ProductId = "prod_pro", CustomerId = "cust_1" });

        (await act.Should().ThrowAsync<InvalidOperationException>()).WithMessage("The policy of product 'prod_pro' is not usable: LeaseDuration is required when SeatMode is Floating.");
        (await sut.AllLicensesAsync()).Should().BeEmpty();
    }

    [Test]
    public async Task IssueAsync_AsksTheProviderForTheCurrentBusinessAndProduct()
    {
        var provider = new FixedPolicyProvider(new LicensePolicy { DurationHours = 48 });
        await using var sut = new TestServices(b => b.UsePolicyProvider(provider));

        var license = await sut.IssueAsync(new IssueLicenseRequest { ProductId = "prod_pro", CustomerId = "cust_1" });

        license.DurationHours.Should().Be(48);
        provider.Asked.Should().Equal(("biz_345TUESrCDPvrb", "prod_pro"));
    }

    private sealed class FixedPolicyProvider(LicensePolicy policy) : ILicensePolicyProvider
    {
        public List<(string BusinessId, string ProductId)> Asked { get; } = [];

        public ValueTask<LicensePolicy?> GetPolicyAsync(string businessId, string productId, CancellationToken cancellationToken = default)
        {
            Asked.Add((businessId, productId));
            return ValueTask.FromResult<LicensePolicy?>(policy);
        }
    }
}
