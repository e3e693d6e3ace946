using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using OrdinanceRules.Facts;

namespace OrdinanceRules.Evaluation;

/// <summary>
/// The SHA-256 digests that decision records carry: of source texts (an ordinance's content hash) and of a scenario's
/// facts in a canonical text (the input digest), each written <c>sha256:</c> and 64 lower-case hex digits.
/// docs/json.md describes both texts, so that an auditor can recompute them.
/// </summary>
internal static class Digests
{
    /// <summary>The prefix of every digest.</summary>
    public const string Prefix = "sha256:";

    /// <summary>The digest of one text's UTF-8 bytes: for a file read without a byte-order mark, its bytes' SHA-256.</summary>
    public static string Of(string text) => Prefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>The digest of several lines: each followed by <c>\n</c>.</summary>
    public static string Of(IEnumerable<string> lines) => Of(string.Concat(lines.Select(l => l + "\n")));

    /// <summary>
    /// The digest of a scenario's facts: the canonical text (<see cref="CanonicalText"/>) hashed. Names, descriptions,
    /// the as-of instant and the order of facts and fields do not enter it; every stated value does.
    /// </summary>
    public static string Of(Scenario scenario) => Of(CanonicalText(scenario));

    /// <summary>
    /// The canonical text of a scenario's facts: for each fact, ordered by type then id (ordinal), a line
    /// <c>fact TYPE ID</c>, then a line <c>  FIELD=VALUE</c> for each stated field in the vocabulary's order; then a line
    /// <c>unknown-facts TYPE</c> for each type of which further facts may exist, in ordinal order. Values are written
    /// <c>unknown</c>, <c>yes</c>/<c>no</c>, a number with no trailing zeros, an instant in UTC
    /// (<c>2021-07-15T17:00:00Z</c>), a duration as <c>d.hh:mm:ss</c>, text and enumeration values as JSON strings, a set
    /// as its sorted JSON strings in brackets separated by commas, a reference as <c>@</c> and the fact's id.
    /// </summary>
    public static IEnumerable<string> CanonicalText(Scenario scenario)
    {
        foreach (var fact in scenario.Facts.OrderBy(f => f.Type.Name, StringComparer.Ordinal).ThenBy(f => f.Id, StringComparer.Ordinal))
        {
            yield return $"fact {fact.Type.Name} {fact.Id}";
            for (var i = 0; i < fact.Type.Fields.Length; i++)
            {
                if (fact.RawAt(i) is { } raw)
                {
                    yield return $"  {fact.Type.Fields[i].Name}={Value(raw)}";
                }
            }
        }

        foreach (var type in scenario.UnknownTypes.Order(StringComparer.Ordinal))
        {
            yield return $"unknown-facts {type}";
        }
    }

    private static string Value(object raw) => raw switch
    {
        UnknownMarker => "unknown",
        NoneMarker => "none",
        bool b => b ? "yes" : "no",
        decimal d => (d / 1.0000000000000000000000000000m).ToString(CultureInfo.InvariantCulture),
        DateTimeOffset instant => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture),
        TimeSpan span => span.ToString("c", CultureInfo.InvariantCulture),
        string text => Quoted(text),
        ImmutableArray<string> set => $"[{string.Join(',', set.Order(StringComparer.Ordinal).Select(Quoted))}]",
        ImmutableArray<Fact> references => $"[{string.Join(',', references.Select(r => "@" + r.Id).Order(StringComparer.Ordinal))}]",
        Fact reference => "@" + reference.Id,
        _ => throw new InvalidOperationException($"A fact holds a value of an unexpected kind: {raw.GetType().Name}."),
    };

    private static string Quoted(string text) => $"\"{JsonEncodedText.Encode(text, JavaScriptEncoder.UnsafeRelaxedJsonEscaping)}\"";
}
