using Microsoft.AspNetCore.Http;

namespace LicenseKit.Internal;

/// <summary>
/// One query parameter: its name (written here only: the reader, its error's <c>field</c> and the OpenAPI parameter take
/// it from this), its kind and allowed values for the document, and how its text fills the query.
/// </summary>
/// <typeparam name="TQuery">The query type the parameter fills.</typeparam>
internal sealed class QueryParameter<TQuery>(string name, LicenseFieldKind kind, QueryParameter<TQuery>.ReadInto read, params string[] allowedValues)
{
    /// <summary>Reads the text (recording why it is bad in the reader) and stores its value in the query.</summary>
    public delegate void ReadInto(FieldReader reader, string name, string text, TQuery query);

    public string Name { get; } = name;

    public LicenseFieldKind Kind { get; } = kind;

    /// <summary>The only spellings accepted, when the parameter is an enumeration; empty otherwise.</summary>
    public IReadOnlyList<string> AllowedValues { get; } = allowedValues;

    public void Read(FieldReader reader, string text, TQuery query) => read(reader, Name, text, query);

    /// <summary>
    /// Reads every parameter of <paramref name="parameters"/> from <paramref name="values"/> into
    /// <paramref name="query"/>; a name not among them is refused, so a misspelt filter never silently matches everything.
    /// </summary>
    public static IReadOnlyList<LicenseError>? ReadAll(IReadOnlyList<QueryParameter<TQuery>> parameters, IQueryCollection values, LicenseErrorDescriber describe, TQuery query)
    {
        var fields = new FieldReader(describe);
        foreach (var name in values.Keys)
        {
            if (!parameters.Any(p => p.Name.Equals(name, StringComparison.Ordinal)))
            {
                fields.Unknown(name);
            }
        }

        foreach (var parameter in parameters)
        {
            if (fields.Single(values[parameter.Name], parameter.Name, parameter.Name) is { } text)
            {
                parameter.Read(fields, text, query);
            }
        }

        return fields.Errors;
    }
}
