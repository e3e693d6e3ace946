using System.Collections.Immutable;
using OrdinanceRules.Diagnostics;
using OrdinanceRules.Model;
using OrdinanceRules.Yaml.Reading;

namespace OrdinanceRules.Yaml.Mapping;

/// <summary>The ordinance's defined terms and its shared exception sets.</summary>
internal sealed partial class OrdinanceReader
{
    internal static readonly string[] DefinitionKeys = ["name", "params", "section", "title", "text", "means"];
    internal static readonly string[] ExceptionSetKeys = ["name", "reads", "exceptions"];
    internal static readonly string[] ExceptionUseKeys = ["use"];

    private readonly Dictionary<string, (ImmutableArray<Binding> Reads, ImmutableArray<ProvisionException> Exceptions)> _exceptionSets = new(StringComparer.Ordinal);

    /// <summary><c>definitions:</c>, a list of <c>{ name, params: { variable: type, ... }, section, title, text, means }</c>.</summary>
    private ImmutableArray<Definition> ReadDefinitions(MappingReader root)
    {
        var builder = ImmutableArray.CreateBuilder<Definition>();
        var sequence = root.Sequence("definitions", root.Optional("definitions"));
        for (var i = 0; i < (sequence?.Items.Count ?? 0); i++)
        {
            var item = sequence!.Items[i];
            var mapping = root.Mapping("definitions", item, $"each definition must be a mapping with name, params, section and means, not {item.Shape}");
            if (mapping is null)
            {
                continue;
            }

            var peeked = MappingReader.Peek(mapping, "name");
            var r = new MappingReader(mapping, peeked is null ? $"definition {i + 1}" : $"definition '{peeked}'", DefinitionKeys, _diagnostics);
            var name = r.RequiredText("name");
            var parameters = r.Optional("params") is { } p ? ReadBindings(r, "params", p, requireOne: false) : [];
            var section = r.RequiredText("section");
            var title = r.OptionalText("title");
            var text = r.OptionalText("text");
            var means = r.RequiredCondition("means");
            if (name is not null && parameters is not null && section is not null && means is not null)
            {
                builder.Add(new Definition
                {
                    Name = name,
                    Parameters = [.. parameters.Value.Select(b => new DefinitionParameter(b.Variable, b.FactType, b.Location))],
                    Section = section,
                    Title = title,
                    Text = text,
                    Means = means,
                    Location = mapping.Location,
                });
            }
        }

        return builder.ToImmutable();
    }

    /// <summary>
    /// <c>exception-sets:</c>, a list of <c>{ name, reads: { variable: type, ... }, exceptions: [...] }</c>: exceptions written
    /// once that several provisions take in with <c>- use: name</c> under their <c>exceptions:</c>.
    /// </summary>
    private void ReadExceptionSets(MappingReader root)
    {
        var sequence = root.Sequence("exception-sets", root.Optional("exception-sets"));
        for (var i = 0; i < (sequence?.Items.Count ?? 0); i++)
        {
            var item = sequence!.Items[i];
            var mapping = root.Mapping("exception-sets", item, $"each exception set must be a mapping with name, reads and exceptions, not {item.Shape}");
            if (mapping is null)
            {
                continue;
            }

            var peeked = MappingReader.Peek(mapping, "name");
            var r = new MappingReader(mapping, peeked is null ? $"exception set {i + 1}" : $"exception set '{peeked}'", ExceptionSetKeys, _diagnostics);
            var name = r.Scalar("name", r.Required("name"));
            var reads = r.Optional("reads") is { } v ? ReadBindings(r, "reads", v, requireOne: false) : [];
            var exceptionsNode = r.Required("exceptions");
            var exceptions = ReadExceptions(r, exceptionsNode, provisionVariables: null);
            if (exceptionsNode is YamlSequence { Items.Count: 0 })
            {
                r.Report(YamlDiagnosticCodes.WrongShape, $"{r.Context} lists no exceptions", exceptionsNode.Location);
            }

            if (name is null || reads is null)
            {
                continue;
            }

            if (_exceptionSets.ContainsKey(name.Value))
            {
                r.Report(DiagnosticCodes.InvalidOrdinance, $"exception set '{name.Value}' is declared twice; give each a name of its own", name.Location);
                continue;
            }

            _exceptionSets[name.Value] = (reads.Value, [.. exceptions.Select(e => e with { SharedFrom = name.Value })]);
        }
    }

    /// <summary>
    /// <c>- use: name</c> in a provision's exceptions: the shared set's exceptions, the very same ones under every provision
    /// that uses it. The provision must bind each variable the set reads, with the same type.
    /// </summary>
    private ImmutableArray<ProvisionException> ReadExceptionUse(MappingReader parent, YamlMapping mapping, IReadOnlyList<Binding>? provisionVariables)
    {
        var r = new MappingReader(mapping, $"'use' in {parent.Context}", ExceptionUseKeys, _diagnostics);
        var name = r.Scalar("use", r.Required("use"));
        if (name is null)
        {
            return [];
        }

        if (provisionVariables is null)
        {
            r.Report(YamlDiagnosticCodes.WrongShape, $"'use' may stand only in a provision's own exceptions, not in {parent.Context}", name.Location);
            return [];
        }

        if (!_exceptionSets.TryGetValue(name.Value, out var set))
        {
            var declared = _exceptionSets.Count == 0 ? "the ordinance declares none under 'exception-sets'" : $"the sets are {string.Join(", ", _exceptionSets.Keys.Order(StringComparer.Ordinal))}";
            r.Report(DiagnosticCodes.ConditionUnknownName, $"'{Echo.Value(name.Value)}' is not an exception set: {declared}{Suggestions.DidYouMean(name.Value, _exceptionSets.Keys)}", name.Location);
            return [];
        }

        var ok = true;
        foreach (var read in set.Reads)
        {
            var bound = provisionVariables.FirstOrDefault(b => b.Variable == read.Variable);
            if (bound is null || bound.FactType != read.FactType)
            {
                var how = bound is null ? "does not bind it" : $"binds it to {bound.FactType}";
                r.Report(DiagnosticCodes.ConditionType, $"exception set '{name.Value}' reads {read.Variable}: {read.FactType}, but {parent.Context} {how}; bind {read.Variable}: {read.FactType} in its 'for'", name.Location);
                ok = false;
            }
        }

        return ok ? set.Exceptions : [];
    }
}
