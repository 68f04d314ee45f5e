using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace LicenseKit.Samples.Api.Security;

/// <summary>
/// The host's own bearer API keys (see <see cref="ApiKeyRing"/>). A secret key (<c>sk_…</c>) may manage licenses; a
/// publishable key (<c>pk_…</c>), the one shipped inside the vendor's application, may only activate, deactivate and
/// validate. Either way the key's business becomes the <c>business_id</c> claim that scopes every LicenseKit call.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyRing keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string AdminScope = "licenses:admin";
    public const string ActivateScope = "licenses:activate";

    private const string BearerPrefix = "Bearer ";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        // One Authorization value is the common case: read it in place rather than joining the values into a new string.
        var values = Request.Headers.Authorization;
        var header = values.Count == 1 ? values[0].AsSpan() : values.ToString().AsSpan();
        if (!header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        if (keys.Find(header[BearerPrefix.Length..].Trim()) is not { } grant)
        {
            return Task.FromResult(AuthenticateResult.Fail("Unknown API key."));
        }

        // Claims made for their identity are added as they are; any other claim would be copied into it.
        var identity = new ClaimsIdentity(SchemeName);
        identity.AddClaim(IdentityClaim(identity, "business_id", grant.BusinessId));
        identity.AddClaim(IdentityClaim(identity, "scope", ActivateScope));
        if (grant.IsSecret)
        {
            identity.AddClaim(IdentityClaim(identity, "scope", AdminScope));
        }

        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    private static Claim IdentityClaim(ClaimsIdentity identity, string type, string value) =>
        new(type, value, ClaimValueTypes.String, ClaimsIdentity.DefaultIssuer, ClaimsIdentity.DefaultIssuer, identity);

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        // Tell the caller which scheme to use; the status-code pages add the problem body.
        Response.Headers.WWWAuthenticate = "Bearer";
        return base.HandleChallengeAsync(properties);
    }
}
