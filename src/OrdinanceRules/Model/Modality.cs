namespace OrdinanceRules.Model;

/// <summary>The deontic kind of a provision: what it asks of whom it binds.</summary>
public enum Modality
{
    /// <summary>Conduct that must not happen ("shall not"). Violated when the conduct happens and no exception applies.</summary>
    Prohibition,

    /// <summary>Conduct that must happen, usually by a deadline ("shall ... within 48 hours").</summary>
    Obligation,

    /// <summary>Conduct that is allowed ("may"). Violated only when someone is penalized for it or prevented from it.</summary>
    Permission,

    /// <summary>
    /// A liberty: conduct that is not required ("is not obligated to"). Doing it voluntarily does not
    /// violate the provision; treating someone as obligated to do it does.
    /// </summary>
    NonObligation,
}
