// A vendor's license service in a few lines: its own API-key auth, LicenseKit's endpoints on its own EF Core database
// (SQLite by default, PostgreSQL with ConnectionStrings:Postgres), a rate limiter on the endpoints that customers'
// machines call. Run: dotnet run --project samples/LicenseKit.Samples.Api
using System.Threading.RateLimiting;
using LicenseKit.Samples.Api;
using LicenseKit.Samples.Api.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.OpenApi;

var builder = WebApplication.CreateBuilder(args);

builder.Services
    .AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
    .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
builder.Services.AddAuthorizationBuilder()
    .AddPolicy("licenses:admin", p => p.RequireClaim("scope", ApiKeyAuthenticationHandler.AdminScope))
    .AddPolicy("licenses:activate", p => p.RequireClaim("scope", ApiKeyAuthenticationHandler.ActivateScope));

// Each client address gets a budget of activation calls per minute; a guessing client meets 429 long before a key.
builder.Services.AddRateLimiter(o =>
{
    o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
    o.AddPolicy("activation", http => RateLimitPartition.GetFixedWindowLimiter(
        http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
        _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = builder.Configuration.GetValue("RateLimiting:ActivationPermitsPerMinute", 60),
            Window = TimeSpan.FromMinutes(1),
        }));
});

builder.Services.AddLicenseDatabase(builder.Configuration, builder.Environment);
var licenseKit = builder.Services.AddLicenseKit()
    .UseEntityFrameworkCore<LicensesDbContext>()
    .UseBusinessFromClaim("business_id");

// Signed offline licenses for installed apps (LicenseKit.Client), once a signing key is configured.
if (builder.Configuration["Licensing:SigningKeyPem"] is { Length: > 0 } signingKeyPem)
{
    licenseKit.AddSignedLicenses(o =>
    {
        o.SigningKeyPem = signingKeyPem;
        o.KeyId = builder.Configuration["Licensing:KeyId"] ?? "sample";
    });
}
builder.Services.AddOpenApi(o => o.AddLicenseKitSchemas());

var app = builder.Build();
await app.Services.MigrateLicenseDatabaseAsync();

app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();

app.MapOpenApi();
app.MapLicenseKitManagement("/licenses").RequireAuthorization("licenses:admin");
app.MapLicenseKitActivation("/licenses").RequireAuthorization("licenses:activate").RequireRateLimiting("activation");

await app.RunAsync();
