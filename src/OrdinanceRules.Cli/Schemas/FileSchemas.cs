using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using OrdinanceRules.Vocabulary;
using OrdinanceRules.Yaml.Mapping;

namespace OrdinanceRules.Cli.Schemas;

/// <summary>
/// The JSON Schemas of the YAML files (schemas/), built from the readers' own key tables: every mapping with a key
/// table is a <c>$defs</c> entry whose properties are exactly the table's keys, and building fails when a key has no
/// description of its value here, or a description names a key the reader does not accept. A scenario's schema may
/// also be made for one vocabulary (<see cref="Scenario(FactVocabulary?)"/>): then each fact's type and fields are
/// listed, so an editor completes and checks them; <c>ordinance vocabulary --format json-schema</c> writes it and
/// <c>ordinance init</c> writes it for the new city.
/// </summary>
internal static class FileSchemas
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly string[] Statuses = ["violated", "complied", "exception-applies", "not-applicable", "pending", "undetermined"];

    /// <summary>The schema of each kind of file, by the name of its file under schemas/ (<c>NAME.schema.json</c>).</summary>
    public static IReadOnlyDictionary<string, JsonObject> All() => new Dictionary<string, JsonObject>(StringComparer.Ordinal)
    {
        ["ordinance"] = Ordinance(),
        ["vocabulary"] = Vocabulary(),
        ["scenario"] = Scenario(),
        ["suite"] = Suite(),
    };

    private static JsonObject Ordinance() => Root("ordinance", "An OrdinanceRules ordinance file (docs/yaml-reference.md).", new()
    {
        ["ordinance"] = WholeOrExtending(Object(OrdinanceReader.RootKeys, [], new()
        {
            ["extends"] = Scalar("The path of the ordinance this one extends (a model), relative to this file; then only what changes is written here."),
            ["parameters"] = Map(new JsonObject { ["anyOf"] = new JsonArray(Ref("parameter"), Scalar("A value for a parameter the base declares."), Array(Scalar("One value."), "A list value for a parameter the base declares.")) }, "Parameters by name: a declaration (type, default, description) or, in an extending file, a value for one of the base's."),
            ["overrides"] = Map(Ref("override"), "What changes in the base's provisions, by provision id."),
            ["ordinance"] = Scalar("The ordinance's number, such as 1005."),
            ["citation"] = Scalar("How the law is cited when not '{jurisdiction} Ordinance {number}', such as K.S.A. 12-16,140."),
            ["title"] = Scalar("The ordinance's title."),
            ["jurisdiction"] = Ref("jurisdiction"),
            ["adopted"] = Scalar("The day it was adopted (YYYY-MM-DD), or unknown."),
            ["effective"] = Scalar("The day it took effect (YYYY-MM-DD), or unknown."),
            ["assume-in-force"] = Scalar("When 'effective' is unknown: a yes/no condition saying whether to treat the ordinance as in force from adoption."),
            ["amendments"] = Array(Ref("amendment"), "Later changes, each with its dates and the provisions it affects."),
            ["notes"] = Scalar("What is known of the text's source and reliability."),
            ["readings"] = Array(Ref("reading"), "The interpretive questions the ordinance leaves open."),
            ["calendars"] = Map(Array(Scalar("A holiday (YYYY-MM-DD)."), "The holidays."), "Holiday calendars by name, each a list of days."),
            ["vocabulary"] = Ref("vocabulary"),
            ["definitions"] = Array(Ref("definition"), "Defined terms: named conditions with parameters that every condition may call."),
            ["exception-sets"] = Array(Ref("exceptionSet"), "Exceptions written once that several provisions take in with { use: name }."),
            ["sections"] = Array(Ref("section"), "The sections, in order."),
            ["provisions"] = Array(Ref("provision"), "The provisions, in order."),
        })),
        ["parameter"] = Object(OrdinanceReader.ParameterKeys, ["type"], new()
        {
            ["type"] = Enum(OrdinanceReader.ParameterKindWords, "The kind of value the parameter takes."),
            ["description"] = Scalar("What the parameter decides, for the city that sets it."),
            ["default"] = new JsonObject { ["description"] = "The value used when an extending ordinance does not set it." },
            ["choices"] = Array(Scalar("A choice."), "For choice and choice-set parameters: the values allowed."),
        }),
        ["override"] = Object(OrdinanceReader.OverrideKeys, [], new()
        {
            ["remove"] = Scalar("yes, or the reason, to remove the base's provision."),
            ["replace"] = Ref("provision"),
            ["section"] = Scalar("The city's own section for the kept provision."),
            ["title"] = Scalar("The city's own title for it."),
            ["text"] = Scalar("The city's own text for it."),
            ["binds"] = Scalar("Whom it binds in the city."),
            ["source"] = Scalar("Where the city's wording comes from."),
        }),
        ["jurisdiction"] = Object(OrdinanceReader.JurisdictionKeys, ["name", "state", "time-zone"], new()
        {
            ["name"] = Scalar("The jurisdiction's name, such as Roeland Park."),
            ["state"] = Scalar("Its state."),
            ["time-zone"] = Scalar("Its IANA time zone, such as America/Chicago."),
            ["level"] = Enum([.. OrdinanceReader.Levels.Select(l => l.Word)], "Its level of government: city (the default), county, state or federal."),
        }),
        ["vocabulary"] = Object(OrdinanceReader.VocabularyKeys, [], new()
        {
            ["uses"] = Scalar("A bundled vocabulary's name (immigration-cooperation) or a .yaml file's path relative to the ordinance."),
            ["types"] = Map(Ref("type"), "Fact types declared by the ordinance itself, by name."),
        }),
        ["section"] = Object(OrdinanceReader.SectionKeys, ["number"], new()
        {
            ["number"] = Scalar("The section's number, such as § 3."),
            ["heading"] = Scalar("Its heading."),
            ["text"] = Scalar("Its text."),
        }),
        ["provision"] = Object(OrdinanceReader.ProvisionKeys, ["id", "section", "title", "text", "modality", "binds"], new()
        {
            ["id"] = Scalar("The provision's id, such as P2."),
            ["section"] = Scalar("Its section, such as § 3."),
            ["title"] = Scalar("Its title."),
            ["text"] = Scalar("Its wording."),
            ["modality"] = Enum(OrdinanceReader.ModalityWords, "What it does: prohibition, obligation, permission or non-obligation."),
            ["binds"] = Scalar("Whom it binds."),
            ["source"] = Scalar("Where its text comes from."),
            ["recurs"] = Ref("recurs"),
            ["for"] = TypedBindings("The variables it is evaluated for, each a fact type: { a: action }."),
            ["match"] = Scalar("A condition the combination of its variables must meet."),
            ["applies-when"] = Ref("condition"),
            ["violated-when"] = Ref("condition"),
            ["duty"] = Ref("duty"),
            ["event-time"] = Scalar("The instant that dates the conduct, for the law in force at its time, such as a.start."),
            ["in-force"] = Ref("inForce"),
            ["versions"] = Array(Ref("version"), "Its wordings over time, each with its period: an event is judged by the one in force at its event time."),
            ["prevails-over"] = Array(Scalar("A provision's id."), "The provisions of equal rank this one prevails over."),
            ["narrows"] = Array(Scalar("A provision's id."), "For a permission: the provisions it narrows (what it permits is outside them)."),
            ["carve-out"] = Enum(OrdinanceReader.CarveOutWords, "For a permission with narrows: what the conduct it permits is under them, not-applicable (the default) or complied."),
            ["exceptions"] = Array(new JsonObject { ["anyOf"] = new JsonArray(Ref("exception"), Ref("exceptionUse")) }, "Its exceptions, and the shared exception sets it uses."),
        }),
        ["condition"] = new JsonObject
        {
            ["description"] = "A condition (docs/conditions.md), or a mapping with further facts (for) and the condition (when).",
            ["anyOf"] = new JsonArray(Scalar("A condition."), Ref("test")),
        },
        ["test"] = Object(OrdinanceReader.TestKeys, ["when"], new()
        {
            ["for"] = TypedBindings("Further facts the condition joins, each a fact type."),
            ["when"] = Scalar("The condition."),
        }),
        ["duty"] = Object(OrdinanceReader.DutyKeys, ["met-by"], new()
        {
            ["met-by"] = Ref("condition"),
            ["at"] = Scalar("The instant the duty was discharged, such as n.postedAt."),
            ["deadline"] = Ref("deadline"),
        }),
        ["deadline"] = Object(OrdinanceReader.DeadlineKeys, [], new()
        {
            ["within"] = Scalar("How long, such as 48h or 2d."),
            ["from"] = Scalar("The instant the time runs from."),
            ["due"] = Scalar("The instant it falls due, when not 'within' of 'from'."),
            ["inclusive"] = Scalar("Whether the last instant still counts (yes or no), or a condition on a reading."),
            ["counting"] = Enum(OrdinanceReader.CountingWords, "How time is counted: elapsed (the default), business-hours or business-days."),
            ["calendar"] = Scalar("The holiday calendar business time skips."),
            ["anchor"] = Scalar("A condition choosing among instants to run from."),
        }),
        ["reading"] = Object(OrdinanceReader.ReadingKeys, ["name", "question", "alternatives", "default"], new()
        {
            ["name"] = Scalar("The reading's name, such as p3-anchor."),
            ["question"] = Scalar("The question the text leaves open."),
            ["alternatives"] = Map(Scalar("What the alternative means."), "The alternatives, by name."),
            ["default"] = Scalar("The alternative taken unless another is chosen."),
        }),
        ["exception"] = Object(OrdinanceReader.ExceptionKeys, ["id", "section", "title", "when"], new()
        {
            ["id"] = Scalar("The exception's id, such as E2a."),
            ["section"] = Scalar("Its section."),
            ["title"] = Scalar("Its title."),
            ["text"] = Scalar("Its wording."),
            ["for"] = TypedBindings("Further facts it joins, each a fact type."),
            ["when"] = Scalar("The condition under which it holds."),
            ["carve-out"] = Enum(OrdinanceReader.CarveOutWords, "Makes it a carve-out: what it covers is outside the provision, not-applicable or complied, instead of an exception that defeats a breach."),
            ["lapses"] = Ref("lapse"),
            ["exceptions"] = Array(Ref("exception"), "Exceptions to this exception."),
        }),
        ["definition"] = Object(OrdinanceReader.DefinitionKeys, ["name", "section", "means"], new()
        {
            ["name"] = Scalar("The name conditions call it by, such as immigration-agency."),
            ["params"] = Bindings("Its parameters in call order, each a fact type or instant, duration, number, text or yes-no: { g: agency }."),
            ["section"] = Scalar("Its citation, such as § 2-173-020."),
            ["title"] = Scalar("Its title."),
            ["text"] = Scalar("Its wording."),
            ["means"] = Scalar("The condition over its parameters that it stands for."),
        }),
        ["exceptionSet"] = Object(OrdinanceReader.ExceptionSetKeys, ["name", "exceptions"], new()
        {
            ["name"] = Scalar("The set's name, which provisions use."),
            ["reads"] = Bindings("The provision's variables its exceptions read, each a fact type; a provision that uses the set binds them."),
            ["exceptions"] = Array(Ref("exception"), "The exceptions."),
        }),
        ["exceptionUse"] = Object(OrdinanceReader.ExceptionUseKeys, ["use"], new()
        {
            ["use"] = Scalar("The name of a shared exception set whose exceptions stand here."),
        }),
        ["amendment"] = Object(OrdinanceReader.AmendmentKeys, ["id"], new()
        {
            ["id"] = Scalar("The amendment's id."),
            ["title"] = Scalar("Its title."),
            ["adopted"] = Scalar("The day it was adopted (YYYY-MM-DD), or unknown."),
            ["effective"] = Scalar("The day it took effect (YYYY-MM-DD), or unknown."),
            ["affects"] = Array(Scalar("A provision's id."), "The provisions it changes."),
            ["text-known"] = Scalar("Whether its text is known (yes or no)."),
            ["notes"] = Scalar("What is known of it."),
        }),
        ["inForce"] = Object(OrdinanceReader.InForceKeys, [], new()
        {
            ["from"] = Scalar("The first day the provision is in force (YYYY-MM-DD)."),
            ["until"] = Scalar("The last day, or the day it ends."),
        }),
        ["recurs"] = Object(OrdinanceReader.RecursKeys, ["every", "as"], new()
        {
            ["every"] = Enum(OrdinanceReader.RecurrenceWords, "The period the duty recurs in: month, quarter or year."),
            ["as"] = Scalar("The variable that names the period, such as q (fields start, end and label)."),
            ["from"] = Scalar("The day it starts recurring (YYYY-MM-DD); left out, the provision's or the ordinance's effective date."),
        }),
        ["version"] = Object(OrdinanceReader.VersionKeys, [], new()
        {
            ["from"] = Scalar("The first day this wording is in force (YYYY-MM-DD); left out on the first version, the ordinance's effective date."),
            ["until"] = Scalar("The first day it is no longer in force; left out, the next version's first day."),
            ["text"] = Scalar("Its wording."),
            ["text-known"] = Scalar("no when the wording of this period is not known (its events are Undetermined)."),
            ["applies-when"] = Scalar("A condition replacing the provision's applies-when in this period."),
            ["violated-when"] = Scalar("A condition replacing the provision's violated-when (over the same facts) in this period."),
            ["source"] = Scalar("Where this wording comes from."),
        }),
        ["lapse"] = Object(OrdinanceReader.LapseKeys, ["at"], new()
        {
            ["at"] = Scalar("The instant the exception lapses."),
            ["if"] = Scalar("A condition under which it lapses."),
            ["restart-within"] = Scalar("How long the restarted duty runs from the lapse, such as 48h."),
        }),
        ["type"] = TypeDef(),
        ["field"] = FieldDef(),
    });

    private static JsonObject Vocabulary() => Root("vocabulary", "An OrdinanceRules fact vocabulary file (docs/yaml-reference.md).", new()
    {
        ["vocabulary"] = Object(VocabularyReader.FileKeys, ["vocabulary", "types"], new()
        {
            ["vocabulary"] = Scalar("The vocabulary's name."),
            ["extends"] = Scalar("The vocabulary this one extends: a bundled name, or a .yaml path relative to this file."),
            ["description"] = Scalar("What it describes."),
            ["types"] = Map(Ref("type"), "The fact types, by name."),
        }),
        ["type"] = TypeDef(),
        ["field"] = FieldDef(),
    });

    /// <summary>
    /// The schema of a scenario file: with no vocabulary, any fact (schemas/scenario.schema.json); with one, each fact
    /// one of its types, with exactly that type's fields and each field's values, so an editor completes them.
    /// </summary>
    public static JsonObject Scenario(FactVocabulary? vocabulary = null)
    {
        var title = vocabulary is null
            ? "An OrdinanceRules scenario file (docs/yaml-reference.md)."
            : $"An OrdinanceRules scenario file in the vocabulary '{vocabulary.Name}' (docs/yaml-reference.md); written by `ordinance vocabulary --format json-schema`.";
        var defs = new Dictionary<string, JsonNode>
        {
            ["scenario"] = Object(ScenarioReader.RootKeys, ["scenario"], new()
            {
                ["scenario"] = Scalar("The scenario's name."),
                ["description"] = Scalar("What it is about."),
                ["as-of"] = Scalar("The instant to judge at, ISO 8601; a local time is read in the ordinance's zone."),
                ["facts"] = Array(Fact(vocabulary), "The facts, each a mapping whose first key is its type and whose value is its id."),
                ["unknown"] = Array(vocabulary is null ? Scalar("A fact type.") : Enum([.. vocabulary.Types.Select(t => t.Name)], "A fact type."), "Fact types of which further, unlisted facts may exist."),
            }),
        };
        foreach (var type in vocabulary?.Types ?? [])
        {
            defs[FactDef(type)] = FactOf(type);
        }

        return Root("scenario", title, defs);
    }

    private static JsonObject Suite() => Root("suite", "An OrdinanceRules test suite file (docs/yaml-reference.md, \"Test suite files\").", new()
    {
        ["suite"] = Object(SuiteReader.RootKeys, ["suite", "ordinance", "cases"], new()
        {
            ["suite"] = Scalar("The suite's name."),
            ["description"] = Scalar("What it tests."),
            ["ordinance"] = Scalar("The ordinance file, relative to the suite."),
            ["cases"] = Array(Ref("case"), "The cases."),
        }),
        ["case"] = Object(SuiteReader.CaseKeys, ["expect"], new()
        {
            ["name"] = Scalar("The case's name; the scenario's when left out."),
            ["description"] = Scalar("What it checks."),
            ["scenario"] = Scalar("A scenario file, relative to the suite; or write facts inline."),
            ["facts"] = Array(Fact(), "Inline facts, as in a scenario file."),
            ["unknown"] = Array(Scalar("A fact type."), "Fact types of which further facts may exist."),
            ["as-of"] = Scalar("The instant to judge at."),
            ["readings"] = Map(Scalar("The alternative."), "Readings to take, name to alternative."),
            ["expect"] = Map(Expected(), "What each provision's findings must be, by provision id."),
        }),
        ["expectation"] = Object(SuiteReader.ExpectationKeys, ["status"], new()
        {
            ["status"] = Enum(Statuses, "The status the finding must have."),
            ["exception"] = new JsonObject
            {
                ["description"] = "The exception that must apply, or a list of them.",
                ["anyOf"] = new JsonArray(Scalar("An exception's id."), Array(Scalar("An exception's id."), "Exceptions that must all apply.")),
            },
            ["unknowns"] = Array(Scalar("An unknown, such as threat t-1: specificity."), "The unknowns it must name."),
            ["due"] = Scalar("The instant it must fall due."),
            ["facts"] = Map(Scalar("A fact id."), "Which finding: the provision's variables and the fact each binds."),
        }),
    });

    private static JsonObject Expected()
    {
        JsonNode One() => new JsonObject { ["anyOf"] = new JsonArray(Enum(Statuses, "A status."), Ref("expectation")) };
        return new JsonObject
        {
            ["description"] = "A status, a mapping with the status and more, or a list of them (one per finding).",
            ["anyOf"] = new JsonArray(One(), new JsonObject { ["type"] = "array", ["items"] = One() }),
        };
    }

    private static JsonObject TypeDef() => Object(VocabularyReader.TypeKeys, [], new()
    {
        ["description"] = Scalar("What a fact of this type is."),
        ["fields"] = Map(Ref("field"), "The type's fields, by name."),
        ["add-fields"] = Map(Ref("field"), "For a type of the extended vocabulary: the fields it gains, by name."),
        ["add-values"] = Map(Values("The values it gains."), "For a type of the extended vocabulary: the values each enumeration or set field gains, by field name."),
    });

    private static JsonObject Values(string description) => new()
    {
        ["description"] = description,
        ["anyOf"] = new JsonArray(Array(Scalar("A value."), "The values."), Map(Scalar("What the value means."), "Each value and its meaning.")),
    };

    private static JsonObject FieldDef() => Object(VocabularyReader.FieldKeys, ["type"], new()
    {
        ["type"] = Enum(VocabularyReader.Kinds, "The field's kind."),
        ["values"] = Values("For enumeration and set: the allowed values, as a list or as a mapping of each value to its meaning."),
        ["to"] = Scalar("For reference: the fact type referred to."),
        ["description"] = Scalar("What the field means."),
        ["sensitive"] = new JsonObject
        {
            ["description"] = "yes when the field's values are hidden in every output unless the reader asks for them.",
            ["anyOf"] = new JsonArray(new JsonObject { ["type"] = "boolean" }, Enum(["yes", "no"], "yes or no.")),
        },
        ["default"] = new JsonObject
        {
            ["description"] = "The value an omitted field takes, where the law or the closed world supplies one: yes or no for a yes-no field, none or one of its values for an enumeration, none for any other kind (for a set, the empty set, also []); without it, an omitted field a condition reads is unknown.",
            ["anyOf"] = new JsonArray(new JsonObject { ["type"] = "boolean" }, Scalar("yes, no, none or an enumeration's value."), new JsonObject { ["type"] = "array", ["maxItems"] = 0 }),
        },
    });

    private static JsonObject Fact(FactVocabulary? vocabulary = null)
    {
        const string Description = "A fact: its type as the first key with its id as the value, then its fields (the vocabulary names them).";
        return vocabulary is null
            ? new() { ["type"] = "object", ["description"] = Description, ["minProperties"] = 1 }
            : new() { ["description"] = Description, ["anyOf"] = new JsonArray([.. vocabulary.Types.Select(t => (JsonNode)Ref(FactDef(t)))]) };
    }

    private static string FactDef(FactType type) => "fact-" + type.Name;

    /// <summary>A fact of one type: its type's name as a key, with its id, and exactly the type's fields.</summary>
    private static JsonObject FactOf(FactType type)
    {
        var properties = new JsonObject
        {
            [type.Name] = Scalar($"The {type.Name}'s id. {Sentence(type.Description)}".TrimEnd()),
        };
        foreach (var field in type.Fields)
        {
            properties[field.Name] = FieldValue(field);
        }

        return new JsonObject
        {
            ["type"] = "object",
            ["description"] = Sentence(type.Description) is { Length: > 0 } meaning ? meaning : $"A fact of type {type.Name}.",
            ["required"] = new JsonArray(type.Name),
            ["properties"] = properties,
            ["additionalProperties"] = false,
        };
    }

    /// <summary>What a field may hold in a scenario: a value of its kind, or <c>unknown</c>.</summary>
    private static JsonObject FieldValue(FieldDefinition field)
    {
        var description = $"{field.Type}{(field.Sensitive ? ", sensitive" : string.Empty)}. {Sentence(field.Description)}".TrimEnd();
        JsonNode Unknown() => new JsonObject { ["const"] = "unknown" };
        JsonArray values = field.Type.Kind switch
        {
            FieldKind.YesNo => [new JsonObject { ["type"] = "boolean" }, new JsonObject { ["enum"] = new JsonArray("yes", "no", "unknown") }],
            FieldKind.Number => [new JsonObject { ["type"] = "number" }, Unknown()],
            FieldKind.Enumeration => [new JsonObject { ["enum"] = new JsonArray([.. field.Type.Values.Append("unknown").Select(v => (JsonNode)v)]) }],
            FieldKind.EnumerationSet =>
            [
                new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["enum"] = new JsonArray([.. field.Type.Values.Select(v => (JsonNode)v)]) } },
                new JsonObject { ["enum"] = new JsonArray([.. field.Type.Values.Append("unknown").Select(v => (JsonNode)v)]) },
            ],
            FieldKind.ReferenceSet =>
            [
                new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "string" } },
                new JsonObject { ["enum"] = new JsonArray("none", "unknown") },
            ],
            _ => [new JsonObject { ["type"] = new JsonArray("string", "number", "boolean") }],
        };
        if (values is [JsonObject one])
        {
            values.Clear();
            one["description"] = description;
            return one;
        }

        return new JsonObject { ["description"] = description, ["anyOf"] = values };
    }

    private static string Sentence(string? text) => text?.ReplaceLineEndings(" ").Trim() ?? string.Empty;

    private static JsonObject Root(string def, string title, Dictionary<string, JsonNode> defs) => Document(title, def, defs);

    /// <summary>A schema's text as schemas/ holds it: indented, with a final newline.</summary>
    public static string Text(JsonNode schema) => schema.ToJsonString(Indented) + "\n";

    /// <summary>A draft 2020-12 schema whose root is one of its <c>$defs</c>.</summary>
    public static JsonObject Document(string title, string root, IEnumerable<KeyValuePair<string, JsonNode>> defs)
    {
        var all = new JsonObject();
        foreach (var (name, schema) in defs)
        {
            all[name] = schema;
        }

        return new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["title"] = title,
            ["$ref"] = $"#/$defs/{root}",
            ["$defs"] = all,
        };
    }

    /// <summary>A mapping whose keys are exactly a reader's key table, each described here.</summary>
    private static JsonObject Object(string[] keys, string[] required, Dictionary<string, JsonNode> properties)
    {
        var missing = keys.Except(properties.Keys).ToList();
        var extra = properties.Keys.Except(keys).ToList();
        if (missing.Count > 0 || extra.Count > 0)
        {
            throw new InvalidOperationException($"The schema and the reader's key table differ: the reader accepts [{string.Join(", ", missing)}] with no schema; the schema describes [{string.Join(", ", extra)}], which the reader does not accept.");
        }

        var props = new JsonObject();
        foreach (var key in keys)
        {
            props[key] = properties[key];
        }

        var result = new JsonObject { ["type"] = "object", ["properties"] = props, ["additionalProperties"] = false };
        if (required.Length > 0)
        {
            result["required"] = new JsonArray([.. required.Select(r => (JsonNode)r)]);
        }

        return result;
    }

    /// <summary>A whole ordinance names its number, title, jurisdiction, vocabulary and provisions; one that extends another need not.</summary>
    private static JsonObject WholeOrExtending(JsonObject ordinance)
    {
        ordinance["anyOf"] = new JsonArray(
            new JsonObject { ["required"] = new JsonArray("extends") },
            new JsonObject { ["required"] = new JsonArray("ordinance", "title", "jurisdiction", "vocabulary", "provisions") });
        return ordinance;
    }

    private static JsonObject Scalar(string description) => new() { ["type"] = new JsonArray("string", "number", "boolean"), ["description"] = description };

    private static JsonObject Enum(string[] values, string description) => new() { ["enum"] = new JsonArray([.. values.Select(v => (JsonNode)v)]), ["description"] = description };

    private static JsonObject Array(JsonNode items, string description) => new() { ["type"] = "array", ["items"] = items, ["description"] = description };

    private static JsonObject Map(JsonNode values, string description) => new() { ["type"] = "object", ["additionalProperties"] = values, ["description"] = description };

    private static JsonObject Bindings(string description) => Map(Scalar("A fact type."), description);

    /// <summary>Variables each of a fact type, or of any of several: <c>{ x: [inquiry, record, action] }</c>.</summary>
    private static JsonObject TypedBindings(string description) =>
        Map(new JsonObject { ["anyOf"] = new JsonArray(Scalar("A fact type."), Array(Scalar("A fact type."), "Several fact types: the variable ranges over facts of any of them.")) }, description);

    private static JsonObject Ref(string def) => new() { ["$ref"] = $"#/$defs/{def}" };
}
