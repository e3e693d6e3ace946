namespace OrdinanceRules.Model;

/// <summary>
/// What a carve-out makes of conduct it takes out of a provision: a permission or scope clause that narrows a
/// prohibition (or a duty) says that what it permits is outside it, where an exception only defeats a breach.
/// </summary>
public enum CarveOutOutcome
{
    /// <summary>The conduct is outside the provision: the finding is NotApplicable.</summary>
    NotApplicable,

    /// <summary>The text says the conduct complies with the provision: the finding is Complied.</summary>
    Complied,
}
