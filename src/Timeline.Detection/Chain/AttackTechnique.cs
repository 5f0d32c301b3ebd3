namespace Timeline.Detection.Chain;

/// <summary>One MITRE ATT&amp;CK technique of <c>sigma/techniques.yml</c>: its id, name and where the name comes from.</summary>
public sealed record AttackTechnique(string Id, string Name, string Source);
