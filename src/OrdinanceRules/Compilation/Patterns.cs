using System.Collections.Immutable;
using System.Linq.Expressions;
using NRules.RuleModel.Builders;
using OrdinanceRules.Conditions;
using static OrdinanceRules.Compilation.RuleSetBuilder;

namespace OrdinanceRules.Compilation;

/// <summary>
/// The left-hand-side pieces the emitters share: patterns over verdicts, claims and their files, alpha tests that keep
/// a node's own conclusions, and tests of a verdict's fields. Each adds to a rule's <see cref="Lhs"/> or builds an expression.
/// </summary>
internal static class Patterns
{
    /// <summary>A pattern over the provision's verdicts that pass a test of their fields (an alpha test).</summary>
    public static ParameterExpression VerdictPattern(Lhs group, ProvisionNode node, string name, Func<ParameterExpression, Expression> test)
    {
        var pattern = group.Pattern(typeof(Verdict), name);
        var v = Expression.Parameter(typeof(Verdict), name);
        pattern.Condition(Expression.Lambda(Expression.AndAlso(Expression.Equal(Expression.Property(v, nameof(Verdict.Node)), Expression.Constant(node)), test(v)), v));
        return v;
    }

    /// <summary>The verdict is engaged: its match holds, the law was in force and the provision applies.</summary>
    public static Expression Engaged(ParameterExpression verdict) => Expression.Property(verdict, nameof(Verdict.Engaged));

    /// <summary>The verdict is provisional: engaged but for an unknown time of law, as written if it was in force.</summary>
    public static Expression Provisional(ParameterExpression verdict) => Expression.Property(verdict, nameof(Verdict.Provisional));

    /// <summary>One of <see cref="Ops"/>' tests (<c>IsTrue</c>, <c>IsUnknown</c>, ...) of one field of the verdict.</summary>
    public static Expression Test(string test, ParameterExpression verdict, string field) =>
        Expression.Call(OpsMethod(test), Expression.Property(verdict, field));

    /// <summary>Stages of the verdict tested together (a stage that was not evaluated is absent, which reads as no).</summary>
    public static Expression Stages(ParameterExpression verdict, params (string Field, string Test)[] stages) =>
        stages.Select(s => Test(s.Test, verdict, s.Field)).Aggregate(Expression.AndAlso);

    /// <summary>A permission's engaged verdict that binds a fact of the claim: the conduct it allows is allowed for these facts.</summary>
    public static ParameterExpression PermitPattern(Lhs group, ProvisionNode permission, ParameterExpression claim)
    {
        var p = VerdictPattern(group, permission, "permit", Engaged);
        var shares = Expression.Call(typeof(RuleActions).GetMethod(nameof(RuleActions.Shares))!, Expression.Property(claim, nameof(Claim.Bindings)), Expression.Property(p, nameof(Verdict.Bindings)));
        group.Last!.Condition(Expression.Lambda(shares, p, claim));
        return p;
    }

    /// <summary>A frame's variables read back from an array of facts (a verdict's or a claim's bindings), slot by slot.</summary>
    public static IEnumerable<ScopeVariable> FromArray(Expression owner, string property, ImmutableArray<FrameVariable> frame) =>
        frame.Select(v => new ScopeVariable(v.Name, v.Type, Expression.ArrayIndex(Expression.Property(owner, property), Expression.Constant(v.Slot))) { Alternatives = v.Types });

    /// <summary>A pattern over the node's claims, optionally only the tentative (or only the firm) ones.</summary>
    public static ParameterExpression ClaimPattern(Lhs group, string name, RuleNode node, bool? tentative = null)
    {
        var pattern = group.Pattern(typeof(Claim), name);
        var p = Expression.Parameter(typeof(Claim), name);
        Expression test = Expression.Equal(Expression.Property(p, nameof(Claim.Node)), Expression.Constant(node, typeof(RuleNode)));
        if (tentative is { } wanted)
        {
            test = Expression.AndAlso(test, Expression.Equal(Expression.Property(p, nameof(Claim.IsTentative)), Expression.Constant(wanted)));
        }

        pattern.Condition(Expression.Lambda(test, p));
        return p;
    }


    /// <summary>The conclusions of some kinds about each claim of a node, grouped by claim: one tuple per claim, found by hashing (<see cref="Files"/>).</summary>
    public static ParameterExpression ClaimFile(Lhs group, string name, RuleNode node, FileKinds kinds)
    {
        Expression Of(ParameterExpression item) => Expression.Call(typeof(Files).GetMethod(nameof(Files.ClaimOf))!, item, Expression.Constant(node, typeof(RuleNode)), Expression.Constant(kinds));
        return GroupBy<Claim, Conclusion>(group, name, item => Expression.NotEqual(Of(item), Expression.Constant(null, typeof(Claim))), Of);
    }

    /// <summary>The conclusions of some kinds about each subject of a provision, grouped by subject.</summary>
    public static ParameterExpression SubjectFile(Lhs group, string name, ProvisionNode node, FileKinds kinds)
    {
        Expression Of(ParameterExpression item) => Expression.Call(typeof(Files).GetMethod(nameof(Files.SubjectOf))!, item, Expression.Constant(node), Expression.Constant(kinds));
        return GroupBy<Verdict, Conclusion>(group, name, item => Expression.NotEqual(Of(item), Expression.Constant(null, typeof(Verdict))), Of);
    }

    /// <summary>A call of one of <see cref="Files"/>' readers on a file.</summary>
    public static Expression FileCall(string method, ParameterExpression file, params Expression[] arguments)
    {
        var info = typeof(Files).GetMethod(method)!;
        if (info.IsGenericMethodDefinition)
        {
            info = info.MakeGenericMethod(file.Type.GetGenericArguments()[0]);
        }

        return Expression.Call(info, [file, .. arguments]);
    }

