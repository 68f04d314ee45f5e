namespace LicenseKit.Testing.Tests;

[TestFixture]
public sealed class SequentialKeyGeneratorTests
{
    [Test]
    public void GenerateKey_WithPrefixAndStart_CountsUpFromStart()
    {
        var keys = new SequentialKeyGenerator("ORDER-", start: 41);

        var generated = new[] { keys.GenerateKey(default), keys.GenerateKey(default) };

        generated.Should().Equal("ORDER-0041", "ORDER-0042");
    }

    [Test]
    public async Task RepeatEachKey_IssuingTwice_RetriesTheCollisionAndIssuesTheNextKey()
    {
        await using var host = LicenseKitTestHost.Create();
        host.Keys.RepeatEachKey(2);

        var first = await host.Issuer.IssueAsync(new IssueLicenseRequest { ProductId = "prod_1", CustomerId = "cust_1" });
        var second = await host.Issuer.IssueAsync(new IssueLicenseRequest { ProductId = "prod_1", CustomerId = "cust_2" });

        first.Value!.Key.Should().Be("TEST-0001");
        second.Value!.Key.Should().Be("TEST-0002", "the generator repeats TEST-0001 once, which the issuer regenerates");
    }

    [Test]
    public void GenerateKey_FromManyThreads_HandsOutEveryNumberOnce()
    {
        var keys = new SequentialKeyGenerator();
        var generated = new System.Collections.Concurrent.ConcurrentBag<string>();

        Parallel.For(0, 1000, _ => generated.Add(keys.GenerateKey(default)));

        generated.Should().OnlyHaveUniqueItems().And.HaveCount(1000).And.Contain(["TEST-0001", "TEST-1000"]);
    }
}
