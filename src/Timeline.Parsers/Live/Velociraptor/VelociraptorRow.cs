using System.Globalization;
using System.Text.Json;
using Timeline.Core.Events;
using Timeline.Core.Vocabulary;

namespace Timeline.Parsers.Live.Velociraptor;

/// <summary>
/// One row of a Velociraptor result file, told by its column names (the artifact's <c>SELECT</c>),
/// turned into the fields <c>live/ps</c> and <c>live/ss</c> give the same facts:
/// <list type="bullet">
/// <item><c>Linux.Sys.Pslist</c>: <c>Pid, Ppid, Name, CommandLine, Exe, Hash, Username, CreateTime, RSS, Deleted</c>;
///   <c>Generic.System.Pstree</c>: <c>Pid, Ppid, Name, Username, Exe, CommandLine, StartTime, …</c> →
///   <c>live_process</c> (<c>problem=deleted</c> when <c>Deleted</c> is true or the exe ends in <c>(deleted)</c>).</item>
/// <item><c>Linux.Network.NetstatEnriched</c>: <c>Laddr, Lport, Raddr, Rport, Pid, Status, ProcInfo{Name, Username, Exe, CommandLine}</c>
///   (the <c>connections()</c> plugin: <c>Status</c> <c>ESTABLISHED</c>/<c>LISTEN</c>/…).</item>
/// <item><c>Linux.Network.Netstat</c> (sources <c>TCP4</c>, <c>TCP6</c>): <c>State, uid, ProcessInfo{Pid, Command, CommandLine},
///   LocalAddr, LocalPort, RemoteAddr, RemotePort</c> (<c>State</c> <c>Established</c>/<c>Listening</c>/<c>Syn Sent</c>/<c>Time Wait</c>).</item>
/// </list>
/// Both socket shapes → <c>live_connection</c>/<c>live_listen</c> (<see cref="SocketFields"/>); states are
/// written as ss writes them (<c>ESTAB</c>, <c>LISTEN</c>, <c>TIME-WAIT</c>) so one rule reads both tools.
/// Every value is the attacker's: taken as text, whatever its JSON type; an object or array where a
/// string belongs is not a value (null).
/// </summary>
public static class VelociraptorRow
{
    public enum Shape
    {
        None,
        Process,
        EnrichedSocket,
        ProcSocket,
    }

    public static Shape Classify(JsonElement row)
    {
        if (row.ValueKind != JsonValueKind.Object) return Shape.None;
        if (Has(row, "Laddr") && Has(row, "Lport")) return Shape.EnrichedSocket;
        if (Has(row, "LocalAddr") && Has(row, "LocalPort")) return Shape.ProcSocket;
        if (Has(row, "Pid") && (Has(row, "Ppid") || Has(row, "CommandLine") || Has(row, "Exe"))) return Shape.Process;
        return Shape.None;
    }

    /// <summary>The row's fields; null with a problem when a socket row's addresses are not addresses.</summary>
    public static FieldSet? Fields(JsonElement row, Shape shape, out string? problem)
    {
        problem = null;
        switch (shape)
        {
            case Shape.Process:
                return Process(row);
            case Shape.EnrichedSocket:
            {
                var info = Child(row, "ProcInfo");
                var (exe, deleted) = Executable(Text(info, "Exe"), false);
                return Socket(row, Text(row, "Laddr"), Text(row, "Lport"), Text(row, "Raddr"), Text(row, "Rport"), Text(row, "Status"),
                    Text(row, "Pid") ?? Text(info, "Pid"), Text(info, "Name"), Text(info, "Username"), out problem)
                    ?.Set(FieldNames.Exe, exe).Set(FieldNames.Problem, deleted ? "deleted" : null);
            }
            case Shape.ProcSocket:
            {
                var info = Child(row, "ProcessInfo");
                return Socket(row, Text(row, "LocalAddr"), Text(row, "LocalPort"), Text(row, "RemoteAddr"), Text(row, "RemotePort"), Text(row, "State"),
                    Text(info, "Pid"), Text(info, "Command")?.TrimEnd('\n'), null, out problem);
            }
            default:
                problem = "not a process or socket row";
                return null;
        }
    }

