namespace Timeline.Detection.Chain;

/// <summary>
/// What the builder decided about one host's intrusion before writing the chain: the entry, the
/// attacker's sessions, addresses and keys, the signals that belong to the chain (with the time each
/// is told at), the logons that came back, and the moves to and from other hosts.
/// </summary>
public sealed class AttackContext
{
    public required HostEvidence Host { get; init; }
    public EntryCandidate? Entry { get; set; }
    public IReadOnlyList<EntryCandidate> RunnersUp { get; set; } = [];
    public long? Start { get; set; }
    public long? End { get; set; }
    public List<(string User, long From, long To, Login Login)> Sessions { get; } = [];
    public HashSet<string> AttackerIps { get; } = new(StringComparer.Ordinal);
    public HashSet<string> AttackerKeys { get; } = new(StringComparer.Ordinal);
    public HashSet<string> AttackerUsers { get; } = new(StringComparer.Ordinal);
    public List<Login> Returns { get; } = [];
    /// <summary>Included signals and the instant each is placed at in the story (linked time for file-mtime entries).</summary>
    public List<(Signal Signal, long? Anchor)> Included { get; } = [];
    public IReadOnlyList<LateralMove> Inbound { get; set; } = [];
    public IReadOnlyList<LateralMove> Outbound { get; set; } = [];

    public bool Contains(Signal s) => Included.Any(i => ReferenceEquals(i.Signal, s));
}
