namespace Timeline.Parsers.Linux.LoginRecords;

/// <summary>
/// Pairs a logout (DEAD_PROCESS) with the login (USER_PROCESS) it ends, the way <c>last</c> does: by
/// terminal line — the latest open login on that line. A DEAD_PROCESS record usually has an empty
/// user name, so the pairing gives the logout its user and the session its duration. A boot ends
/// every open session (the machine went down without logouts being written). Bounded: a wtmp of
/// millions of logins without logouts keeps at most <see cref="MaxOpen"/> open sessions, the oldest
/// forgotten first.
/// </summary>
public sealed class LoginSessions
{
    public const int MaxOpen = 65_536;

    public sealed record Open(string User, long? Ticks, int Pid, long Record);

    private readonly Dictionary<string, Open> _open = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();

    public void Begin(string line, Open login)
    {
        if (!_open.ContainsKey(line) && _open.Count >= MaxOpen) Forget();
        if (_open.TryAdd(line, login))
        {
            _order.Enqueue(line);
            // Lines whose login ended stay queued until forgotten; rebuild when they dominate.
            if (_order.Count > 2 * MaxOpen) Rebuild();
        }
        else _open[line] = login;
    }

    /// <summary>The open login on <paramref name="line"/>, removed; null when none.</summary>
    public Open? End(string line) => _open.Remove(line, out var login) ? login : null;

    public void Reboot() { _open.Clear(); _order.Clear(); }

    private void Rebuild()
    {
        var live = _order.Where(_open.ContainsKey).Distinct(StringComparer.Ordinal).ToList();
        _order.Clear();
        foreach (var line in live) _order.Enqueue(line);
    }

    private void Forget()
    {
        while (_order.TryDequeue(out var line))
        {
            if (_open.Remove(line)) return;
        }
    }
}