    private static FieldSet Process(JsonElement row)
    {
        var (exe, deleted) = Executable(Text(row, "Exe"), row.TryGetProperty("Deleted", out var d) && d.ValueKind == JsonValueKind.True);
        var name = Text(row, "Name");
        return new FieldSet(10)
            .Set(FieldNames.Event, LiveStateEvents.Process)
            .Set(FieldNames.Pid, Text(row, "Pid"))
            .Set(FieldNames.Ppid, Text(row, "Ppid"))
            .Set(FieldNames.User, Text(row, "Username"))
            .Set(FieldNames.Started, Text(row, "CreateTime") ?? Text(row, "StartTime"))
            .Set(FieldNames.Command, Blank(Text(row, "CommandLine")))
            .Set(FieldNames.Exe, exe)
            .Set(FieldNames.Process, Blank(name) ?? (exe is null ? null : exe[(exe.LastIndexOf('/') + 1)..]))
            .Set(FieldNames.Problem, deleted ? "deleted" : null);
    }

    /// <summary>The kernel appends <c> (deleted)</c> to <c>/proc/&lt;pid&gt;/exe</c> of an executable removed while running (how a dropped miner hides).</summary>
    private static (string? Exe, bool Deleted) Executable(string? exe, bool deleted)
    {
        const string suffix = " (deleted)";
        if (exe is not null && exe.EndsWith(suffix, StringComparison.Ordinal)) return (Blank(exe[..^suffix.Length]), true);
        return (Blank(exe), deleted);
    }

    private static FieldSet? Socket(JsonElement row, string? localIp, string? localPort, string? remoteIp, string? remotePort, string? state,
        string? pid, string? process, string? user, out string? problem)
    {
        problem = null;
        if (!Endpoint(localIp, localPort, out var local)) { problem = $"local '{localIp}:{localPort}' is not an address:port"; return null; }
        SocketEndpoint? remote = null;
        if (remoteIp is not null || remotePort is not null)
        {
            if (!Endpoint(remoteIp, remotePort, out var r)) { problem = $"remote '{remoteIp}:{remotePort}' is not an address:port"; return null; }
            remote = r;
        }
        var ssState = SsState(state);
        return SocketFields.Build(Protocol(row, ssState), local, remote, ssState, pid, Blank(process), Blank(user));
    }

    /// <summary>TCP4/TCP6 sources and the connections() <c>Type</c> say the family; else the TCP-only states do.</summary>
    private static string? Protocol(JsonElement row, string? state)
    {
        var type = Text(row, "Type");
        if (!string.IsNullOrEmpty(type)) return type.TrimEnd('4', '6').ToLowerInvariant();
        return state is "ESTAB" or "LISTEN" or "SYN-SENT" or "SYN-RECV" or "TIME-WAIT" or "CLOSE-WAIT" or "FIN-WAIT-1" or "FIN-WAIT-2" or "LAST-ACK" or "CLOSING" ? "tcp" : null;
    }

    /// <summary><c>ESTABLISHED</c>/<c>Established</c> → <c>ESTAB</c>, <c>Listening</c> → <c>LISTEN</c>, <c>Time Wait</c>/<c>TIME_WAIT</c> → <c>TIME-WAIT</c>.</summary>
    private static string? SsState(string? state)
    {
        if (string.IsNullOrWhiteSpace(state)) return null;
        var upper = state.Trim().ToUpperInvariant().Replace('_', '-').Replace(' ', '-');
        return upper switch
        {
            "ESTABLISHED" => "ESTAB",
            "LISTENING" => "LISTEN",
            "SYN-RECEIVED" => "SYN-RECV",
            "FIN-WAIT1" => "FIN-WAIT-1",
            "FIN-WAIT2" => "FIN-WAIT-2",
            _ => upper,
        };
    }

    private static bool Endpoint(string? ip, string? port, out SocketEndpoint endpoint)
    {
        endpoint = default;
        if (string.IsNullOrEmpty(ip) || string.IsNullOrEmpty(port)) return false;
        var text = ip.Contains(':', StringComparison.Ordinal) ? $"[{ip}]:{port}" : $"{ip}:{port}";
        return SocketEndpoint.TryParse(text, out endpoint);
    }

    private static bool Has(JsonElement row, string name) => row.TryGetProperty(name, out _);

    private static JsonElement Child(JsonElement row, string name) =>
        row.TryGetProperty(name, out var child) && child.ValueKind == JsonValueKind.Object ? child : default;

    /// <summary>A string as is, a number or boolean as its JSON text; anything else (null, object, array, absent) is no value.</summary>
    private static string? Text(JsonElement row, string name)
    {
        if (row.ValueKind != JsonValueKind.Object || !row.TryGetProperty(name, out var value)) return null;
        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.TryGetInt64(out var n) ? n.ToString(CultureInfo.InvariantCulture) : value.GetRawText(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => null,
        };
    }

    private static string? Blank(string? text) => string.IsNullOrEmpty(text) ? null : text;
}
