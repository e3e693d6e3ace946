namespace OrdinanceRules.Compilation;

/// <summary>The kinds of conclusion a rule gathers about one claim (or one subject) of a node.</summary>
[Flags]
internal enum FileKinds
{
    None = 0,

    /// <summary>The claim itself (or, for a subject's file, the subject).</summary>
    Self = 1,

    /// <summary>The claim's own Standing.</summary>
    Standing = 2,

    /// <summary>The claim's own Unsettled.</summary>
    Unsettled = 4,

    /// <summary>The Standing of a child exception's claim against it.</summary>
    StandingChild = 8,

    /// <summary>The Unsettled of a child exception's claim against it.</summary>
    UnsettledChild = 16,

    /// <summary>Doubts it owns (a child exception's facts may exist, or an existential breach's).</summary>
    Doubt = 32,

    /// <summary>An obligation's discharges.</summary>
    Discharge = 64,

    /// <summary>An obligation's doubts about its discharge.</summary>
    DutyDoubt = 128,

    /// <summary>Lapses of the obligation's exceptions.</summary>
    Lapsed = 256,

    /// <summary>Claims of an existential breach about a subject.</summary>
    SubjectClaim = 512,
}

/// <summary>
/// The conclusions about one claim (or subject) that a rule weighs, gathered by NRules' <c>GroupBy</c> aggregate
/// with the claim as key. A rule over a file is a single pattern: the network hashes each conclusion into its
/// claim's file instead of comparing every claim with every conclusion, so weighing a claim's exceptions, doubts,
/// discharges and lapses costs the same whatever the scenario's size. A rule never gathers the kind it concludes.
/// </summary>
internal static class Files
{
    /// <summary>The claim of <paramref name="node"/> a conclusion is about, when the kind is gathered; otherwise null.</summary>
    public static Claim? ClaimOf(Conclusion item, RuleNode node, FileKinds kinds) => item switch
    {
        Claim c when (kinds & FileKinds.Self) != 0 && c.Node == node => c,
        Standing s when (kinds & FileKinds.Standing) != 0 && s.Claim.Node == node => s.Claim,
        Standing s when (kinds & FileKinds.StandingChild) != 0 && s.Claim.Parent is { } p && p.Node == node => p,
        Unsettled u when (kinds & FileKinds.Unsettled) != 0 && u.Claim.Node == node => u.Claim,
        Unsettled u when (kinds & FileKinds.UnsettledChild) != 0 && u.Claim.Parent is { } p && p.Node == node => p,
        Doubt d when (kinds & FileKinds.Doubt) != 0 && d.Owner is Claim c && c.Node == node => c,
        Discharge d when (kinds & FileKinds.Discharge) != 0 && d.Claim.Node == node => d.Claim,
        DutyDoubt d when (kinds & FileKinds.DutyDoubt) != 0 && d.Claim.Node == node => d.Claim,
        Lapsed l when (kinds & FileKinds.Lapsed) != 0 && l.Claim.Node == node => l.Claim,
        _ => null,
    };

    /// <summary>The subject of <paramref name="node"/> a conclusion is about, when the kind is gathered; otherwise null.</summary>
    public static Subject? SubjectOf(Conclusion item, ProvisionNode node, FileKinds kinds) => item switch
    {
        Subject s when (kinds & FileKinds.Self) != 0 && s.Node == node => s,
        Claim { Subject: { } s } c when (kinds & FileKinds.SubjectClaim) != 0 && c.Node == node => s,
        Doubt d when (kinds & FileKinds.Doubt) != 0 && d.Owner is Subject s && s.Node == node => s,
        _ => null,
    };

    /// <summary>Whether the file holds its key itself (the claim or subject), not only conclusions about it.</summary>
    public static bool HasSelf<TKey>(IGrouping<TKey, Conclusion> file)
        where TKey : Conclusion => file.Any(c => ReferenceEquals(c, file.Key));

    /// <summary>Whether the file holds a conclusion of one of the kinds (relative to its claim).</summary>
    public static bool HasAny(IGrouping<Claim, Conclusion> file, FileKinds kinds) => file.Any(c => (KindOf(c, file.Key) & kinds) != 0);

    public static bool Stands(IGrouping<Claim, Conclusion> file) => file.Any(c => c is Standing s && s.Claim == file.Key);

    public static bool HasStandingChild(IGrouping<Claim, Conclusion> file) => file.Any(c => c is Standing s && s.Claim.Parent == file.Key);

    public static IEnumerable<Unsettled> Unsettled(IGrouping<Claim, Conclusion> file) => file.OfType<Unsettled>().Where(u => u.Claim == file.Key);

    public static IEnumerable<Unsettled> UnsettledChildren(IGrouping<Claim, Conclusion> file) => file.OfType<Unsettled>().Where(u => u.Claim.Parent == file.Key);

    public static IEnumerable<Doubt> Doubts<TKey>(IGrouping<TKey, Conclusion> file)
        where TKey : Conclusion => file.OfType<Doubt>();

    public static IEnumerable<Discharge> Discharges(IGrouping<Claim, Conclusion> file) => file.OfType<Discharge>();

    public static IEnumerable<DutyDoubt> DutyDoubts(IGrouping<Claim, Conclusion> file) => file.OfType<DutyDoubt>();

    public static IEnumerable<Lapsed> Lapses(IGrouping<Claim, Conclusion> file) => file.OfType<Lapsed>();

    private static FileKinds KindOf(Conclusion item, Claim key) => item switch
    {
        Claim => FileKinds.Self,
        Standing s => s.Claim == key ? FileKinds.Standing : FileKinds.StandingChild,
        Unsettled u => u.Claim == key ? FileKinds.Unsettled : FileKinds.UnsettledChild,
        Doubt => FileKinds.Doubt,
        Discharge => FileKinds.Discharge,
        DutyDoubt => FileKinds.DutyDoubt,
        Lapsed => FileKinds.Lapsed,
        _ => FileKinds.None,
    };

    public static bool HasClaims(IGrouping<Subject, Conclusion> file) => file.OfType<Claim>().Any();
}
