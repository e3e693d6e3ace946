using OrdinanceRules.Facts;

namespace OrdinanceRules.Yaml.Reading;

/// <summary>"Did you mean" hints, shared with the core so that both word them alike.</summary>
internal static class Suggestions
{
    /// <summary>"; did you mean 'x'?" for the closest candidate, or an empty string when none is close.</summary>
    public static string DidYouMean(string given, IEnumerable<string> candidates) => ScenarioBuilder.Suggest(given, candidates);
}
