using Microsoft.Extensions.Options;

namespace LicenseKit.Caching.Internal;

/// <summary>Stops the host at startup when the cache options cannot work, with a message that says why.</summary>
internal sealed class LicenseCacheOptionsValidator : IValidateOptions<LicenseCacheOptions>
{
    public ValidateOptionsResult Validate(string? name, LicenseCacheOptions options)
    {
        var failures = new List<string>();
        if (options.Duration <= TimeSpan.Zero || options.Duration > LicenseCacheOptions.MaxDuration)
        {
            failures.Add("LicenseCacheOptions.Duration must be greater than zero and at most one day.");
        }

        if (options.RedisConfiguration is { } redis && string.IsNullOrWhiteSpace(redis))
        {
            failures.Add("LicenseCacheOptions.RedisConfiguration must be non-blank when set.");
        }

        if (string.IsNullOrWhiteSpace(options.CacheName))
        {
            failures.Add("LicenseCacheOptions.CacheName must be non-blank.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
