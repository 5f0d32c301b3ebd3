using Timeline.Core.Events;
using Timeline.Core.Ingest;
using Timeline.Core.Vocabulary;

namespace Timeline.Parsers.Live.Netstat;

/// <summary>
/// <c>netstat -anp</c> / <c>-tanp</c> / <c>-tunap</c> from Debian's net-tools:
/// <code>
/// Active Internet connections (servers and established)
/// Proto Recv-Q Send-Q Local Address           Foreign Address         State       PID/Program name
/// tcp        0      0 0.0.0.0:22              0.0.0.0:*               LISTEN      612/sshd: /usr/sbin
/// udp        0      0 0.0.0.0:68              0.0.0.0:*                           455/dhclient
/// tcp6       0      0 :::22                   :::*                    LISTEN      -
/// Active UNIX domain sockets (servers and established)
/// Proto RefCnt Flags       Type       State         I-Node   PID/Program name     Path
/// unix  2      [ ACC ]     STREAM     LISTENING     1366049  18848/timeline       /tmp/x.sock
/// </code>
/// Inet rows become <c>live_connection</c>/<c>live_listen</c>; UDP and raw rows have no state cell.
/// <c>-</c> in <c>PID/Program name</c> means netstat could not see the owner (not root). The program
/// name is the process's comm, cut by netstat, and may contain spaces (<c>sshd: /usr/sbin</c>): it is the
/// rest of the line. The unix-socket section is counted, not made events (<see cref="SkippedRows"/>).
/// Without <c>-W</c> netstat cuts long IPv6 addresses to the column width; such a cell is kept as printed
/// only when it still parses, otherwise the row gets a warning.
/// </summary>
public sealed class NetstatParser : ILogParser
{
    private static readonly HashSet<string> InetProtocols = new(StringComparer.Ordinal) { "tcp", "tcp6", "udp", "udp6", "udpl", "udpl6", "raw", "raw6", "sctp", "sctp6" };
    private static readonly HashSet<string> OtherProtocols = new(StringComparer.Ordinal) { "unix", "ax25", "ipx", "netrom", "x25", "ddp", "bluetooth" };

    public string Name => ParserNames.LiveNetstat;

    public int Sniff(SniffSample sample)
    {
        if (sample.LooksBinary) return 0;
        int header = -1, seen = 0, rows = 0;
        for (var i = 0; i < sample.Lines.Count; i++)
        {
            var line = sample.Lines[i];
            if (string.IsNullOrWhiteSpace(line) || IsSectionTitle(line)) continue;
            if (IsHeader(line)) { header = header < 0 ? i : header; continue; }
            if (header < 0) continue;
            seen++;
            if (Read(line, out _) is not null || IsOtherSection(line)) rows++;
        }
        if (header < 0 || header > 5) return 0;
        return seen == 0 ? 40 : rows * 100 / seen >= 60 ? 92 : 0;
    }

    public IEnumerable<EventRecord> Parse(EvidenceSource source, ParseContext context)
    {
        var skipped = new SkippedRows();
        var inTable = false;
        using var stream = source.OpenContent();
        foreach (var line in TextLineReader.Read(stream, context))
        {
            var text = line.Content;
            if (string.IsNullOrWhiteSpace(text) || IsSectionTitle(text)) continue;
            if (IsHeader(text)) { inTable = true; continue; }
            if (IsOtherSection(text))
            {
                skipped.Count(FirstWord(text) + " socket rows");
                continue;
            }
            if (!inTable)
            {
                context.Warn(line.Number, "line before the netstat header is not part of the table", text);
                continue;
            }
            var fields = Read(text, out var problem);
            if (fields is null)
            {
                context.Warn(line.Number, "not a netstat row: " + problem, text);
                continue;
            }
            yield return SnapshotEvent.Create(Name, source, context, line.Number, text, fields);
        }
        skipped.Report(context);
    }

    private static bool IsSectionTitle(string line) => line.StartsWith("Active ", StringComparison.Ordinal);

    private static bool IsHeader(string line) => line.StartsWith("Proto ", StringComparison.Ordinal) && line.Contains("Recv-Q", StringComparison.Ordinal) || line.StartsWith("Proto RefCnt", StringComparison.Ordinal);

    private static bool IsOtherSection(string line) => OtherProtocols.Contains(FirstWord(line));

    private static string FirstWord(string line)
    {
        var tokens = new RowTokens(line);
        return tokens.Next(out var word) ? word.ToString() : "";
    }

    private static FieldSet? Read(string line, out string? problem)
    {
        problem = null;
        var tokens = new RowTokens(line);
        if (!tokens.Next(out var proto) || !tokens.Next(out var recv) || !tokens.Next(out var send)
            || !tokens.Next(out var local) || !tokens.Next(out var foreign))
        {
            problem = "the row is cut short";
            return null;
        }
        var protoText = proto.ToString();
        if (!InetProtocols.Contains(protoText)) { problem = $"'{protoText}' is not a protocol netstat lists"; return null; }
        if (!int.TryParse(recv, out _) || !int.TryParse(send, out _)) { problem = "Recv-Q/Send-Q are not numbers"; return null; }
        if (!SocketEndpoint.TryParse(local, out var localEnd)) { problem = $"'{local.ToString()}' is not an address:port"; return null; }
        if (!SocketEndpoint.TryParse(foreign, out var foreignEnd)) { problem = $"'{foreign.ToString()}' is not an address:port"; return null; }
        // State: a word of capitals (LISTEN, ESTABLISHED, TIME_WAIT, 7 for raw); UDP rows often have none.
        var afterAddresses = tokens.Position;
        string? state = null;
        if (tokens.Next(out var cell) && !IsOwner(cell)) state = cell.ToString();
        else tokens = new RowTokens(line, afterAddresses);
        var owner = tokens.Rest().TrimEnd();
        string? pid = null, program = null;
        var slash = owner.IndexOf('/');
        if (slash > 0 && int.TryParse(owner[..slash], out _))
        {
            pid = owner[..slash].ToString();
            program = owner[(slash + 1)..].TrimEnd().ToString();
        }
        else if (!owner.IsEmpty && owner is not "-") { problem = $"'{owner.ToString()}' is not PID/Program name"; return null; }
        var transport = protoText.TrimEnd('6');
        return SocketFields.Build(transport, localEnd, foreignEnd, state, pid, program);
    }

    // The PID/Program name cell: "1234/sshd" or "-" (owner unknown).
    private static bool IsOwner(ReadOnlySpan<char> cell)
    {
        if (cell is "-") return true;
        var slash = cell.IndexOf('/');
        return slash > 0 && int.TryParse(cell[..slash], out _);
    }
}
