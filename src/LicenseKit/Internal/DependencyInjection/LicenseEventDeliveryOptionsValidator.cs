using Microsoft.Extensions.Options;

namespace LicenseKit.Internal;

/// <summary>Stops a host at startup whose delivery options could not work (no attempts, a lease too short to deliver in).</summary>
internal sealed class LicenseEventDeliveryOptionsValidator : IValidateOptions<LicenseEventDeliveryOptions>
{
    public ValidateOptionsResult Validate(string? name, LicenseEventDeliveryOptions options)
    {
        var failures = new List<string>();
        if (options.MaxAttempts is < 1 or > 100)
        {
            failures.Add("LicenseEventDeliveryOptions.MaxAttempts must be between 1 and 100.");
        }

        if (options.RetryDelay <= TimeSpan.Zero || options.MaxRetryDelay < options.RetryDelay)
        {
            failures.Add("LicenseEventDeliveryOptions.RetryDelay must be positive and at most MaxRetryDelay.");
        }

        if (options.LeaseDuration < TimeSpan.FromSeconds(2))
        {
            failures.Add("LicenseEventDeliveryOptions.LeaseDuration must be at least 2 seconds.");
        }

        if (options.BatchSize is < 1 or > 1000)
        {
            failures.Add("LicenseEventDeliveryOptions.BatchSize must be between 1 and 1000.");
        }

        if (options.PollInterval <= TimeSpan.Zero || options.Retention <= TimeSpan.Zero)
        {
            failures.Add("LicenseEventDeliveryOptions.PollInterval and Retention must be positive.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
