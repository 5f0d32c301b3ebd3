using System.Text.RegularExpressions;
using Timeline.Core.Events;
using Timeline.Core.Ingest;
using Timeline.Core.Vocabulary;

namespace Timeline.Parsers.Live.Proc;

/// <summary>
/// UAC's per-process link listings (<c>artifacts/live_response/process/procfs_information.yaml</c>):
/// <c>running_processes_full_paths.txt</c> = <c>ls -l /proc/[0-9]*/exe</c> and
/// <c>ls_-l_proc_pid_cwd.txt</c> = <c>ls -l /proc/[0-9]*/cwd</c>:
/// <code>
/// lrwxrwxrwx 1 root root 0 Dec  2 12:19 /proc/23395/exe -> /tmp/.x/kswapd0 (deleted)
/// lrwxrwxrwx 1 root root 0 Dec  2 09:13 /proc/1/exe
/// ls: cannot read symbolic link '/proc/2/exe': No such file or directory
/// </code>
/// One <c>live_process</c> per line with <c>pid</c>, <c>user</c> (the link's owner: the process's
/// user) and <c>exe</c> (<c>problem=deleted</c> when the executable was removed while running — how a
/// dropped miner hides) or <c>pwd</c>. A link without a target could not be read (kernel threads have
/// no executable); ls's own error lines say why and are counted (<see cref="SkippedRows"/>). The
/// link's date is when ls first looked at the /proc entry, not the process start, and is not used.
/// UAC's per-pid files (<c>proc/&lt;pid&gt;/cmdline.txt</c>, <c>environ.txt</c>, <c>maps.txt</c>) name
/// the pid only in their path and hold raw bytes; they are not read here (the README says so).
/// </summary>
public sealed partial class ProcLinkParser : ILogParser
{
    private const string Deleted = " (deleted)";

    public string Name => ParserNames.LiveProc;

    public int Sniff(SniffSample sample)
    {
        if (sample.LooksBinary) return 0;
        var share = sample.ScoreLines(l => Link().IsMatch(l) || LsError().IsMatch(l));
        if (!sample.Lines.Any(l => Link().IsMatch(l))) return 0;
        return share >= 90 ? 88 : share >= 60 ? 76 : 0;
    }

    public IEnumerable<EventRecord> Parse(EvidenceSource source, ParseContext context)
    {
        var skipped = new SkippedRows();
        using var stream = source.OpenContent();
        foreach (var line in TextLineReader.Read(stream, context))
        {
            var text = line.Content;
            if (string.IsNullOrWhiteSpace(text)) continue;
            if (LsError().IsMatch(text))
            {
                skipped.Count("ls error lines (link unreadable)");
                continue;
            }
            var match = Link().Match(text);
            if (!match.Success)
            {
                context.Warn(line.Number, "not an 'ls -l /proc/<pid>/exe|cwd' line", text);
                continue;
            }
            var target = match.Groups["target"].Success ? match.Groups["target"].Value : null;
            var deleted = target is not null && target.EndsWith(Deleted, StringComparison.Ordinal);
            if (deleted) target = target![..^Deleted.Length];
            var isExe = match.Groups["link"].Value == "exe";
            var fields = new FieldSet(6)
                .Set(FieldNames.Event, LiveStateEvents.Process)
                .Set(FieldNames.Pid, match.Groups["pid"].Value)
                .Set(FieldNames.User, match.Groups["owner"].Value)
                .Set(isExe ? FieldNames.Exe : FieldNames.Pwd, target)
                .Set(FieldNames.Process, isExe && target is not null ? target[(target.LastIndexOf('/') + 1)..] : null)
                .Set(FieldNames.Problem, deleted ? "deleted" : null);
            yield return SnapshotEvent.Create(Name, source, context, line.Number, text, fields);
        }
        skipped.Report(context);
    }

    // ls -l of a symbolic link: mode, links, owner, group, size, date (Mon DD HH:MM or Mon DD  YYYY), path [-> target].
    [GeneratedRegex(@"^l[rwxsStT-]{9}[.+@]?\s+[0-9]+\s+(?<owner>\S+)\s+\S+\s+[0-9]+\s+[A-Z][a-z]{2}\s+[0-9]{1,2}\s+(?:[0-9]{1,2}:[0-9]{2}|[0-9]{4})\s+/proc/(?<pid>[0-9]+)/(?<link>exe|cwd)(?: -> (?<target>.*))?$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Link();

    [GeneratedRegex(@"^ls: cannot (?:read symbolic link|access) '/proc/[0-9]+/(?:exe|cwd)'", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex LsError();
}
