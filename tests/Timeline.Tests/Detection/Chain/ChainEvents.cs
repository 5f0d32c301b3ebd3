using Timeline.Core.Events;

namespace Timeline.Tests.Detection.Chain;

/// <summary>Inline events shaped like the parsers' output (Linux) and the EVTX reader's (Windows), in time order.</summary>
internal sealed class ChainEvents
{
    private readonly List<EventRecord> _events = [];
    private long _position;
    public static readonly DateTime T0 = new(2024, 6, 1, 10, 0, 0, DateTimeKind.Utc);

    public IReadOnlyList<EventRecord> Events => _events.OrderBy(e => e.SortTicks ?? long.MaxValue).ThenBy(e => e.Origin.Position).ToList();

    public EventRecord Add(string host, string parser, double minutes, string message, params (string Key, string Value)[] fields) =>
        Add(host, parser, T0.AddMinutes(minutes).Ticks, TimeQuality.Exact, message, fields);

    public EventRecord Add(string host, string parser, long? ticks, TimeQuality quality, string message, params (string Key, string Value)[] fields) =>
        Add(host, parser, ticks, quality, message, null, fields);

    /// <summary>An event from a named evidence file (its own hash) at a given record number, as the binary-record parsers number them.</summary>
    public EventRecord AddRecord(string host, string parser, string file, long record, double minutes, string message, params (string Key, string Value)[] fields) =>
        Add(host, parser, T0.AddMinutes(minutes).Ticks, TimeQuality.Exact, message,
            new Origin($"/evidence/{host}/{file}", Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(host + "/" + file))).ToLowerInvariant(), record, PositionKind.Record), fields);

    private EventRecord Add(string host, string parser, long? ticks, TimeQuality quality, string message, Origin? origin, (string Key, string Value)[] fields)
    {
        var set = new FieldSet();
        foreach (var (k, v) in fields) set.Set(k, v);
        var e = new EventRecord
        {
            Ticks = ticks,
            SortTicks = ticks,
            TimeQuality = quality,
            Host = host,
            Parser = parser,
            Message = message,
            Fields = set,
            Origin = origin ?? new Origin($"/evidence/{host}/{parser.Replace('/', '_')}.log", new string('c', 64), ++_position),
        };
        _events.Add(e);
        return e;
    }

    public void Failures(string host, string ip, double fromMinutes, int count, params string[] users)
    {
        for (var i = 0; i < count; i++)
            Add(host, "linux/auth", fromMinutes + i * 0.1, $"Failed password for {users[i % users.Length]} from {ip} port {40000 + i} ssh2",
                ("event", "ssh_failed"), ("user", users[i % users.Length]), ("src_ip", ip), ("pid", (2000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    public EventRecord Accepted(string host, double minutes, string user, string ip, string method = "password", string? fp = null, string pid = "4242") =>
        fp is null
            ? Add(host, "linux/auth", minutes, $"Accepted {method} for {user} from {ip} port 50000 ssh2", ("event", "ssh_accepted"), ("user", user), ("src_ip", ip), ("auth_method", method), ("pid", pid))
            : Add(host, "linux/auth", minutes, $"Accepted {method} for {user} from {ip} port 50000 ssh2: RSA {fp}", ("event", "ssh_accepted"), ("user", user), ("src_ip", ip), ("auth_method", method), ("key_fp", fp), ("pid", pid));

    public EventRecord History(string host, double minutes, string user, string command) =>
        Add(host, "linux/bash-history", minutes, command, ("user", user), ("command", command));

    public EventRecord CronCmd(string host, double minutes, string user, string command) =>
        Add(host, "linux/cron", minutes, $"({user}) CMD ({command})", ("event", "cron_cmd"), ("cron_user", user), ("command", command));

    public EventRecord Windows(string host, double minutes, string eventId, string kind, params (string Key, string Value)[] fields) =>
        Add(host, "windows/evtx", minutes, $"EventID {eventId}", [("Channel", eventId is "7045" or "104" ? "System" : "Security"), ("EventID", eventId), ("event", kind), .. fields]);
}
