using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace LicenseKit.Samples.Api;

/// <summary>
/// The host's own bearer API keys, read from the "ApiKeys" configuration section (key → business id). A secret key
/// (<c>sk_…</c>) may manage licenses; a publishable key (<c>pk_…</c>), the one shipped inside the vendor's
/// application, may only activate, deactivate and validate. Either way the key's business becomes the
/// <c>business_id</c> claim that scopes every LicenseKit call.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IConfiguration configuration)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string AdminScope = "licenses:admin";
    public const string ActivateScope = "licenses:activate";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var presented = Encoding.UTF8.GetBytes(header["Bearer ".Length..].Trim());
        string? apiKey = null, businessId = null;
        foreach (var entry in configuration.GetSection("ApiKeys").GetChildren())
        {
            // Compare every configured key in constant time so response timing does not reveal a key's prefix.
            if (CryptographicOperations.FixedTimeEquals(SHA256.HashData(presented), SHA256.HashData(Encoding.UTF8.GetBytes(entry.Key))))
            {
                (apiKey, businessId) = (entry.Key, entry.Value);
            }
        }

        if (apiKey is null || string.IsNullOrWhiteSpace(businessId))
        {
            return Task.FromResult(AuthenticateResult.Fail("Unknown API key."));
        }

        var claims = new List<Claim> { new("business_id", businessId), new("scope", ActivateScope) };
        if (apiKey.StartsWith("sk_", StringComparison.Ordinal))
        {
            claims.Add(new Claim("scope", AdminScope));
        }

        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }
}
