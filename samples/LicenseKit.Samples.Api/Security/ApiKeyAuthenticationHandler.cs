using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;

namespace LicenseKit.Samples.Api.Security;

/// <summary>
/// The host's own bearer API keys (see <see cref="ApiKeyRing"/>). A secret key (<c>sk_…</c>) may manage licenses; a
/// publishable key (<c>pk_…</c>), the one shipped inside the vendor's application, may only activate, deactivate and
/// validate. Either way the key's business becomes the <c>business_id</c> claim that scopes every LicenseKit call.
/// </summary>
/// <remarks>
/// A plain <see cref="IAuthenticationHandler"/> rather than an <c>AuthenticationHandler&lt;TOptions&gt;</c>: the scheme has
/// no options and no events, and the base class would still make a logger, look its options up and build an events
/// object on every request. The handler is made per request (the framework hands it that request's context), from
/// singletons only.
/// </remarks>
internal sealed partial class ApiKeyAuthenticationHandler(ApiKeyRing keys, ILogger<ApiKeyAuthenticationHandler> logger) : IAuthenticationHandler
{
    public const string SchemeName = "ApiKey";
    public const string AdminScope = "licenses:admin";
    public const string ActivateScope = "licenses:activate";

    private const string BearerPrefix = "Bearer ";

    private HttpContext _context = null!;

    // Authenticating twice in one request answers the first result, as the framework's handlers do.
    private Task<AuthenticateResult>? _result;

    public Task InitializeAsync(AuthenticationScheme scheme, HttpContext context)
    {
        _context = context;
        return Task.CompletedTask;
    }

    public Task<AuthenticateResult> AuthenticateAsync() => _result ??= Task.FromResult(Authenticate());

    public Task ChallengeAsync(AuthenticationProperties? properties)
    {
        // Tell the caller which scheme to use; the status-code pages add the problem body.
        _context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        _context.Response.Headers.WWWAuthenticate = "Bearer";
        Log.Challenged(logger, SchemeName);
        return Task.CompletedTask;
    }

    public Task ForbidAsync(AuthenticationProperties? properties)
    {
        _context.Response.StatusCode = StatusCodes.Status403Forbidden;
        Log.Forbidden(logger, SchemeName);
        return Task.CompletedTask;
    }

    private AuthenticateResult Authenticate()
    {
        // One Authorization value is the common case: read it in place rather than joining the values into a new string.
        var values = _context.Request.Headers.Authorization;
        var header = values.Count == 1 ? values[0].AsSpan() : values.ToString().AsSpan();
        if (!header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            Log.NotAuthenticated(logger, SchemeName);
            return AuthenticateResult.NoResult();
        }

        if (keys.Find(header[BearerPrefix.Length..].Trim()) is not { } grant)
        {
            const string failure = "Unknown API key.";
            Log.Failed(logger, SchemeName, failure);
            return AuthenticateResult.Fail(failure);
        }

        // Claims made for their identity are added as they are; any other claim would be copied into it.
        var identity = new ClaimsIdentity(SchemeName);
        identity.AddClaim(IdentityClaim(identity, "business_id", grant.BusinessId));
        identity.AddClaim(IdentityClaim(identity, "scope", ActivateScope));
        if (grant.IsSecret)
        {
            identity.AddClaim(IdentityClaim(identity, "scope", AdminScope));
        }

        Log.Authenticated(logger, SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    private static Claim IdentityClaim(ClaimsIdentity identity, string type, string value) =>
        new(type, value, ClaimValueTypes.String, ClaimsIdentity.DefaultIssuer, ClaimsIdentity.DefaultIssuer, identity);

    // The lines, levels and event ids ASP.NET Core's own handlers log, so log filters and dashboards see the same.
    private static partial class Log
    {
        [LoggerMessage(7, LogLevel.Information, "{AuthenticationScheme} was not authenticated. Failure message: {FailureMessage}", EventName = "AuthenticationSchemeNotAuthenticatedWithFailure")]
        public static partial void Failed(ILogger logger, string authenticationScheme, string failureMessage);

        [LoggerMessage(8, LogLevel.Debug, "AuthenticationScheme: {AuthenticationScheme} was successfully authenticated.", EventName = "AuthenticationSchemeAuthenticated")]
        public static partial void Authenticated(ILogger logger, string authenticationScheme);

        [LoggerMessage(9, LogLevel.Debug, "AuthenticationScheme: {AuthenticationScheme} was not authenticated.", EventName = "AuthenticationSchemeNotAuthenticated")]
        public static partial void NotAuthenticated(ILogger logger, string authenticationScheme);

        [LoggerMessage(12, LogLevel.Information, "AuthenticationScheme: {AuthenticationScheme} was challenged.", EventName = "AuthenticationSchemeChallenged")]
        public static partial void Challenged(ILogger logger, string authenticationScheme);

        [LoggerMessage(13, LogLevel.Information, "AuthenticationScheme: {AuthenticationScheme} was forbidden.", EventName = "AuthenticationSchemeForbidden")]
        public static partial void Forbidden(ILogger logger, string authenticationScheme);
    }
}