    /// <summary>A standing claim of the node, matched as its Standing conclusion alone (no join with the claim).</summary>
    public static Expression StandingClaim(Lhs group, ProvisionNode node)
    {
        var standing = group.Pattern(typeof(Standing), "standing");
        var s = Expression.Parameter(typeof(Standing), "standing");
        standing.Condition(Expression.Lambda(OfNode(s, node), s));
        return Expression.Property(s, nameof(Standing.Claim));
    }

    /// <summary>A pattern over the scenario's statement that further facts of a type may exist.</summary>
    public static void ExistencePattern(Lhs group, string type)
    {
        var pattern = group.Pattern(typeof(UnknownExistence), "existence");
        var p = Expression.Parameter(typeof(UnknownExistence), "existence");
        pattern.Condition(Expression.Lambda(Expression.Equal(Expression.Property(p, nameof(UnknownExistence.Type)), Expression.Constant(type)), p));
    }

    /// <summary>No statement that further facts of any of the types may exist (a negated pattern).</summary>
    public static void NoExistenceDoubt(Lhs group, IReadOnlyList<string> types, string name)
    {
        if (types.Count == 0)
        {
            return;
        }

        var pattern = group.Group.Not().Pattern(typeof(UnknownExistence), name);
        var p = Expression.Parameter(typeof(UnknownExistence), name);
        var any = types.Select(t => (Expression)Expression.Equal(Expression.Property(p, nameof(UnknownExistence.Type)), Expression.Constant(t))).Aggregate(Expression.OrElse);
        pattern.Condition(Expression.Lambda(any, p));
    }

    /// <summary>
    /// An alpha test that keeps only conclusions about claims (or subjects) of one node, so the join that follows
    /// compares a claim with its own conclusions, not with every conclusion of the session.
    /// </summary>
    public static Expression OfNode(ParameterExpression item, RuleNode node)
    {
        Expression owner = item.Type == typeof(Doubt) ? Expression.Property(item, nameof(Doubt.OwnerNode))
            : item.Type == typeof(Claim) ? Expression.Property(item, nameof(Claim.Node))
            : Expression.Property(Expression.Property(item, "Claim"), nameof(Claim.Node));
        return Expression.Equal(owner, Expression.Constant(node, typeof(RuleNode)));
    }

    /// <summary>An alpha test that keeps only conclusions about exception claims whose parent is a claim of one node.</summary>
    public static Expression ChildOfNode(ParameterExpression item, RuleNode parentNode)
    {
        var parent = Expression.Property(Expression.Property(item, "Claim"), nameof(Claim.Parent));
        return Expression.AndAlso(
            Expression.NotEqual(parent, Expression.Constant(null, typeof(Claim))),
            Expression.Equal(Expression.Property(parent, nameof(Claim.Node)), Expression.Constant(parentNode, typeof(RuleNode))));
    }

    /// <summary>No conclusion of the type about a child exception's claim against <paramref name="claim"/> (a negated pattern).</summary>
    public static void NotChild(Lhs group, Type type, string name, Expression claim, RuleNode parentNode)
    {
        var pattern = group.Group.Not().Pattern(type, name);
        var p = Expression.Parameter(type, name);
        pattern.Condition(Expression.Lambda(ChildOfNode(p, parentNode), p));
        AddCondition(pattern, Expression.Equal(Expression.Property(Expression.Property(p, "Claim"), nameof(Claim.Parent)), claim));
    }

    /// <summary>The conclusions of one node's claims, grouped by claim, with no join: NRules groups them by key.</summary>
    public static ParameterExpression GroupByClaim<T>(Lhs group, string name, Func<ParameterExpression, Expression> alpha, Func<ParameterExpression, Expression> key) =>
        GroupBy<Claim, T>(group, name, alpha, key);

    private static ParameterExpression GroupBy<TKey, T>(Lhs group, string name, Func<ParameterExpression, Expression> alpha, Func<ParameterExpression, Expression> key)
    {
        var grouping = group.Pattern(typeof(IGrouping<TKey, T>), name);
        var aggregate = grouping.Aggregate();
        var itemName = name + "Item";
        var itemParam = Expression.Parameter(typeof(T), itemName);
        aggregate.GroupBy(Expression.Lambda(key(itemParam), itemParam), Expression.Lambda(itemParam, itemParam));
        var item = aggregate.Pattern(typeof(T), itemName);
        item.Condition(Expression.Lambda(alpha(itemParam), itemParam));
        return Expression.Parameter(typeof(IGrouping<TKey, T>), name);
    }

    /// <summary>A condition on a pattern over the parameters its body uses (a join when it reads an earlier pattern).</summary>
    public static void AddCondition(PatternBuilder pattern, Expression body) =>
        pattern.Condition(Expression.Lambda(body, ParameterCollector.Collect(body)));

    /// <summary>
    /// The alpha test of a variable's pattern: the fact's type is the variable's, or one of its types. One provision over
    /// several fact types (<c>for: { x: [inquiry, record, action] }</c>) matches a fact of any of them, so it keeps one set of
    /// rules and reports every finding under its one id; its conditions are bound once per type and choose by the fact's
    /// type at run time (<see cref="ConditionSource.Bind"/>).
    /// </summary>
    public static Expression OfTypes(Expression typeName, FrameVariable variable) =>
        variable.TypeNames.Select(t => (Expression)Expression.Equal(typeName, Expression.Constant(t))).Aggregate(Expression.OrElse);
}
