namespace Timeline.Core.Vocabulary;

/// <summary>One Sigma rule level (<c>level:</c> of the Sigma specification v2.1) and the colour the report gives its hits.</summary>
public sealed record RuleLevel(string Name, string Colour);
