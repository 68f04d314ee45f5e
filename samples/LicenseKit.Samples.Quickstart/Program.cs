// Quickstart: register LicenseKit (in-memory store), issue a license as the seed's example does, print its JSON.
using System.Text.Json;
using LicenseKit;
using LicenseKit.Serialization;
using Microsoft.Extensions.DependencyInjection;

var services = new ServiceCollection();
services.AddLicenseKit(o => o.BusinessId = "biz_345TUESrCDPvrb");
await using var provider = services.BuildServiceProvider(validateScopes: true);
await using var scope = provider.CreateAsyncScope();

var issuer = scope.ServiceProvider.GetRequiredService<ILicenseIssuer>();
var result = await issuer.IssueAsync(new IssueLicenseRequest
{
    ProductId = "prod_hyQQhhNzfEuvv",
    CustomerId = "cust_3r2FgHXp9",
    PaymentId = "pay_3r2FgHXp9",
    ActivationsLimit = 3,
    DurationHours = 720,
    ActivationMessage = "Thank you! Your license is now active.",
});

if (!result.Succeeded)
{
    Console.Error.WriteLine($"Issuing failed: {result.Error.Code} ({result.Error.Field}): {result.Error.Description}");
    return 1;
}

var license = result.Value;
Console.WriteLine(JsonSerializer.Serialize(license, new JsonSerializerOptions(LicenseKitJsonContext.Default.Options) { WriteIndented = true }));

// A customer activates the key on a device, then the app validates it.
var activator = scope.ServiceProvider.GetRequiredService<ILicenseActivator>();
var activation = await activator.ActivateAsync(new ActivateLicenseRequest { LicenseKey = license.Key, Name = "build-agent-01", Fingerprint = "fp-7f3a" });
var validation = await activator.ValidateAsync(new ValidateLicenseRequest { LicenseKey = license.Key, LicenseKeyInstanceId = activation.Value?.Instance.Id });
Console.WriteLine($"Activated {activation.Value?.Instance.Id}: \"{activation.Value?.ActivationMessage}\"; validation: {LicenseWireFormat.ToWire(validation.Code)}");
return validation.Valid ? 0 : 1;
