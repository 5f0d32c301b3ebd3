namespace Timeline.Detection.Chain;

/// <summary>
/// A process of the live state that <see cref="LiveMinerFinder"/> lists: its merged row (or, for a
/// connection to a pool whose process row is missing, just the PID and name the socket tool gave), the
/// signs (each one <c>why</c>), whether they make it a miner, its connections worth listing and the
/// signal it raised in the chain.
/// </summary>
public sealed class LiveSuspect
{
    public required int Pid { get; init; }
    public LiveProcessRow? Row { get; init; }
    /// <summary>The program's name: comm, else the base name of the command's program, brackets removed.</summary>
    public required string Name { get; init; }
    /// <summary>The executable's path without the <c> (deleted)</c> suffix, when known.</summary>
    public string? ExePath { get; init; }
    public bool ExeDeleted { get; init; }
    public required List<string> Signs { get; init; }
    /// <summary>True when a sign is one of a miner (pool, stratum, wallet, miner name or options), not only of hiding.</summary>
    public bool MinerSign { get; init; }
    public bool Mining { get; init; }
    /// <summary>Why its kernel-thread name is a disguise, when it has one.</summary>
    public string? Masquerade { get; init; }
    /// <summary>Cron lines, cron jobs and systemd units that start its program (they restart it after a kill).</summary>
    public List<Signal> Restarters { get; } = [];
    public List<(LiveConnectionRow Connection, string Why)> Connections { get; } = [];
    /// <summary>The event ids of the rows behind it (process rows, deleted-file rows).</summary>
    public List<string> EventIds { get; } = [];
    public Signal? Signal { get; set; }

    public string Command => Row?.Command ?? Row?.Name ?? Name;
    public string Why => string.Join("; ", Signs);
}
