using System.Collections.Immutable;
using OrdinanceRules.Conditions;
using OrdinanceRules.Model;

namespace OrdinanceRules.Compilation;

/// <summary>A condition as a finding or an explanation shows it: its text and the definitions it uses.</summary>
internal sealed record ConditionWording(string Text, ImmutableArray<Definition> UsedDefinitions)
{
    public static ConditionWording? Of(ConditionSource? source) => source is null ? null : new(source.Text.Text, source.UsedDefinitions);
}

/// <summary>A version of a provision as an explanation shows it: when it was in force and the conditions it restates.</summary>
internal sealed record VersionReference(int Index, string Period, ConditionWording? AppliesWhen, ConditionWording? ViolatedWhen);

/// <summary>
/// A provision or an exception as the conclusions name it: an immutable reference, built once per node when the rule
/// set is compiled (<see cref="References"/>), that carries what <c>FindingWriter</c> and <c>ExplanationBuilder</c>
/// word (ids, citation, section, title, the frames that name the bound facts, the conditions' text), so that they read
/// conclusions and references only, never the compiler's nodes.
/// </summary>
internal abstract class NodeReference
{
    private protected NodeReference(RuleNode node, ImmutableArray<ExceptionReference> exceptions)
    {
        Id = node.Id;
        ProvisionId = node.Provision.Id;
        ClaimFrame = node.ClaimFrame;
        Exceptions = exceptions;
    }

    public string Id { get; }

    /// <summary>The provision's id: the node's own for a provision, its provision's for an exception.</summary>
    public string ProvisionId { get; }

    /// <summary>The variables a claim of the node binds, in slot order.</summary>
    public ImmutableArray<FrameVariable> ClaimFrame { get; }

    /// <summary>The node's own exceptions (its children), in declaration order.</summary>
    public ImmutableArray<ExceptionReference> Exceptions { get; }

    /// <summary>The name of one of the node's rules, as <see cref="RuleNode.RuleName"/> gives it.</summary>
    public string RuleName(string rule) => this is ExceptionReference ? $"{ProvisionId}/{Id}/{rule}" : $"{Id}/{rule}";
}

/// <summary>A provision, as its outcomes, verdicts and claims name it.</summary>
internal sealed class ProvisionReference : NodeReference
{
    private readonly LawPeriod? _period;

    internal ProvisionReference(ProvisionNode node, ImmutableArray<ExceptionReference> exceptions) : base(node, exceptions)
    {
        var model = node.Model;
        Order = node.Order;
        LawCitation = node.Law.Citation;
        Section = model.Section;
        Title = model.Title;
        Origin = model.Origin;
        Text = model.Text;
        Modality = model.Modality;
        SubjectFrame = node.SubjectFrame;
        ViolationFrame = node.ViolationFrame;
        MetByFrame = node.MetByFrame;
        Match = ConditionWording.Of(node.Match);
        AppliesWhen = ConditionWording.Of(node.AppliesWhen);
        ViolatedWhen = ConditionWording.Of(node.ViolatedWhen);
        MetBy = ConditionWording.Of(node.MetBy);
        Versions = [.. node.Versions.Select(v => new VersionReference(v.Index, v.Period, ConditionWording.Of(v.AppliesWhen), ConditionWording.Of(v.ViolatedWhen)))];
        _period = node.Period;
    }

    /// <summary>The provision's place in the stack's order: findings are reported in it.</summary>
    public int Order { get; }

    /// <summary>The citation of the law (ordinance or statute) the provision belongs to.</summary>
    public string LawCitation { get; }

    public string Section { get; }

    /// <summary>The finding's citation: the law's, then the section.</summary>
    public string Citation => $"{LawCitation}, {Section}";

    public string Title { get; }

    public ProvisionOrigin? Origin { get; }

    public string Text { get; }

    /// <summary>The provision's kind: prohibition, obligation, permission or non-obligation.</summary>
    public Modality Modality { get; }

    /// <summary>The provision's <c>for</c> variables, in slot order.</summary>
    public ImmutableArray<FrameVariable> SubjectFrame { get; }

    /// <summary>The further facts its violated-when binds; empty for a breach tested on the subject alone.</summary>
    public ImmutableArray<FrameVariable> ViolationFrame { get; }

    /// <summary>The facts that may fulfil an obligation's duty.</summary>
    public ImmutableArray<FrameVariable> MetByFrame { get; }

    public ConditionWording? Match { get; }

    public ConditionWording? AppliesWhen { get; }

    public ConditionWording? ViolatedWhen { get; }

    public ConditionWording? MetBy { get; }

    /// <summary>The provision's versions in date order; empty for a provision with one wording.</summary>
    public ImmutableArray<VersionReference> Versions { get; }

    /// <summary>Whether the provision names an event time, so whether its law was in force is weighed.</summary>
    public bool HasPeriod => _period is not null;

    /// <summary>The version in force at an event's time, when the provision has versions and the time decides one.</summary>
    public VersionReference? VersionAt(Val eventTime) =>
        _period is not null && _period.VersionAt(eventTime) is var index and >= 0 ? Versions.FirstOrDefault(v => v.Index == index) : null;
}

/// <summary>An exception (declared, or implied by a permission that prevails), as its claims name it.</summary>
internal sealed class ExceptionReference : NodeReference
{
    internal ExceptionReference(ExceptionNode node, ImmutableArray<ExceptionReference> exceptions) : base(node, exceptions)
    {
        var model = node.Model;
        Section = model.Section;
        Title = model.Title;
        SharedFrom = model.SharedFrom;
        CarveOut = model.CarveOut;
        OwnFrame = node.OwnFrame;
        When = ConditionWording.Of(node.When);
        PrevailingId = node.Prevailing?.Id;
        PrevailingCitation = node.Prevailing?.Law.Citation;
    }

    public string Section { get; }

    public string Title { get; }

    /// <summary>The shared exception set it was copied from, if any.</summary>
    public string? SharedFrom { get; }

    /// <summary>For a carve-out, the outcome it gives the conduct it takes out of the provision.</summary>
    public CarveOutOutcome? CarveOut { get; }

    /// <summary>The facts the exception binds of its own, after its parent's.</summary>
    public ImmutableArray<FrameVariable> OwnFrame { get; }

    public ConditionWording? When { get; }

    /// <summary>For an implied exception: the id of the permission that prevails over the parent.</summary>
    public string? PrevailingId { get; }

    /// <summary>For an implied exception: the citation of the permission's law.</summary>
    public string? PrevailingCitation { get; }
}

/// <summary>Builds the references of a rule set's nodes, once, when it is compiled.</summary>
internal static class References
{
    /// <summary>Gives every provision of the stack, and each of its exceptions, its reference.</summary>
    public static void Attach(IEnumerable<ProvisionNode> provisions)
    {
        foreach (var provision in provisions)
        {
            provision.Attach(new ProvisionReference(provision, [.. provision.Children.Select(Attach)]));
        }
    }

    private static ExceptionReference Attach(ExceptionNode exception)
    {
        var reference = new ExceptionReference(exception, [.. exception.Children.Select(Attach)]);
        exception.Attach(reference);
        return reference;
    }
}
