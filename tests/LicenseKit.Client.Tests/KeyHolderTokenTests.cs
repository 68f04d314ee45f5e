using System.Buffers.Text;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using LicenseKit.Client.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace LicenseKit.Client.Tests;

/// <summary>
/// What the signed token handed to a key holder shows of a license, end to end: the server's answers over HTTP, the
/// verifier and the client. It follows <see cref="LicenseKitOptions.DiscloseCustomerDataToKeyHolders"/>, as the answers do.
/// </summary>
public sealed class KeyHolderTokenTests
{
    private const string Payment = "pay_secret42";
    private static readonly Dictionary<string, string> Metadata = new() { ["email"] = "buyer@example.com" };

    private LicenseServer _server = null!;
    private HttpClient _http = null!;

    [TearDown]
    public async Task TearDown()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    [Test]
    public async Task ActivateAndValidate_ByDefault_TokensCarryNoCustomerPaymentOrMetadata_AndVerifierAndClientAcceptThem()
    {
        await StartAsync();
        var license = await _server.IssueAsync(paymentId: Payment, metadata: Metadata);

        var (activationToken, validationToken) = await ActivateAndValidateAsync(license.Key);

        foreach (var token in new[] { activationToken, validationToken })
        {
            var payload = Payload(token);
            payload.EnumerateObject().Select(p => p.Name).Should().NotContain(["customer_id", "payment_id", "metadata"]);
            payload.GetRawText().Should().NotContainAny(license.CustomerId, Payment, "buyer@example.com");
            var claims = Verify(token);
            claims.CustomerId.Should().BeNull();
            claims.PaymentId.Should().BeNull();
            claims.Metadata.Should().BeEmpty();
            claims.LicenseId.Should().Be(license.Id);
        }

        var client = await ActivateWithClientAsync(license.Key);
        client.Code.Should().Be(LicenseStateCode.Licensed, client.Message);
        client.Claims!.CustomerId.Should().BeNull();
    }

    [Test]
    public async Task ActivateAndValidate_WhenTheHostDisclosesCustomerData_TokensCarryThem_AndVerifierAndClientAcceptThem()
    {
        await StartAsync(services => services.Configure<LicenseKitOptions>(o => o.DiscloseCustomerDataToKeyHolders = true));
        var license = await _server.IssueAsync(paymentId: Payment, metadata: Metadata);

        var (activationToken, validationToken) = await ActivateAndValidateAsync(license.Key);

        foreach (var token in new[] { activationToken, validationToken })
        {
            var payload = Payload(token);
            payload.GetProperty("customer_id").GetString().Should().Be(license.CustomerId);
            payload.GetProperty("payment_id").GetString().Should().Be(Payment);
            payload.GetProperty("metadata").GetProperty("email").GetString().Should().Be("buyer@example.com");
            var claims = Verify(token);
            claims.CustomerId.Should().Be(license.CustomerId);
            claims.PaymentId.Should().Be(Payment);
            claims.Metadata.Should().Equal(Metadata);
        }

        var client = await ActivateWithClientAsync(license.Key);
        client.Code.Should().Be(LicenseStateCode.Licensed, client.Message);
        client.Claims!.CustomerId.Should().Be(license.CustomerId);
    }

    [Test]
    public async Task Activate_WhenSigningAgainAfterAConcurrentChangeFails_Answers200WithTheTokenUnavailable_AndKeepsTheActivation()
    {
        var vault = await StartWithVaultAsync();
        var license = await _server.IssueAsync();
        ArmConcurrentChange(vault, license.Id, failing: call => call == 2);

        var response = await _http.PostAsJsonAsync("activate", new { license_key = license.Key, name = "laptop", fingerprint = "fp-laptop" });

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
        answer.GetProperty("signed_license_unavailable").GetBoolean().Should().BeTrue();
        answer.TryGetProperty("signed_license", out _).Should().BeFalse();
        var instances = await _server.InstancesAsync(license.Id);
        instances.Should().ContainSingle().Which.Id.Should().Be(answer.GetProperty("id").GetString());
        vault.Calls.Should().Be(2, "the token signed before the write described the license before the concurrent change");

        // Activating again with the same fingerprint reuses the seat and signs the license as it is now.
        var again = await (await _http.PostAsJsonAsync("activate", new { license_key = license.Key, name = "laptop", fingerprint = "fp-laptop" })).Content.ReadFromJsonAsync<JsonElement>();
        Verify(again.GetProperty("signed_license").GetString()!).InstanceId.Should().Be(instances[0].Id);
        again.TryGetProperty("signed_license_unavailable", out _).Should().BeFalse();
        (await _server.InstancesAsync(license.Id)).Should().ContainSingle();
    }

