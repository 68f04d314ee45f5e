// A vendor's license service in production shape: its own API-key auth, LicenseKit's endpoints on its own EF Core
// database (SQLite by default, PostgreSQL with ConnectionStrings:Postgres), problem bodies for every error, 503 with
// Retry-After while the database is away, /healthz, and a per-address rate limit on the endpoints customers' machines
// call. Run: dotnet run --project samples/LicenseKit.Samples.Api (README.md beside this file says how to deploy it).
using LicenseKit.Samples.Api.Data;
using LicenseKit.Samples.Api.Errors;
using LicenseKit.Samples.Api.Hosting;
using LicenseKit.Samples.Api.Security;
using Microsoft.AspNetCore.OpenApi;

var builder = WebApplication.CreateBuilder(args);

// Every error status gets an RFC 9457 body with a traceId: exceptions through the handler, bare statuses
// (401, 403, 404, 405…) through the status-code pages, 429 and 503 written with their Retry-After.
builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<DatabaseUnavailableExceptionHandler>();

builder.Services.AddSingleton(ApiKeyRing.FromConfiguration(builder.Configuration));
// The handler is a plain IAuthenticationHandler (no options, no events): registered, as the framework registers its
// own, to be made per request from the container.
builder.Services.AddTransient<ApiKeyAuthenticationHandler>();
builder.Services.AddAuthentication(o =>
{
    o.AddScheme<ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, displayName: null);
    o.DefaultScheme = ApiKeyAuthenticationHandler.SchemeName;
});
builder.Services.AddAuthorizationBuilder()
    .AddPolicy("licenses:admin", p => p.RequireClaim("scope", ApiKeyAuthenticationHandler.AdminScope))
    .AddPolicy("licenses:activate", p => p.RequireClaim("scope", ApiKeyAuthenticationHandler.ActivateScope));

builder.Services.AddForwardedClientAddresses(builder.Configuration);
builder.Services.AddActivationRateLimiter(builder.Configuration);

builder.Services.AddLicenseDatabase(builder.Configuration, builder.Environment);
builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", timeout: TimeSpan.FromSeconds(10));
// LicenseKit:KeyHashing holds the secret keys are hashed with; a host with a database does not start without one.
var licenseKit = builder.Services.AddLicenseKit(builder.Configuration.GetSection("LicenseKit"))
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
// The validate path served from memory, evicted on every host through Redis when one is configured (docs/caching.md).
if (builder.Configuration.GetValue("Caching:Enabled", false))
{
    licenseKit.AddLicenseCache(o => o.RedisConfiguration = builder.Configuration["Caching:Redis"] is { Length: > 0 } redis ? redis : null);
}

// Each write records its event in the database with the write; the dispatcher delivers them (to the webhook endpoints
// when some are configured) with retries, and several instances of this service share the work.
licenseKit.AddEventDispatcher(o => builder.Configuration.GetSection("Events").Bind(o));
if (builder.Configuration.GetSection("Webhooks:Endpoints").Exists())
{
    licenseKit.AddWebhooks(o => builder.Configuration.GetSection("Webhooks").Bind(o));
}

builder.Services.AddOpenApi(o => o.AddLicenseKitSchemas());

var app = builder.Build();
await app.Services.MigrateLicenseDatabaseAsync(app.Lifetime.ApplicationStopping);

app.UseForwardedHeaders();
app.UseExceptionHandler();
app.UseStatusCodePages();
// Before authentication, so guessing API keys on the activation group spends the same budget.
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();

app.MapHealthChecks("/healthz");
app.MapOpenApi();
app.MapLicenseKitManagement("/licenses").RequireAuthorization("licenses:admin");
app.MapLicenseKitActivation("/licenses").RequireAuthorization("licenses:activate").RequireRateLimiting(ActivationRateLimiting.PolicyName);

await app.RunAsync();
