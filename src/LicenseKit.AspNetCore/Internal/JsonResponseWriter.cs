using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace LicenseKit.Internal;

/// <summary>Serializes into a buffer writer with one <see cref="Utf8JsonWriter"/> per thread instead of one per response.</summary>
internal static class JsonResponseWriter
{
    /// <summary>What <c>TypedResults.Json</c> answers with.</summary>
    public const string ContentType = "application/json; charset=utf-8";

    // A writer is reset onto the response's buffer for each answer and then onto this one, so it keeps no response alive.
    private static readonly ArrayBufferWriter<byte> Detached = new(1);

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    [ThreadStatic]
    private static JsonSerializerOptions? t_writerSource;

    public static void Write<T>(IBufferWriter<byte> output, T value, JsonTypeInfo<T> typeInfo)
    {
        // The writer options the serializer itself derives from the serializer options (indentation, encoder, depth); a
        // writer made for other options is replaced.
        if (t_writer is null || !ReferenceEquals(t_writerSource, typeInfo.Options))
        {
            t_writer = new Utf8JsonWriter(Detached, WriterOptions(typeInfo.Options));
            t_writerSource = typeInfo.Options;
        }

        var writer = t_writer;
        writer.Reset(output);
        try
        {
            JsonSerializer.Serialize(writer, value, typeInfo);
            writer.Flush();
        }
        finally
        {
            writer.Reset(Detached);
        }
    }

    private static JsonWriterOptions WriterOptions(JsonSerializerOptions options) => new()
    {
        Encoder = options.Encoder,
        Indented = options.WriteIndented,
        IndentCharacter = options.IndentCharacter,
        IndentSize = options.IndentSize,
        NewLine = options.NewLine,
        MaxDepth = options.MaxDepth,
        SkipValidation = true,
    };
}
