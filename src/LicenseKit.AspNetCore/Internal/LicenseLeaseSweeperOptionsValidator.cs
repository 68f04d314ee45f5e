using Microsoft.Extensions.Options;

namespace LicenseKit.Internal;

/// <summary>Stops the host at start-up when the sweeper would spin or never run.</summary>
internal sealed class LicenseLeaseSweeperOptionsValidator : IValidateOptions<LicenseLeaseSweeperOptions>
{
    public ValidateOptionsResult Validate(string? name, LicenseLeaseSweeperOptions options)
    {
        List<string>? failures = null;
        if (options.Interval < TimeSpan.FromSeconds(1))
        {
            (failures ??= []).Add($"LicenseLeaseSweeperOptions.Interval must be at least 1 second; it is {options.Interval}.");
        }

        if (options.BatchSize is < 1 or > 10_000)
        {
            (failures ??= []).Add($"LicenseLeaseSweeperOptions.BatchSize must be between 1 and 10000; it is {options.BatchSize}.");
        }

        return failures is null ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
