using LicenseKit.Stores;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace LicenseKit.Tests.Keys;

public class KeyHashingStartupTests
{
    [Test]
    public void Options_WithAnotherStoreAndNoSecret_FailNamingTheSetting()
    {
        var services = new ServiceCollection();
        // Any registration but the in-memory store's own counts as a store that outlives the process.
        services.AddLicenseKit(o => o.BusinessId = "biz_1");
        services.Replace(ServiceDescriptor.Singleton<ILicenseStore>(_ => new InMemoryLicenseStore()));
        using var provider = services.BuildServiceProvider();

        var act = () => provider.GetRequiredService<IOptions<LicenseKitOptions>>().Value;

        act.Should().Throw<OptionsValidationException>().Which.Message.Should().Contain("LicenseKit:KeyHashing").And.Contain("Secrets");
    }

    [Test]
    public void Options_WithTheInMemoryStoreAndNoSecret_AreValid()
    {
        var services = new ServiceCollection();
        services.AddLicenseKit(o => o.BusinessId = "biz_1");
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<IOptions<LicenseKitOptions>>().Value.KeyHashing.Secrets.Should().BeEmpty();
        provider.GetRequiredService<ILicenseKeyHasher>().CurrentSecretId.Should().Be(HmacLicenseKeyHasher.EphemeralSecretId);
    }

    [Test]
    public void Hasher_WithTwoSecrets_HashesWithTheCurrentFirstAndKnowsItsOwn()
    {
        var options = new LicenseKeyHashingOptions { CurrentSecretId = "new" };
        options.Secrets["old"] = Convert.ToBase64String(Enumerable.Repeat((byte)1, 32).ToArray());
        options.Secrets["new"] = Convert.ToBase64String(Enumerable.Repeat((byte)2, 32).ToArray());
        var hasher = new HmacLicenseKeyHasher(options);

        var current = hasher.Hash("ABCD-EFGH");
        var older = hasher.HashWithOlderSecrets("ABCD-EFGH");

        current.Should().StartWith("new:");
        older.Should().ContainSingle().Which.Should().StartWith("old:").And.NotContain("ABCD").And.NotBe(current);
        hasher.IsCurrent(current).Should().BeTrue();
        hasher.IsCurrent(older[0]).Should().BeFalse();
    }
}
