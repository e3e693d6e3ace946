namespace OrdinanceRules.Model;

/// <summary>The place whose law an ordinance is: a city or county, its state and its time zone.</summary>
/// <param name="Name">The jurisdiction's name, such as <c>Roeland Park</c>.</param>
/// <param name="State">The state, such as <c>Kansas</c>.</param>
/// <param name="TimeZone">The IANA time zone in which local times are read, such as <c>America/Chicago</c>.</param>
public sealed record Jurisdiction(string Name, string State, string TimeZone);
