using Timeline.Core.Findings;

namespace Timeline.Detection.Chain;

/// <summary>An entry point under consideration, with the logon or signal behind it.</summary>
public sealed record EntryCandidate(EntryPoint Point, Login? Login, Signal? Signal);
