using Timeline.Core.Events;
using Timeline.Core.Ingest;
using Timeline.Core.Vocabulary;

namespace Timeline.Parsers.Live.Lsof;

/// <summary>
/// <c>lsof -nP</c> and <c>lsof -nP -i</c> (<see cref="LsofHeader"/> for the layout). A real lsof lists
/// 10^5 open files, nearly all ordinary (libraries, /dev/null, pipes), so only rows of note become
/// events:
/// <list type="bullet">
/// <item>network rows (TYPE <c>IPv4</c>/<c>IPv6</c>): <c>TCP 10.0.0.5:43210-&gt;1.2.3.4:3333 (ESTABLISHED)</c>,
/// <c>TCP *:22 (LISTEN)</c>, <c>UDP *:68</c> → <c>live_connection</c>/<c>live_listen</c>;</item>
/// <item>deleted files (<c>… (deleted)</c>; a deleted executable, FD <c>txt</c>, is a classic sign of a
/// dropped miner) and files under <c>/tmp</c>, <c>/var/tmp</c>, <c>/dev/shm</c> → <c>live_open_file</c>
/// with <c>path</c>, <c>exe</c> for <c>txt</c> rows, and <c>problem=deleted</c>.</item>
/// </list>
/// Every other row, and the per-thread copies of a process's rows (lsof 4.9x prints one per task, with
/// TID and TASKCMD), is counted and reported once (<see cref="SkippedRows"/>).
/// </summary>
public sealed class LsofParser : ILogParser
{
    private const string Deleted = " (deleted)";
    private static readonly string[] ScratchDirectories = ["/tmp/", "/var/tmp/", "/dev/shm/"];

    public string Name => ParserNames.LiveOpenFiles;

    public int Sniff(SniffSample sample)
    {
        if (sample.LooksBinary) return 0;
        for (var i = 0; i < sample.Lines.Count && i < 5; i++)
        {
            if (LsofHeader.TryRead(sample.Lines[i]) is not { } header) continue;
            int seen = 0, rows = 0;
            for (var j = i + 1; j < sample.Lines.Count; j++)
            {
                if (string.IsNullOrWhiteSpace(sample.Lines[j])) continue;
                seen++;
                if (LsofRow.Read(header, sample.Lines[j], out _) is not null) rows++;
            }
            return seen == 0 ? 40 : rows * 100 / seen >= 60 ? 92 : 0;
        }
        return 0;
    }

    public IEnumerable<EventRecord> Parse(EvidenceSource source, ParseContext context)
    {
        var skipped = new SkippedRows();
        LsofHeader? header = null;
        using var stream = source.OpenContent();
        foreach (var line in TextLineReader.Read(stream, context))
        {
            var text = line.Content;
            if (string.IsNullOrWhiteSpace(text)) continue;
            if (LsofHeader.TryRead(text) is { } next) { header = next; continue; }
            if (header is null)
            {
                context.Warn(line.Number, "line before the lsof header is not part of the table", text);
                continue;
            }
            var row = LsofRow.Read(header, text, out var problem);
            if (row is null)
            {
                context.Warn(line.Number, "not an lsof row: " + problem, text);
                continue;
            }
            if (row.Tid is not null)
            {
                skipped.Count("thread rows (copies of their process's rows)");
                continue;
            }
            var fields = row.Type is "IPv4" or "IPv6" ? Socket(row, line.Number, context) : OpenFile(row);
            if (fields is null)
            {
                skipped.Count(row.Type is "IPv4" or "IPv6" ? "network rows without an address" : "ordinary open files");
                continue;
            }
            yield return SnapshotEvent.Create(Name, source, context, line.Number, text, fields);
        }
        if (header is null) context.Warn(0, "no lsof header ('COMMAND PID … NAME') was found");
        skipped.Report(context);
    }

    // NAME of a network row: "127.0.0.1:34976->127.0.0.1:3333 (ESTABLISHED)", "*:45555 (LISTEN)", "*:68".
    private static FieldSet? Socket(LsofRow row, long line, ParseContext context)
    {
        var name = row.Name.AsSpan().Trim();
        string? state = null;
        if (name.EndsWith(")") && name.LastIndexOf(" (") is var open and > 0)
        {
            state = name[(open + 2)..^1].ToString();
            name = name[..open];
        }
        var arrow = name.IndexOf("->");
        var localText = arrow < 0 ? name : name[..arrow];
        if (!SocketEndpoint.TryParse(localText, out var local))
        {
            context.Warn(line, $"'{localText.ToString()}' is not an address:port", row.Name);
            return null;
        }
        SocketEndpoint? remote = null;
        if (arrow >= 0)
        {
            if (!SocketEndpoint.TryParse(name[(arrow + 2)..], out var peer))
            {
                context.Warn(line, $"'{name[(arrow + 2)..].ToString()}' is not an address:port", row.Name);
                return null;
            }
            remote = peer;
        }
        return SocketFields.Build(row.Node.ToLowerInvariant(), local, remote, state, row.Pid, row.Command, row.User);
    }

    private static FieldSet? OpenFile(LsofRow row)
    {
        var deleted = row.Name.EndsWith(Deleted, StringComparison.Ordinal);
        var path = deleted ? row.Name[..^Deleted.Length] : row.Name;
        var scratch = ScratchDirectories.Any(d => path.StartsWith(d, StringComparison.Ordinal));
        if (!deleted && !scratch) return null;
        return new FieldSet(9)
            .Set(FieldNames.Event, LiveStateEvents.OpenFile)
            .Set(FieldNames.Pid, row.Pid)
            .Set(FieldNames.Process, row.Command)
            .Set(FieldNames.User, row.User)
            .Set(FieldNames.Path, path)
            .Set(FieldNames.Exe, row.Fd == "txt" ? path : null)
            .Set(FieldNames.Problem, deleted ? "deleted" : null);
    }
}
