using System.Text.Json.Serialization;

namespace OrdinanceRules.Json;

/// <summary>The source-generated serialisation of the contract's documents: no reflection at run time.</summary>
[JsonSourceGenerationOptions(
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(ReportsDocument))]
[JsonSerializable(typeof(ExplanationsDocument))]
[JsonSerializable(typeof(WhatIfDocument))]
[JsonSerializable(typeof(TestRunDocument))]
[JsonSerializable(typeof(ComparisonDocument))]
[JsonSerializable(typeof(ReadingsDocument))]
[JsonSerializable(typeof(ValidationDocument))]
[JsonSerializable(typeof(InitDocument))]
[JsonSerializable(typeof(SamplesDocument))]
[JsonSerializable(typeof(InterviewDocument))]
[JsonSerializable(typeof(VocabularyDocument))]
internal sealed partial class OrdinanceJsonContext : JsonSerializerContext;
