namespace OrdinanceRules.Compilation;

/// <summary>
/// Which outcome rule decided a finding: one value per way a provision's outcome can be reached. The status follows
/// from the basis (<see cref="Bases.Status"/>, the one place the rules' statuses are written), and
/// <see cref="Evaluation.FindingWriter"/> words each basis once.
/// </summary>
internal enum Basis
{
    /// <summary>No combination of the provision's facts matches (<c>no-match</c>).</summary>
    NoMatch,

    /// <summary>The scenario leaves open whether further facts of a bound type exist (<c>existence-T</c>).</summary>
    Existence,

    /// <summary>Whether the facts belong together is unknown (<c>match-unknown</c>).</summary>
    MatchUnknown,

    /// <summary>The law was not in force at the event's time (<c>not-in-force</c>).</summary>
    NotInForce,

    /// <summary>Whether the law was in force at the event's time is unknown (<c>in-force-unknown</c>).</summary>
    InForceUnknown,

    /// <summary>The provision's applies-when is no (<c>not-applicable</c>).</summary>
    Scope,

    /// <summary>The provision's applies-when is unknown (<c>scope-unknown</c>).</summary>
    ScopeUnknown,

    /// <summary>The provision applies and was not breached (<c>complied</c>).</summary>
    NoBreach,

    /// <summary>The breach stands: no exception defeats it (<c>violated</c>).</summary>
    Breach,

    /// <summary>Whether the provision was breached is unknown (<c>unsettled</c>, <c>breach-unknown</c>).</summary>
    BreachUnknown,

    /// <summary>The breach (or duty) stands unless an exception applies, and whether one does is unknown (<c>unsettled</c>).</summary>
    ExceptionUnknown,

    /// <summary>One or more exceptions defeat the breach or the duty (<c>exception-applies</c>).</summary>
    Exception,

    /// <summary>A carve-out takes the conduct out of the provision (<c>exception-applies</c>, for a carve-out).</summary>
    CarvedOut,

    /// <summary>A carve-out says the conduct complies with the provision (<c>exception-applies</c>, for a carve-out that says so).</summary>
    CarvedOutComplied,

    /// <summary>The duty was discharged in time (an obligation's <c>complied</c>).</summary>
    Discharged,

    /// <summary>Whether the duty was discharged in time is unknown (<c>discharge-unknown</c>).</summary>
    DischargeUnknown,

    /// <summary>The duty is not discharged and its deadline has not passed (<c>pending</c>).</summary>
    Pending,

    /// <summary>The duty was not discharged by its deadline (<c>deadline-passed</c>).</summary>
    DeadlinePassed,

    /// <summary>The duty is not discharged and its deadline cannot be determined (<c>deadline-unknown</c>).</summary>
    DeadlineUnknown,
}

/// <summary>
/// The status each basis decides: every <see cref="FindingStatus"/> an outcome rule concludes is written here, and the
/// code that reads an outcome's status (finding tests, reasons, explanations) asks these methods rather than naming one.
/// </summary>
internal static class Bases
{
    public static FindingStatus Status(this Basis basis) => basis switch
    {
        Basis.NoMatch or Basis.NotInForce or Basis.Scope or Basis.CarvedOut => FindingStatus.NotApplicable,
        Basis.NoBreach or Basis.Discharged or Basis.CarvedOutComplied => FindingStatus.Complied,
        Basis.Breach or Basis.DeadlinePassed => FindingStatus.Violated,
        Basis.Exception => FindingStatus.ExceptionApplies,
        Basis.Pending => FindingStatus.Pending,
        _ => FindingStatus.Undetermined,
    };

    /// <summary>Whether a finding on this basis is undetermined.</summary>
    public static bool IsUndetermined(this Basis basis) => basis.Status() == FindingStatus.Undetermined;

    /// <summary>
    /// What a finding test (<c>violated('P1a', a)</c>) reads of a finding on this basis: yes when it is violated,
    /// unknown (null) when it is undetermined, no otherwise.
    /// </summary>
    public static bool? Violates(this Basis basis) => basis.Status() switch
    {
        FindingStatus.Violated => true,
        FindingStatus.Undetermined => null,
        _ => false,
    };

    /// <summary>Whether the outcome was decided before the provision's applies-when was found to hold.</summary>
    public static bool IsEarly(this Basis basis) => basis is Basis.NoMatch or Basis.Existence or Basis.MatchUnknown or Basis.NotInForce or Basis.InForceUnknown or Basis.Scope or Basis.ScopeUnknown;
}
