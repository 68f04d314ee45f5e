using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace LicenseKit.EntityFrameworkCore.Tests.ListPlans;

/// <summary>
/// Explains every query the store sends, just before it runs: the same text and parameter values on the same connection
/// and transaction, prefixed with the provider's explain statement. Each plan is its rows' last column, one per line.
/// </summary>
public sealed class QueryPlanCapture(string explainPrefix) : DbCommandInterceptor
{
    private readonly List<string> _plans = [];

    /// <summary>The plans of the queries run so far, in order.</summary>
    public IReadOnlyList<string> Plans => _plans;

    public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        await using var explain = command.Connection!.CreateCommand();
        explain.Transaction = command.Transaction;
        explain.CommandText = explainPrefix + command.CommandText;
        foreach (DbParameter parameter in command.Parameters)
        {
            var copy = explain.CreateParameter();
            copy.ParameterName = parameter.ParameterName;
            copy.DbType = parameter.DbType;
            copy.Value = parameter.Value;
            explain.Parameters.Add(copy);
        }

        var lines = new List<string>();
        await using (var reader = await explain.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                lines.Add(reader.GetString(reader.FieldCount - 1));
            }
        }

        _plans.Add(string.Join('\n', lines));
        return result;
    }
}
