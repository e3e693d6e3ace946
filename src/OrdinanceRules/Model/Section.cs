namespace OrdinanceRules.Model;

/// <summary>A section of an ordinance: its number, heading and text.</summary>
/// <param name="Number">The section's number as cited, such as <c>§ 3</c>.</param>
/// <param name="Heading">The heading.</param>
/// <param name="Text">The section's text.</param>
public sealed record Section(string Number, string Heading, string Text);
