using Microsoft.Extensions.Options;

namespace LicenseKit.Webhooks.Internal;

/// <summary>
/// Validates <see cref="WebhookOptions"/> at startup, so a mistyped URL or secret stops the host with a message that
/// says which endpoint is wrong instead of failing every delivery later. Secrets are never echoed.
/// </summary>
internal sealed class WebhookOptionsValidator : IValidateOptions<WebhookOptions>
{
    internal const int MaxRetryAttempts = 20;
    internal static readonly TimeSpan MaxRetryDelay = TimeSpan.FromMinutes(1);
    internal static readonly TimeSpan MinAttemptTimeout = TimeSpan.FromMilliseconds(10);
    internal static readonly TimeSpan MaxAttemptTimeout = TimeSpan.FromMinutes(5);
    internal static readonly TimeSpan MaxTotalTimeout = TimeSpan.FromHours(1);

    public ValidateOptionsResult Validate(string? name, WebhookOptions options)
    {
        var failures = new List<string>();
        if (options.Endpoints.Count == 0)
        {
            failures.Add("WebhookOptions.Endpoints must hold at least one endpoint.");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < options.Endpoints.Count; i++)
        {
            ValidateEndpoint(options.Endpoints[i], $"WebhookOptions.Endpoints[{i}]", names, failures);
        }

        if (options.MaxRetryAttempts is < 0 or > MaxRetryAttempts)
        {
            failures.Add($"WebhookOptions.MaxRetryAttempts must be between 0 and {MaxRetryAttempts}.");
        }

        if (options.RetryDelay < TimeSpan.Zero || options.RetryDelay > MaxRetryDelay)
        {
            failures.Add("WebhookOptions.RetryDelay must be between 0 and 1 minute.");
        }

        if (options.AttemptTimeout < MinAttemptTimeout || options.AttemptTimeout > MaxAttemptTimeout)
        {
            failures.Add("WebhookOptions.AttemptTimeout must be between 10 milliseconds and 5 minutes.");
        }

        if (options.TotalTimeout < options.AttemptTimeout || options.TotalTimeout > MaxTotalTimeout)
        {
            failures.Add("WebhookOptions.TotalTimeout must be between AttemptTimeout and 1 hour.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateEndpoint(WebhookEndpoint? endpoint, string path, HashSet<string> names, List<string> failures)
    {
        if (endpoint is null)
        {
            failures.Add($"{path} must not be null.");
            return;
        }

        if (string.IsNullOrWhiteSpace(endpoint.Name))
        {
            failures.Add($"{path}.Name must be set.");
        }
        else if (endpoint.Name.Any(char.IsControl))
        {
            // The name is stored with the events the endpoint took (one name per line) and written to logs.
            failures.Add($"{path}.Name must not contain control characters such as line breaks.");
        }
        else if (!names.Add(endpoint.Name))
        {
            failures.Add($"{path}.Name '{endpoint.Name}' is already used by another endpoint; names must be unique.");
        }

        if (!Uri.TryCreate(endpoint.Url, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add($"{path}.Url must be an absolute https:// or http:// URL.");
        }

        if (endpoint.Secrets.Count == 0)
        {
            failures.Add($"{path}.Secrets must hold at least one secret.");
        }

        for (var i = 0; i < endpoint.Secrets.Count; i++)
        {
            if (!WebhookSecret.IsValid(endpoint.Secrets[i]))
            {
                failures.Add($"{path}.Secrets[{i}] must be '{WebhookSecret.Prefix}' followed by the base64 of {WebhookSecret.MinKeyBytes} to {WebhookSecret.MaxKeyBytes} random bytes; WebhookSecret.Generate() makes one.");
            }
        }

        for (var i = 0; i < endpoint.EventTypes.Count; i++)
        {
            if (!LicenseEventTypes.All.Contains(endpoint.EventTypes[i], StringComparer.Ordinal))
            {
                failures.Add($"{path}.EventTypes[{i}] '{endpoint.EventTypes[i]}' is not an event type; the types are {string.Join(", ", LicenseEventTypes.All)}.");
            }
        }
    }
}
