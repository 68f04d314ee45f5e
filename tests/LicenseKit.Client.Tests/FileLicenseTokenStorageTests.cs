namespace LicenseKit.Client.Tests;

public sealed class FileLicenseTokenStorageTests
{
    private static readonly DateTimeOffset At = new(2026, 5, 11, 1, 12, 25, 764, TimeSpan.Zero);
    private DirectoryInfo _folder = null!;

    [SetUp]
    public void SetUp() => _folder = Directory.CreateTempSubdirectory("licensekit-storage-");

    [TearDown]
    public void TearDown() => _folder.Delete(recursive: true);

    [Test]
    public void Save_ThenLoad_RoundTripsAndLeavesNoTemporaryFile()
    {
        var storage = new FileLicenseTokenStorage(Path.Combine(_folder.FullName, "app", "license.json"));

        storage.Save(new StoredLicenseToken("LK1.first.sig", At));
        storage.Save(new StoredLicenseToken("LK1.second.sig", At.AddHours(1)));

        storage.Load().Should().Be(new StoredLicenseToken("LK1.second.sig", At.AddHours(1)));
        Directory.GetFiles(Path.Combine(_folder.FullName, "app")).Should().ContainSingle().Which.Should().EndWith("license.json");
    }

    [Test]
    public void Save_OnUnix_MakesTheFileReadableByItsOwnerOnly()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            Assert.Ignore("Unix file modes only.");
            return;
        }

        var storage = new FileLicenseTokenStorage(Path.Combine(_folder.FullName, "license.json"));

        storage.Save(new StoredLicenseToken("LK1.a.b", At));

        File.GetUnixFileMode(storage.FilePath).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    [Test]
    public void Load_MissingFileOrFolder_IsNull()
    {
        new FileLicenseTokenStorage(Path.Combine(_folder.FullName, "nowhere", "license.json")).Load().Should().BeNull();
    }

    [TestCase("")]
    [TestCase("{")]
    [TestCase("[]")]
    [TestCase("{\"token\":42}")]
    [TestCase("{\"token\":\"\",\"last_verified_at\":\"2026-05-11T01:12:25.764Z\"}")]
    [TestCase("{\"token\":\"LK1.a.b\",\"last_verified_at\":\"yesterday\"}")]
    public void Load_MalformedFile_IsNull(string content)
    {
        var path = Path.Combine(_folder.FullName, "license.json");
        File.WriteAllText(path, content);

        new FileLicenseTokenStorage(path).Load().Should().BeNull();
    }

    [Test]
    public void Load_OversizedFile_IsNullWithoutReadingIt()
    {
        var path = Path.Combine(_folder.FullName, "license.json");
        File.WriteAllText(path, "{\"token\":\"" + new string('A', 200_000) + "\",\"last_verified_at\":\"2026-05-11T01:12:25.764Z\"}");

        new FileLicenseTokenStorage(path).Load().Should().BeNull();
    }

    [Test]
    public void Delete_RemovesTheFile_AndAMissingFileIsFine()
    {
        var storage = new FileLicenseTokenStorage(Path.Combine(_folder.FullName, "license.json"));
        storage.Save(new StoredLicenseToken("LK1.a.b", At));

        storage.Delete();
        storage.Delete();

        File.Exists(storage.FilePath).Should().BeFalse();
        storage.Load().Should().BeNull();
    }

    [Test]
    public void GetDefaultPath_IsInTheUsersApplicationData()
    {
        var path = FileLicenseTokenStorage.GetDefaultPath("Acme.Editor");

        path.Should().Be(Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify), "Acme.Editor", "license.json"));
        FluentActions.Invoking(() => FileLicenseTokenStorage.GetDefaultPath("../x")).Should().Throw<ArgumentException>();
    }
}
