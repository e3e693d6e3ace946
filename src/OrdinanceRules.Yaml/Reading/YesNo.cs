namespace OrdinanceRules.Yaml.Reading;

/// <summary>Reads a key whose value is a plain <c>yes</c> or <c>no</c>; a quoted one is told to drop its quotes.</summary>
internal static class YesNo
{
    /// <summary>The value, or null when it is not a plain yes or no (reported).</summary>
    public static bool? Read(MappingReader r, string key, YamlNode? node)
    {
        var scalar = r.Scalar(key, node);
        if (scalar is null)
        {
            return null;
        }

        if (scalar.IsPlain && scalar.Value is "yes" or "no")
        {
            return scalar.Value == "yes";
        }

        var hint = !scalar.IsPlain && scalar.Value is "yes" or "no"
            ? $"; \"{scalar.Value}\" in quotes is text: drop the quotes"
            : Suggestions.DidYouMean(scalar.Value, ["yes", "no"]);
        r.Report(YamlDiagnosticCodes.InvalidValue, $"'{key}' in {r.Context} must be yes or no, not '{scalar.Value}'{hint}", scalar.Location);
        return null;
    }
}
