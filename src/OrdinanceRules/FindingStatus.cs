namespace OrdinanceRules;

/// <summary>The outcome of one provision for one matching set of facts.</summary>
public enum FindingStatus
{
    /// <summary>The provision was breached and no exception applies.</summary>
    Violated,

    /// <summary>The provision applies and was kept.</summary>
    Complied,

    /// <summary>The provision would have been breached (or its duty would have arisen), but an exception applies.</summary>
    ExceptionApplies,

    /// <summary>The provision does not apply to these facts.</summary>
    NotApplicable,

    /// <summary>An obligation not yet discharged whose deadline has not passed at the as-of instant.</summary>
    Pending,

    /// <summary>The outcome cannot be determined: it depends on facts the scenario marks unknown, each named.</summary>
    Undetermined,
}
