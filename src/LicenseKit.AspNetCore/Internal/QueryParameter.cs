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
}
