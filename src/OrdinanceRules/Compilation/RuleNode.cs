using System.Collections.Immutable;
using OrdinanceRules.Conditions;
using OrdinanceRules.Model;
using OrdinanceRules.Vocabulary;

namespace OrdinanceRules.Compilation;

/// <summary>A variable of a node's frame: its name, its fact type, and its slot in a claim's bindings.</summary>
/// <remarks>A variable that ranges over several types (<c>x: [inquiry, record, action]</c>) has the first as its <see cref="Type"/> and all of them as <see cref="Types"/>.</remarks>
internal sealed record FrameVariable(string Name, FactType Type, int Slot)
{
    private readonly ImmutableArray<FactType> _types;

    /// <summary>Every type the variable ranges over: <see cref="Type"/> alone unless several were listed.</summary>
    public ImmutableArray<FactType> Types
    {
        get => _types.IsDefaultOrEmpty ? [Type] : _types;
        init => _types = value;
    }

    /// <summary>The names of <see cref="Types"/>.</summary>
    public IEnumerable<string> TypeNames => Types.Select(t => t.Name);
}

/// <summary>A provision or an exception, as the compiler sees it: where its facts sit and who its children are.</summary>
internal abstract class RuleNode
{
    protected RuleNode(string id, int depth)
    {
        Id = id;
        Depth = depth;
    }

    public string Id { get; }

    public int Depth { get; }

    /// <summary>The variables a claim of this node binds, in slot order.</summary>
    public ImmutableArray<FrameVariable> ClaimFrame { get; set; } = [];

    public List<ExceptionNode> Children { get; } = [];

    public abstract ProvisionNode Provision { get; }

    /// <summary>The node as the conclusions name it (<see cref="References"/>), attached when the rule set is compiled.</summary>
    public abstract NodeReference Reference { get; }

    private protected static T Attached<T>(T? reference)
        where T : NodeReference => reference ?? throw new InvalidOperationException("A node's reference is attached when its rule set is compiled.");

    /// <summary>The name of one of this node's rules: <c>provision/rule</c> or <c>provision/exception/rule</c>. Explanations find rules by it.</summary>
    public string RuleName(string rule) => this is ExceptionNode ? $"{Provision.Id}/{Id}/{rule}" : $"{Id}/{rule}";
}

internal sealed class ProvisionNode(Provision provision, int order, Ordinance law, BindingEnvironment environment) : RuleNode(provision.Id, 0)
{
    public Provision Model { get; } = provision;

    public int Order { get; } = order;

    /// <summary>The law (ordinance or statute) the provision belongs to.</summary>
    public Ordinance Law { get; } = law;

    public BindingEnvironment Environment { get; } = environment;

    public int Rank => Law.Jurisdiction.Rank;

    public ImmutableArray<FrameVariable> SubjectFrame { get; set; } = [];

    /// <summary>For a duty that recurs: the periods generated for each evaluation, bound to the first variable of <see cref="SubjectFrame"/>.</summary>
    public RecurringPeriods? Recurrence { get; set; }

    public ConditionSource? Match { get; set; }

    public ConditionSource? AppliesWhen { get; set; }

    public ConditionSource? EventTime { get; set; }

    public LawPeriod? Period { get; set; }

    /// <summary>The provision's versions in date order; empty for a provision with one wording.</summary>
    public ImmutableArray<VersionNode> Versions { get; set; } = [];

    /// <summary>Whether the provision (or a version of it) has an applies-when.</summary>
    public bool HasScope => ProvisionVersions.Any(this, AppliesWhen, v => v.AppliesWhen);

    /// <summary>
    /// Whether a verdict that applies, but whose law may or may not have been in force as written, is still weighed: its
    /// breach (or duty) is claimed tentatively, so that an exception that holds whatever the time settles it. A prohibition
    /// whose breach is tested on the subject alone, or a duty that does not recur; other provisions stay undetermined.
    /// </summary>
    public bool WeighsUnknownTimeOfLaw => Period is not null && Model.Modality switch
    {
        Modality.Obligation => Model.Duty is not null && Recurrence is null,
        Modality.Prohibition => ViolationFrame.IsEmpty,
        _ => false,
    };

    public ConditionSource? AssumeInForce { get; set; }

    public ConditionSource? ViolatedWhen { get; set; }

    public ImmutableArray<FrameVariable> ViolationFrame { get; set; } = [];

    public ConditionSource? MetBy { get; set; }

    public ImmutableArray<FrameVariable> MetByFrame { get; set; } = [];

    public ConditionSource? MetAt { get; set; }

    public ConditionSource? DeadlineFrom { get; set; }

    public ConditionSource? DeadlineDue { get; set; }

    public ConditionSource? DeadlineInclusive { get; set; }

    public DeadlineCalculator? Calculator { get; set; }

    public override ProvisionNode Provision => this;

    private ProvisionReference? _reference;

    public override ProvisionReference Reference => Attached(_reference);

    public void Attach(ProvisionReference reference) => _reference = reference;
}

internal sealed class ExceptionNode(ProvisionException exception, RuleNode parent, ProvisionNode? prevailing = null) : RuleNode(exception.Id, parent.Depth + 1)
{
    public ProvisionException Model { get; } = exception;

    /// <summary>For an implied exception: the provision of higher (or declared) precedence whose permission defeats the parent.</summary>
    public ProvisionNode? Prevailing { get; } = prevailing;

    public RuleNode Parent { get; } = parent;

    public ImmutableArray<FrameVariable> OwnFrame { get; set; } = [];

    public ConditionSource? When { get; set; }

    public ConditionSource? LapseAt { get; set; }

    public ConditionSource? LapseIf { get; set; }

    public override ProvisionNode Provision => Parent.Provision;

    private ExceptionReference? _reference;

    public override ExceptionReference Reference => Attached(_reference);

    public void Attach(ExceptionReference reference) => _reference = reference;
}
