using System.Collections.Immutable;

namespace OrdinanceRules.Explanations;

/// <summary>How a step of a finding's reasoning came out.</summary>
public enum ExplanationStatus
{
    /// <summary>A statement of what was tested or decided, with no yes/no of its own.</summary>
    Info,

    /// <summary>The condition held (came out yes), or the claim stands.</summary>
    Held,

    /// <summary>The condition failed (came out no), or nothing was there to test.</summary>
    Failed,

    /// <summary>The condition came out unknown, or the claim is unsettled.</summary>
    Unknown,

    /// <summary>A claim that held but an exception to it defeats.</summary>
    Defeated,
}

/// <summary>One step of a finding's reasoning: a line of text, how it came out, and the steps under it.</summary>
/// <remarks>Immutable. Built only from the events of the NRules session that decided the finding.</remarks>
public sealed class ExplanationNode
{
    /// <summary>Creates a node.</summary>
    /// <param name="text">What the step says, such as <c>applies-when: yes</c>.</param>
    /// <param name="status">How it came out.</param>
    /// <param name="children">The steps under it.</param>
    public ExplanationNode(string text, ExplanationStatus status, IEnumerable<ExplanationNode>? children = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        Text = text;
        Status = status;
        Children = children is null ? [] : [.. children];
    }

    /// <summary>What the step says.</summary>
    public string Text { get; }

    /// <summary>How it came out.</summary>
    public ExplanationStatus Status { get; }

    /// <summary>The steps under it, in reading order.</summary>
    public ImmutableArray<ExplanationNode> Children { get; }

    /// <summary>This node and every node under it, depth first.</summary>
    /// <returns>The nodes.</returns>
    public IEnumerable<ExplanationNode> DescendantsAndSelf() =>
        Children.SelectMany(c => c.DescendantsAndSelf()).Prepend(this);

    /// <summary>The tree as indented plain text, two spaces a level, each line <c>[status] text</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        var lines = new List<string>();
        void Walk(ExplanationNode node, int depth)
        {
            lines.Add($"{new string(' ', depth * 2)}{node.Text}{(node.Status == ExplanationStatus.Info ? string.Empty : $" [{node.Status.ToString().ToLowerInvariant()}]")}");
            foreach (var child in node.Children)
            {
                Walk(child, depth + 1);
            }
        }

        Walk(this, 0);
        return string.Join('\n', lines);
    }
}

/// <summary>Why one finding came out as it did.</summary>
/// <param name="Finding">The finding.</param>
/// <param name="Root">The reasoning: the root names the finding; its children are the conditions, exceptions and the deciding rule.</param>
public sealed record Explanation(Finding Finding, ExplanationNode Root);
