using Timeline.Core.Events;
using Timeline.Core.Ingest;
using Timeline.Core.Vocabulary;

namespace Timeline.Parsers.Live.Ss;

/// <summary>
/// <c>ss -tanp</c> / <c>-tunap</c> / <c>-anp</c> (iproute2): header
/// <c>[Netid] State Recv-Q Send-Q Local Address:Port Peer Address:Port Process</c>, then one row per
/// socket: <c>ESTAB 0 0 10.0.0.5:43210 1.2.3.4:3333 users:(("xmrig",pid=1234,fd=5))</c>.
/// <c>Netid</c> is printed only when several socket families are listed; without it the family is
/// <c>tcp</c>, or <c>udp</c> for <c>UNCONN</c> rows (TCP has no such state). Older ss (CentOS 7) prints
/// no <c>Process</c> header but the same rows. Rows of inet sockets become <c>live_connection</c> or
/// <c>live_listen</c> (<see cref="SocketFields"/>); unix, netlink and packet sockets (<c>ss -a</c>)
/// and the indented detail lines of <c>-i</c>/<c>-e</c> are counted (<see cref="SkippedRows"/>).
/// </summary>
public sealed class SsParser : ILogParser
{
    private static readonly HashSet<string> States = new(StringComparer.Ordinal)
    {
        "ESTAB", "LISTEN", "UNCONN", "SYN-SENT", "SYN-RECV", "FIN-WAIT-1", "FIN-WAIT-2", "TIME-WAIT",
        "CLOSE-WAIT", "LAST-ACK", "CLOSING", "CLOSED", "UNKNOWN",
    };

    private static readonly HashSet<string> InetNetids = new(StringComparer.Ordinal) { "tcp", "udp", "raw", "sctp", "mptcp", "dccp" };

    public string Name => ParserNames.LiveSockets;

    public int Sniff(SniffSample sample)
    {
        if (sample.LooksBinary) return 0;
        for (var i = 0; i < sample.Lines.Count && i < 5; i++)
        {
            if (!IsHeader(sample.Lines[i], out var netid)) continue;
            int seen = 0, rows = 0;
            for (var j = i + 1; j < sample.Lines.Count; j++)
            {
                if (string.IsNullOrWhiteSpace(sample.Lines[j]) || char.IsWhiteSpace(sample.Lines[j][0])) continue;
                seen++;
                if (IsRow(sample.Lines[j], netid)) rows++;
            }
            return seen == 0 ? 40 : rows * 100 / seen >= 60 ? 92 : 0;
        }
        return 0;
    }

    public IEnumerable<EventRecord> Parse(EvidenceSource source, ParseContext context)
    {
        var skipped = new SkippedRows();
        bool? netid = null;
        using var stream = source.OpenContent();
        foreach (var line in TextLineReader.Read(stream, context))
        {
            var text = line.Content;
            if (string.IsNullOrWhiteSpace(text)) continue;
            if (IsHeader(text, out var hasNetid)) { netid = hasNetid; continue; }
            if (netid is null)
            {
                context.Warn(line.Number, "line before the ss header is not part of the table", text);
                continue;
            }
            if (char.IsWhiteSpace(text[0]) && !IsRow(text, netid.Value))
            {
                skipped.Count("detail lines (-i/-e/-m)");
                continue;
            }
            var fields = Read(text, netid.Value, out var problem, out var family);
            if (fields is null)
            {
                if (problem is null) skipped.Count(family + " sockets");
                else context.Warn(line.Number, "not an ss row: " + problem, text);
                continue;
            }
            yield return SnapshotEvent.Create(Name, source, context, line.Number, text, fields);
        }
        skipped.Report(context);
    }

    private static bool IsHeader(string line, out bool netid)
    {
        var trimmed = line.AsSpan().TrimStart();
        netid = trimmed.StartsWith("Netid");
        return (netid || trimmed.StartsWith("State")) && line.Contains("Recv-Q", StringComparison.Ordinal) && line.Contains("Local Address", StringComparison.Ordinal);
    }

    private static bool IsRow(string line, bool netid) => Read(line, netid, out var problem, out _) is not null || problem is null;

    /// <summary>The row's fields; null with a problem (not a row) or without one (a socket family that is counted, not an event).</summary>
    private static FieldSet? Read(string line, bool hasNetid, out string? problem, out string family)
    {
        problem = null;
        family = "";
        var tokens = new RowTokens(line);
        ReadOnlySpan<char> netid = default;
        if (hasNetid && !tokens.Next(out netid)) { problem = "empty row"; return null; }
        if (!tokens.Next(out var state) || !tokens.Next(out var recv) || !tokens.Next(out var send)
            || !tokens.Next(out var local) || !tokens.Next(out var peer))
        {
            problem = "the row is cut short";
            return null;
        }
        var stateText = state.ToString();
        if (!States.Contains(stateText)) { problem = $"'{stateText}' is not a socket state"; return null; }
        if (!IsCount(recv) || !IsCount(send)) { problem = "Recv-Q/Send-Q are not numbers"; return null; }
        var proto = hasNetid ? netid.ToString() : stateText == "UNCONN" ? "udp" : "tcp";
        if (!InetNetids.Contains(proto))
        {
            family = proto;
            return null;
        }
        if (!SocketEndpoint.TryParse(local, out var localEnd)) { problem = $"'{local.ToString()}' is not an address:port"; return null; }
        if (!SocketEndpoint.TryParse(peer, out var peerEnd)) { problem = $"'{peer.ToString()}' is not an address:port"; return null; }
        var (process, pid) = SsProcesses.First(tokens.Rest());
        return SocketFields.Build(proto, localEnd, peerEnd, stateText, pid, process);
    }

    private static bool IsCount(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty) return false;
        foreach (var c in text) if (c is < '0' or > '9') return false;
        return true;
    }
}
