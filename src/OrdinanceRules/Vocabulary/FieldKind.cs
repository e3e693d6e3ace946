namespace OrdinanceRules.Vocabulary;

/// <summary>The kinds of value a fact's field can hold.</summary>
public enum FieldKind
{
    /// <summary>Free text.</summary>
    Text,

    /// <summary>Yes or no.</summary>
    YesNo,

    /// <summary>A decimal number.</summary>
    Number,

    /// <summary>A point in time; local times in a scenario are read in the jurisdiction's zone.</summary>
    Instant,

    /// <summary>An amount of elapsed time, such as 48 hours.</summary>
    Duration,

    /// <summary>One of a closed list of values.</summary>
    Enumeration,

    /// <summary>A set of values from a closed list (for example an action's purposes).</summary>
    EnumerationSet,

    /// <summary>A reference to another fact of a named type, by its id.</summary>
    Reference,

    /// <summary>A set of references to facts of one named type, by their ids (for example the documents an act was based on).</summary>
    ReferenceSet,
}
