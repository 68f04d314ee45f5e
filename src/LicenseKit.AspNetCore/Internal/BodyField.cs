using System.Text;
using System.Text.Json;

namespace LicenseKit.Internal;

/// <summary>
/// One field of a request body: its wire name, its kind (how it is read and described), whether the document marks it
/// required, and where its value goes. The name is written here only: the reader, its error's <c>field</c> and the
/// OpenAPI schema all take it from this.
/// </summary>
/// <typeparam name="TBody">The body type the field fills.</typeparam>
internal sealed class BodyField<TBody>(string name, LicenseFieldKind kind, bool required, BodyField<TBody>.ReadInto read)
{
    /// <summary>Reads the property (recording why it is bad in the reader) and stores its value in the body.</summary>
    public delegate void ReadInto(FieldReader reader, JsonProperty property, TBody body);

    public string Name { get; } = name;

    /// <summary>The name as UTF-8, which a document's property is matched against without decoding it.</summary>
    public byte[] Utf8Name { get; } = Encoding.UTF8.GetBytes(name);

    public LicenseFieldKind Kind { get; } = kind;

    /// <summary>Whether a request must carry the field; the core reports it missing, the document marks it required.</summary>
    public bool Required { get; } = required;

    public void Read(FieldReader reader, JsonProperty property, TBody body) => read(reader, property, body);
}
