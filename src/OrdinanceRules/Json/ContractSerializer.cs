using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace OrdinanceRules.Json;

/// <summary>
/// Writes and reads the documents of one source-generated context under the contract's conventions: indented, and with
/// '§' and apostrophes left readable (the documents go to files and terminals, not into HTML). <see cref="OrdinanceJson"/>
/// and the analysis's documents each hold one. Thread-safe.
/// </summary>
internal sealed class ContractSerializer
{
    private readonly JsonSerializerContext _context;
    private readonly string _otherDocuments;

    /// <param name="context">Makes the context from the options it is to use: <c>o =&gt; new OrdinanceJsonContext(o)</c>.</param>
    /// <param name="generated">The options the context was generated with (its <c>Default.Options</c>).</param>
    /// <param name="otherDocuments">What the message of a type the context does not know says, such as where to write it instead.</param>
    public ContractSerializer(Func<JsonSerializerOptions, JsonSerializerContext> context, JsonSerializerOptions generated, string otherDocuments)
    {
        _context = context(new JsonSerializerOptions(generated) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        _otherDocuments = otherDocuments;
    }

    /// <summary>The document as indented JSON, with no final newline.</summary>
    public string Write<T>(T document)
        where T : class, IContractDocument
    {
        ArgumentNullException.ThrowIfNull(document);
        return JsonSerializer.Serialize(document, Info<T>());
    }

    /// <summary>The document the JSON text holds.</summary>
    /// <exception cref="JsonException">The text is not a document of that type.</exception>
    public T Read<T>(string json)
        where T : class, IContractDocument
    {
        ArgumentNullException.ThrowIfNull(json);
        return JsonSerializer.Deserialize(json, Info<T>()) ?? throw new JsonException($"The JSON text is null, not a {typeof(T).Name}.");
    }

    private JsonTypeInfo<T> Info<T>() =>
        _context.GetTypeInfo(typeof(T)) as JsonTypeInfo<T>
        ?? throw new ArgumentException($"{typeof(T).Name} is not a document of this part of the JSON contract: {_otherDocuments}.", nameof(T));
}
