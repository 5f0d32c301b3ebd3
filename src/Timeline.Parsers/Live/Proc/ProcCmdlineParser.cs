using System.Text;
using System.Text.RegularExpressions;
using Timeline.Core.Events;
using Timeline.Core.Ingest;
using Timeline.Core.Limits;
using Timeline.Core.Vocabulary;

namespace Timeline.Parsers.Live.Proc;

/// <summary>
/// UAC's per-process command line (<c>artifacts/live_response/process/procfs_information.yaml</c>, Linux:
/// <c>cat /proc/%line%/cmdline</c> into <c>live_response/process/proc/&lt;pid&gt;/cmdline.txt</c>): the raw
/// <c>/proc/&lt;pid&gt;/cmdline</c>, the arguments each ended by a NUL, no newline. One <c>live_process</c>
/// with the pid and <c>command</c> = the arguments joined by spaces (as ps prints them).
/// <para>
/// <b>Why the path decides here.</b> The content is a few NUL-separated words that no content rule can tell
/// from any other short text, and the pid is only in the path. <see cref="ILogParser.Sniff"/> lets the file
/// name break ties only where content alone cannot tell — this is such a case, as rc.local is: the parser
/// claims a file only when <b>both</b> its path is <c>…/proc/&lt;pid&gt;/cmdline.txt</c> (or that path
/// flattened: <c>proc_&lt;pid&gt;_cmdline.txt</c>, <c>proc-&lt;pid&gt;-cmdline</c>, <c>%2Fproc%2F&lt;pid&gt;%2Fcmdline</c>) and
/// its content reads as a command line (one record: printable text, NUL-separated, no line breaks but a last
/// one). A file elsewhere, or text with lines, is left to the other parsers.
/// </para>
/// <para>
/// The bytes are the attacker's (argv can be rewritten): read up to <see cref="Bounds.LineBytes"/> (the rest
/// is warned, not read), decoded as UTF-8 with replacement, control characters kept as data. An empty
/// file (a kernel thread has no command line) gives no event.
/// </para>
/// </summary>
public sealed partial class ProcCmdlineParser : ILogParser
{
    public string Name => ParserNames.LiveProcCmdline;

    public int Sniff(SniffSample sample)
    {
        if (Pid(sample.Path) is null || sample.Head.Length == 0 || sample.LooksBinary) return 0;
        var head = sample.Head.AsSpan();
        var end = head.Length;
        if (head[^1] == (byte)'\n') end--;
        if (head[..end].IndexOfAny((byte)'\n', (byte)'\r') >= 0) return 0;
        return 90;
    }

    public IEnumerable<EventRecord> Parse(EvidenceSource source, ParseContext context)
    {
        var pid = Pid(source.Path);
        if (pid is null)
        {
            context.Warn(0, "the path does not name a /proc/<pid>/cmdline file: the pid is unknown, no event");
            yield break;
        }
        var buffer = new byte[Bounds.LineBytes];
        int read;
        bool more;
        using (var stream = source.OpenContent())
        {
            read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
            more = read == buffer.Length && stream.ReadByte() >= 0;
        }
        if (more) context.Warn(1, $"the command line is longer than {Bounds.LineBytes:N0} bytes: the rest is not read");
        var bytes = buffer.AsSpan(0, read);
        if (bytes.Length > 0 && bytes[^1] == (byte)'\n') bytes = bytes[..^1];
        if (bytes.Length > 0 && bytes[^1] == 0) bytes = bytes[..^1];
        if (bytes.Length == 0) yield break;
        var command = Encoding.UTF8.GetString(bytes).Replace('\0', ' ');
        var first = command.Split(' ', 2)[0];
        var fields = new FieldSet(4)
            .Set(FieldNames.Event, LiveStateEvents.Process)
            .Set(FieldNames.Pid, pid)
            .Set(FieldNames.Command, command)
            .Set(FieldNames.Process, first[(first.LastIndexOf('/') + 1)..]);
        yield return SnapshotEvent.Create(Name, source, context, 1, command, fields);
    }

    private static string? Pid(string path) => CmdlinePath().Match(path) is { Success: true } m ? m.Groups["pid"].Value : null;

    // …/proc/<pid>/cmdline.txt, or flattened with _ - or %2F; the pid at most 10 digits.
    [GeneratedRegex(@"(?:^|[/\\_\-]|%2F)proc(?:[/\\_\-]|%2F)(?<pid>[0-9]{1,10})(?:[/\\_\-]|%2F)cmdline(?:\.txt)?$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex CmdlinePath();
}
