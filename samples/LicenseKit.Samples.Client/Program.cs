// An installed app's licensing in a few lines: check the stored license offline, activate a key once, refresh online when
// the server can be reached, and keep working when it cannot. See docs/client.md for the walk-through.
//
//   dotnet run --project samples/LicenseKit.Samples.Client -- <license key>     activate (once), then check and refresh
//   dotnet run --project samples/LicenseKit.Samples.Client                      check offline, refresh if online
//   dotnet run --project samples/LicenseKit.Samples.Client -- --deactivate      free this machine's seat
//
// Configuration (environment): LICENSEKIT_SERVER (default http://127.0.0.1:5080/licenses/), LICENSEKIT_PUBLIC_KEY_FILE
// (the server's public key PEM, default license-signing.pub.pem), LICENSEKIT_KEY_ID (default "sample"), LICENSEKIT_API_KEY
// (default pk_test_acme, the sample API's publishable key).
using LicenseKit.Client;

var argument = args.FirstOrDefault();
if (argument == "--exit")
{
    return 0; // Starts and exits: the yardstick for measuring the cold first check.
}

var options = new LicenseClientOptions
{
    ServerUrl = new Uri(Environment.GetEnvironmentVariable("LICENSEKIT_SERVER") ?? "http://127.0.0.1:5080/licenses/"),
    ApiKey = Environment.GetEnvironmentVariable("LICENSEKIT_API_KEY") ?? "pk_test_acme",
    ApplicationName = "LicenseKit.Samples.Client",
};
var publicKeyFile = Environment.GetEnvironmentVariable("LICENSEKIT_PUBLIC_KEY_FILE") ?? "license-signing.pub.pem";
if (!File.Exists(publicKeyFile))
{
    Console.Error.WriteLine($"No public key at '{publicKeyFile}': set LICENSEKIT_PUBLIC_KEY_FILE to the server's public key PEM.");
    return 2;
}

options.PublicKeys[Environment.GetEnvironmentVariable("LICENSEKIT_KEY_ID") ?? "sample"] = File.ReadAllText(publicKeyFile);

using var client = new LicenseClient(options);
var state = client.Check();
Console.WriteLine($"offline check:  {Describe(state)}");
if (argument == "--check")
{
    return state.IsLicensed ? 0 : 1; // Only the offline check: what every start of the app costs.
}

if (argument == "--deactivate")
{
    state = await client.DeactivateAsync();
    Console.WriteLine($"deactivate:     {Describe(state)}");
    return state.Code == LicenseStateCode.NotActivated ? 0 : 1;
}

if (!state.IsLicensed && argument is not null)
{
    state = await client.ActivateAsync(argument);
    Console.WriteLine($"activate:       {Describe(state)}");
}
else if (state.IsLicensed)
{
    state = await client.RefreshAsync();
    Console.WriteLine($"online refresh: {Describe(state)}");
}

if (state.IsLicensed)
{
    Console.WriteLine($"Licensed: {state.Claims!.LicenseId} for {state.Claims.ProductId}.");
}

return state.IsLicensed ? 0 : 1;

static string Describe(LicenseState state) => state.Code switch
{
    LicenseStateCode.Licensed => $"licensed until {state.ValidUntil:u} without going online",
    LicenseStateCode.LicensedOffline => $"licensed offline until {state.ValidUntil:u} (server unreachable: {state.Message})",
    LicenseStateCode.OfflineGraceEnded => $"not licensed: offline since before {state.ValidUntil:u}; connect once to renew",
    LicenseStateCode.NotActivated => "not activated: pass a license key",
    _ => $"not licensed: {state.Code} {state.ServerCode} {state.Message}".TrimEnd(),
};