    [Test]
    public async Task ClientActivate_WhenTheServerCouldNotSignAfterTheWrite_FetchesTheTokenByValidating()
    {
        var vault = await StartWithVaultAsync();
        var license = await _server.IssueAsync();
        ArmConcurrentChange(vault, license.Id, failing: call => call == 2);

        var state = await ActivateWithClientAsync(license.Key);

        state.Code.Should().Be(LicenseStateCode.Licensed, state.Message);
        state.Claims!.InstanceId.Should().Be((await _server.InstancesAsync(license.Id)).Single().Id);
        vault.Calls.Should().Be(3, "sign, sign again after the concurrent change (fails), sign for the validation");
    }

    [Test]
    public async Task ClientActivate_WhenTheServerCannotSignAtAll_ReportsServerUnreachable_AndActivatingLaterKeepsOneSeat()
    {
        var vault = await StartWithVaultAsync();
        var license = await _server.IssueAsync(activationsLimit: 1);
        ArmConcurrentChange(vault, license.Id, failing: call => call >= 2);
        var storage = new InMemoryLicenseTokenStorage();
        using var client = _server.CreateClient("laptop", storage);

        var failed = await client.ActivateAsync(license.Key);
        vault.Arm(() => Task.CompletedTask, failing: _ => false);
        var later = await client.ActivateAsync(license.Key);

        failed.Code.Should().Be(LicenseStateCode.ServerUnreachable);
        failed.Message.Should().Contain("recorded the activation");
        later.Code.Should().Be(LicenseStateCode.Licensed, later.Message);
        (await _server.InstancesAsync(license.Id)).Should().ContainSingle().Which.Id.Should().Be(later.Claims!.InstanceId);
    }

    private async Task StartAsync(Action<IServiceCollection>? configureServices = null)
    {
        _server = await LicenseServer.StartAsync(configureServices);
        _http = new HttpClient(_server.CreateHandler()) { BaseAddress = LicenseServer.ServerUrl };
    }

    private async Task<FlakyKeyProvider> StartWithVaultAsync()
    {
        // The vault hands out the key the server was configured with.
        await StartAsync(services => services.Replace(ServiceDescriptor.Singleton<ILicenseSigningKeyProvider>(sp =>
            new FlakyKeyProvider(LicenseSigningKey.FromPem(LicenseServer.KeyId, sp.GetRequiredService<IOptions<SignedLicenseOptions>>().Value.SigningKeyPem!)))));
        return (FlakyKeyProvider)_server.Services.GetRequiredService<ILicenseSigningKeyProvider>();
    }

    // The first key request happens after the activation read the license and before it writes: an admin's edit lands
    // right then, so the token signed first no longer describes what gets written.
    private void ArmConcurrentChange(FlakyKeyProvider vault, string licenseId, Func<int, bool> failing) =>
        vault.Arm(
            async () => (await _server.Manager.UpdateAsync(licenseId, new LicenseUpdate { ActivationMessage = "Changed meanwhile." })).Succeeded.Should().BeTrue(),
            failing);

    private async Task<(string Activation, string Validation)> ActivateAndValidateAsync(string key)
    {
        var activation = await (await _http.PostAsJsonAsync("activate", new { license_key = key, name = "laptop", fingerprint = "fp-raw" })).Content.ReadFromJsonAsync<JsonElement>();
        var instanceId = activation.GetProperty("id").GetString();
        var validation = await (await _http.PostAsJsonAsync("validate", new { license_key = key, license_key_instance_id = instanceId })).Content.ReadFromJsonAsync<JsonElement>();
        return (activation.GetProperty("signed_license").GetString()!, validation.GetProperty("signed_license").GetString()!);
    }

    private async Task<LicenseState> ActivateWithClientAsync(string key)
    {
        using var client = _server.CreateClient("desktop", new InMemoryLicenseTokenStorage());
        return await client.ActivateAsync(key);
    }

    private LicenseTokenClaims Verify(string token)
    {
        using var verifier = new LicenseTokenVerifier(_server.PublicKeyPem, LicenseServer.KeyId, _server.Time);
        var result = verifier.Verify(token);
        result.IsValid.Should().BeTrue(result.Code.ToString());
        return result.Claims!;
    }

    private static JsonElement Payload(string token) =>
        JsonDocument.Parse(Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token.Split('.')[1]))).RootElement;
}
