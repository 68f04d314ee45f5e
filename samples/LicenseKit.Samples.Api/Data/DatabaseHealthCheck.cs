using LicenseKit.Samples.Api.Errors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LicenseKit.Samples.Api.Data;

/// <summary>
/// The database part of <c>/healthz</c>: one round trip on the context's connection. It bypasses the retrying
/// strategy on purpose, so a probe answers within the connect timeout instead of after every retry.
/// </summary>
internal sealed class DatabaseHealthCheck(LicensesDbContext licenses) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var connection = licenses.Database.GetDbConnection();
        try
        {
            await licenses.Database.OpenConnectionAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT 1";
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy("The license database answers.");
        }
        catch (Exception e) when (DatabaseFailures.IsUnavailable(e))
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "The license database is unavailable.", e);
        }
        finally
        {
            await licenses.Database.CloseConnectionAsync();
        }
    }
}
