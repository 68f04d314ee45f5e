using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using LicenseKit.Client.Tests.Infrastructure;

namespace LicenseKit.Client.Tests.Samples;

/// <summary>
/// End to end: the sample API (samples/LicenseKit.Samples.Api) as a real process on 127.0.0.1 with its SQLite store and a
/// signing key, and the client over real sockets with its default file storage format and this machine's real fingerprint.
/// </summary>
[NonParallelizable]
public sealed class SampleApiProcessTests
{
    private const string KeyId = "e2e-2026";
    private DirectoryInfo _folder = null!;
    private Process? _api;

    [SetUp]
    public void SetUp() => _folder = Directory.CreateTempSubdirectory("licensekit-e2e-");

    [TearDown]
    public void TearDown()
    {
        StopApi();
        _folder.Delete(recursive: true);
    }

    [Test]
    public async Task Client_ActivatesAgainstTheSampleApi_ThenKeepsWorkingWithTheServerGone()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var baseUrl = await StartApiAsync(key.ExportPkcs8PrivateKeyPem());
        var licenseKey = await CreateLicenseAsync(baseUrl);
        var storagePath = Path.Combine(_folder.FullName, "app", "license.json");
        var options = Options(baseUrl, key.ExportSubjectPublicKeyInfoPem(), storagePath);

        LicenseState activated, refreshed, deactivated, reactivated;
        using (var firstRun = new LicenseClient(options))
        {
            activated = await firstRun.ActivateAsync(licenseKey);
            refreshed = await firstRun.RefreshAsync();
            deactivated = await firstRun.DeactivateAsync();
            reactivated = await firstRun.ActivateAsync(licenseKey);
        }

        StopApi();
        using var secondRun = new LicenseClient(options);
        var offlineCheck = secondRun.Check();
        var offlineRefresh = await secondRun.RefreshAsync();

        activated.Code.Should().Be(LicenseStateCode.Licensed, activated.Message);
        activated.Claims!.KeyId.Should().Be(KeyId);
        activated.Claims.Fingerprint.Should().Be(options.FingerprintProvider?.GetFingerprint() ?? new MachineIdFingerprintProvider("Acme.Editor").GetFingerprint());
        refreshed.Code.Should().Be(LicenseStateCode.Licensed);
        deactivated.Code.Should().Be(LicenseStateCode.NotActivated);
        reactivated.Code.Should().Be(LicenseStateCode.Licensed);
        reactivated.Claims!.InstanceId.Should().NotBe(activated.Claims.InstanceId);
        File.Exists(storagePath).Should().BeTrue();
        offlineCheck.Code.Should().Be(LicenseStateCode.Licensed);
        offlineCheck.Claims!.InstanceId.Should().Be(reactivated.Claims.InstanceId);
        offlineRefresh.Code.Should().Be(LicenseStateCode.LicensedOffline, offlineRefresh.Message);
        offlineRefresh.ValidUntil.Should().Be(reactivated.ValidUntil);
    }

    private static LicenseClientOptions Options(Uri baseUrl, string publicKeyPem, string storagePath)
    {
        var options = new LicenseClientOptions
        {
            ServerUrl = new Uri(baseUrl, "licenses/"),
            ApiKey = "pk_test_acme",
            ApplicationName = "Acme.Editor",
            Storage = new FileLicenseTokenStorage(storagePath),

            // This machine's real fingerprint; a container without an OS machine id stands in with a fixed one.
            FingerprintProvider = new MachineIdFingerprintProvider("Acme.Editor").GetFingerprint() is null ? new FixedFingerprint("fp-container") : null,
        };
        options.PublicKeys[KeyId] = publicKeyPem;
        return options;
    }

    private static async Task<string> CreateLicenseAsync(Uri baseUrl)
    {
        using var admin = new HttpClient { BaseAddress = baseUrl };
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "sk_test_acme");
        using var body = new StringContent("""{"product_id":"prod_hyQQhhNzfEuvv","customer_id":"cust_3r2FgHXp9","activations_limit":1,"duration_hours":720}""", Encoding.UTF8, "application/json");
        using var created = await admin.PostAsync("licenses", body);
        created.StatusCode.Should().Be(HttpStatusCode.Created);
        var license = await created.Content.ReadFromJsonAsync<JsonElement>();
        return license.GetProperty("key").GetString()!;
    }

    private async Task<Uri> StartApiAsync(string signingKeyPem)
    {
        var directory = typeof(SampleApiProcessTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "SampleApiDirectory").Value!;
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet", [Path.Combine(directory, "LicenseKit.Samples.Api.dll")])
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            Environment =
            {
                ["Urls"] = $"http://127.0.0.1:{port}",
                ["ConnectionStrings__Sqlite"] = $"Data Source={Path.Combine(_folder.FullName, "licenses.db")}",
                ["Licensing__SigningKeyPem"] = signingKeyPem,
                ["Licensing__KeyId"] = KeyId,
                ["Logging__LogLevel__Default"] = "Warning",
            },
        };
        var output = new StringBuilder();
        _api = Process.Start(start)!;
        _api.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        _api.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        _api.BeginOutputReadLine();
        _api.BeginErrorReadLine();

        var baseUrl = new Uri($"http://127.0.0.1:{port}/");
        using var probe = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(5) };
        for (var attempt = 0; attempt < 240; attempt++)
        {
            if (_api.HasExited)
            {
                Assert.Fail($"The sample API exited with {_api.ExitCode}:\n{output}");
            }

            try
            {
                using var response = await probe.GetAsync("openapi/v1.json");
                if (response.IsSuccessStatusCode)
                {
                    return baseUrl;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Still starting.
            }

            await Task.Delay(250);
        }

        Assert.Fail($"The sample API did not start within a minute:\n{output}");
        return baseUrl;
    }

    private void StopApi()
    {
        if (_api is null)
        {
            return;
        }

        if (!_api.HasExited)
        {
            _api.Kill(entireProcessTree: true);
            _api.WaitForExit();
        }

        _api.Dispose();
        _api = null;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
