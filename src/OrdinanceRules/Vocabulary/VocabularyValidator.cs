using System.Collections.Immutable;
using FluentValidation;
using OrdinanceRules.Diagnostics;

namespace OrdinanceRules.Vocabulary;

/// <summary>Checks a vocabulary's invariants with FluentValidation and turns failures into diagnostics.</summary>
internal sealed class VocabularyValidator : AbstractValidator<VocabularyValidator.Draft>
{
    private static readonly VocabularyValidator Instance = new();

    private VocabularyValidator()
    {
        RuleForEach(draft => draft.Types).ChildRules(type =>
        {
            type.RuleFor(t => t.Name).Must(Identifiers.IsValid)
                .WithMessage(t => $"fact type name '{t.Name}' must be an identifier (a letter, then letters, digits or '_')")
                .WithState(t => t.Location);
            type.RuleFor(t => t.Fields).Must((t, fields) => t.Name != "id" && !fields.Any(f => f.Name == "id"))
                .WithMessage(t => $"fact type '{t.Name}' declares a field named 'id'; every fact already has an id")
                .WithState(t => t.Location);
            type.RuleForEach(t => t.Fields).ChildRules(field =>
            {
                field.RuleFor(f => f.Name).Must(Identifiers.IsValid)
                    .WithMessage(f => $"field name '{f.Name}' must be an identifier (a letter, then letters, digits or '_')")
                    .WithState(f => f.Location);
                field.RuleFor(f => f.Type).Must(t => t.Kind is not (FieldKind.Enumeration or FieldKind.EnumerationSet) || t.Values.Length > 0)
                    .WithMessage(f => $"field '{f.Name}' is an enumeration with no values")
                    .WithState(f => f.Location);
                field.RuleFor(f => f.Type).Must(t => t.Values.Distinct(StringComparer.Ordinal).Count() == t.Values.Length)
                    .WithMessage(f => $"field '{f.Name}' lists a value twice")
                    .WithState(f => f.Location);
                field.RuleFor(f => f.Default).Must((f, value) => value is null || value.Fits(f.Type))
                    .WithMessage(f => $"field '{f.Name}' is {f.Type}, and its default '{f.Default}' does not fit it: a yes/no field defaults to yes or no, an enumeration to none or one of its values, any other field only to none")
                    .WithState(f => f.Location);
            });
            type.RuleFor(t => t.Fields).Custom((fields, context) =>
            {
                var t = context.InstanceToValidate;
                foreach (var dup in fields.GroupBy(f => f.Name, StringComparer.Ordinal).Where(g => g.Count() > 1))
                {
                    context.AddFailure(new FluentValidation.Results.ValidationFailure("Fields", $"fact type '{t.Name}' declares field '{dup.Key}' twice")
                    {
                        CustomState = dup.Last().Location,
                    });
                }
            });
        });
        RuleFor(draft => draft.Types).Custom((types, context) =>
        {
            var names = types.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
            foreach (var dup in types.GroupBy(t => t.Name, StringComparer.Ordinal).Where(g => g.Count() > 1))
            {
                context.AddFailure(new FluentValidation.Results.ValidationFailure("Types", $"fact type '{dup.Key}' is declared twice")
                {
                    CustomState = dup.Last().Location,
                });
            }

            foreach (var type in types)
            {
                foreach (var field in type.Fields.Where(f => f.Type.Kind is FieldKind.Reference or FieldKind.ReferenceSet && !names.Contains(f.Type.ReferencedType!)))
                {
                    context.AddFailure(new FluentValidation.Results.ValidationFailure("Fields", $"field '{type.Name}.{field.Name}' refers to fact type '{field.Type.ReferencedType}', which the vocabulary does not declare")
                    {
                        CustomState = field.Location,
                    });
                }
            }
        });
    }

    internal sealed record Draft(ImmutableArray<FactType> Types);

    public static IReadOnlyList<Diagnostic> Check(ImmutableArray<FactType> types) =>
        Instance.Validate(new Draft(types)).Errors
            .Select(e => new Diagnostic(DiagnosticCodes.InvalidVocabulary, e.ErrorMessage, e.CustomState as SourceLocation))
            .ToList();
}
