namespace Timeline.Detection.Sigma.Matching;

/// <summary>A literal that must occur in a field (or, with a null field, in the keyword texts).</summary>
public sealed record Needle(string? Field, string Text);
