using LicenseKit.Samples.Api.Security;

namespace LicenseKit.AspNetCore.Tests.Samples;

public sealed class ApiKeyRingTests
{
    [Test]
    public void Find_AmongManyKeys_ReturnsEachKeysOwnGrant_AndRefusesNearMisses()
    {
        var keys = Enumerable.Range(0, 1000)
            .Select(i => KeyValuePair.Create(i % 2 == 0 ? $"sk_live_{i:D4}" : $"pk_live_{i:D4}", (string?)$"biz_{i:D4}"))
            .Append(KeyValuePair.Create("sk_live_nobusiness", (string?)" "))
            .ToList();
        var ring = new ApiKeyRing(keys);

        ring.Find("sk_live_0000").Should().BeEquivalentTo(new { BusinessId = "biz_0000", IsSecret = true });
        ring.Find("pk_live_0501").Should().BeEquivalentTo(new { BusinessId = "biz_0501", IsSecret = false });
        ring.Find("sk_live_0998").Should().BeEquivalentTo(new { BusinessId = "biz_0998", IsSecret = true });
        ring.Find("sk_live_099").Should().BeNull();
        ring.Find("sk_live_09980").Should().BeNull();
        ring.Find("SK_LIVE_0998").Should().BeNull();
        ring.Find("sk_live_nobusiness").Should().BeNull();
        ring.Find(string.Empty).Should().BeNull();
    }
}
