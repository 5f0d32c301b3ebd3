namespace Timeline.Detection.Chain;

/// <summary>
/// The programs a host's audit log saw running, by PID, so an execution's parent (its <c>ppid</c>) can be
/// named: pid → (exe, comm, time, event). Every audited system call names its process's program, not only
/// execve: a web server's worker is forked, never executed, and is known by its other audited calls.
/// PIDs are reused, so the latest record of a PID wins, and a parent seen only after its child is no parent. Bounded: past <see cref="Max"/> PIDs the oldest are
/// forgotten (a parent that old is reported unknown, never wrong).
/// </summary>
public sealed class ProcessTable
{
    public const int Max = 65_536;

    private readonly Dictionary<string, ExecutedProcess> _byPid = new(StringComparer.Ordinal);
    private readonly Queue<(string Pid, long Ticks)> _order = new();

    public int Count => _byPid.Count;

    /// <summary>Records the program a PID runs (from now on, or still: the same program seen again).</summary>
    public void Runs(string pid, ExecutedProcess process)
    {
        if (_byPid.TryGetValue(pid, out var known) && known.Exe == process.Exe && known.Comm == process.Comm && known.Ticks <= process.Ticks) return;
        _byPid[pid] = process;
        _order.Enqueue((pid, process.Ticks));
        while (_order.Count > Max * 2 || _byPid.Count > Max)
        {
            var (old, at) = _order.Dequeue();
            if (_byPid.TryGetValue(old, out var p) && p.Ticks == at) _byPid.Remove(old);
        }
    }

    /// <summary>The program <paramref name="pid"/> ran at <paramref name="ticks"/> (its last execution not after then), or null.</summary>
    public ExecutedProcess? At(string pid, long ticks) => _byPid.TryGetValue(pid, out var p) && p.Ticks <= ticks ? p : null;
}

/// <summary>A process seen in the audit log: the program path, the kernel's task name, and when it was first seen running it.</summary>
public sealed record ExecutedProcess(string? Exe, string? Comm, long Ticks, string EventId)
{
    /// <summary>The program's base name (<c>/usr/sbin/nginx</c> → <c>nginx</c>), else the task name.</summary>
    public string? Name => Exe is { Length: > 0 } exe ? exe[(exe.LastIndexOf('/') + 1)..] : Comm;
}
