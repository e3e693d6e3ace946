namespace OrdinanceRules.Model;

/// <summary>The level of government a law comes from; a higher level's law prevails over a lower one's.</summary>
public enum JurisdictionLevel
{
    /// <summary>A city.</summary>
    City,

    /// <summary>A county or consolidated city-county.</summary>
    County,

    /// <summary>A state.</summary>
    State,

    /// <summary>The federal government.</summary>
    Federal,
}

/// <summary>The place whose law an ordinance is: a city or county, its state and its time zone.</summary>
/// <param name="Name">The jurisdiction's name, such as <c>Roeland Park</c>.</param>
/// <param name="State">The state, such as <c>Kansas</c>.</param>
/// <param name="TimeZone">The IANA time zone in which local times are read, such as <c>America/Chicago</c>.</param>
/// <param name="Level">The level of government; state and federal law prevail over local law in a law stack.</param>
public sealed record Jurisdiction(string Name, string State, string TimeZone, JurisdictionLevel Level = JurisdictionLevel.City)
{
    /// <summary>The rank used to order laws in a stack: local laws 0, state 1, federal 2.</summary>
    internal int Rank => Level switch
    {
        JurisdictionLevel.Federal => 2,
        JurisdictionLevel.State => 1,
        _ => 0,
    };
}
