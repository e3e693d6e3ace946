namespace OrdinanceRules.Cli.SampleFiles;

/// <summary>
/// The JSON Schemas of schemas/ (the file formats and the JSON outputs), embedded in the tool so that an installed
/// <c>ordinance init</c> can write them into a new city's folder for the editor.
/// </summary>
internal static class BundledSchemas
{
    /// <summary>The text of one schema, by its name: <c>ordinance</c> for <c>schemas/ordinance.schema.json</c>.</summary>
    public static string Read(string name)
    {
        using var stream = typeof(BundledSchemas).Assembly.GetManifestResourceStream($"schemas/{name}.schema.json")
            ?? throw new InvalidOperationException($"The tool was built without schemas/{name}.schema.json.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
