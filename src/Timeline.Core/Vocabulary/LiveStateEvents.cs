namespace Timeline.Core.Vocabulary;

/// <summary>
/// The <c>event</c> values of the live-state parsers (<c>live/*</c>): rows of the command outputs a
/// triage collector saved at collection time. Every such event carries <see cref="Events.TimeQuality.Snapshot"/>.
/// </summary>
public static class LiveStateEvents
{
    /// <summary>A running process (ps, top, UAC proc/&lt;pid&gt;): pid, ppid, user, cpu, mem, command, exe.</summary>
    public const string Process = "live_process";
    /// <summary>A connected socket (ss, netstat, lsof): proto, local/remote ip and port, state, pid, process.</summary>
    public const string Connection = "live_connection";
    /// <summary>A listening socket.</summary>
    public const string Listen = "live_listen";
    /// <summary>An open file of note (lsof: a deleted executable or file, a file under /tmp).</summary>
    public const string OpenFile = "live_open_file";
    /// <summary>A login session from <c>last</c> output.</summary>
    public const string Login = "live_login";
    /// <summary>A failed login from <c>lastb</c> output.</summary>
    public const string FailedLogin = "live_failed_login";
    /// <summary>A loaded unit from <c>systemctl list-units</c>.</summary>
    public const string Unit = "live_unit";
    /// <summary>A timer from <c>systemctl list-timers</c>.</summary>
    public const string Timer = "live_timer";
}
