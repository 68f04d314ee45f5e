using System.Data.Common;
using Microsoft.EntityFrameworkCore.Storage;

namespace LicenseKit.EntityFrameworkCore.Internal;

/// <summary>
/// A SQL statement written once per model, whose <c>{name}</c> placeholders became the provider's named parameters,
/// each created with the type mapping of the column it is compared with or written to.
/// </summary>
internal sealed class Statement
{
    private readonly Dictionary<string, (string ParameterName, RelationalTypeMapping Mapping)> _parameters;

    private Statement(string sql, Dictionary<string, (string, RelationalTypeMapping)> parameters)
    {
        Sql = sql;
        _parameters = parameters;
    }

    /// <summary>The provider's SQL.</summary>
    public string Sql { get; }

    /// <summary>Replaces each <c>{name}</c> of <paramref name="template"/> with the provider's placeholder for it.</summary>
    public static Statement Build(ISqlGenerationHelper sql, string template, params IEnumerable<(string Name, RelationalTypeMapping Mapping)> parameters)
    {
        var byName = new Dictionary<string, (string, RelationalTypeMapping)>(StringComparer.Ordinal);
        foreach (var (name, mapping) in parameters)
        {
            var placeholder = "{" + name + "}";
            if (!template.Contains(placeholder, StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"The statement has no parameter {name}: {template}");
            }

            template = template.Replace(placeholder, sql.GenerateParameterNamePlaceholder(name), StringComparison.Ordinal);
            byName.Add(name, (sql.GenerateParameterName(name), mapping));
        }

        return new Statement(template, byName);
    }

    /// <summary>
    /// A command for this statement on the context's connection, enlisted in its current transaction (the store's or the
    /// host's) and with its command timeout. Every parameter is given by name.
    /// </summary>
    public DbCommand CreateCommand(IRelationalConnection connection, params ReadOnlySpan<(string Name, object? Value)> values)
    {
        if (values.Length != _parameters.Count)
        {
            throw new InvalidOperationException($"The statement takes {_parameters.Count} parameters; {values.Length} were given.");
        }

        var command = connection.DbConnection.CreateCommand();
        command.CommandText = Sql;
        command.Transaction = connection.CurrentTransaction?.GetDbTransaction();
        if (connection.CommandTimeout is { } timeout)
        {
            command.CommandTimeout = timeout;
        }

        foreach (var (name, value) in values)
        {
            var (parameterName, mapping) = _parameters[name];
            command.Parameters.Add(mapping.CreateParameter(command, parameterName, value, nullable: value is null));
        }

        return command;
    }
}
