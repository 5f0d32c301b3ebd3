using Timeline.Core.Events;
using Timeline.Core.Ingest;
using Timeline.Core.Vocabulary;
using Timeline.Parsers.Live.Ps;

namespace Timeline.Parsers.Live.Top;

/// <summary>
/// <c>top -b -n1</c>: a summary block (<c>top - 12:18:07 up  3:04,  0 user,  load average: …</c>,
/// <c>Tasks:</c>, <c>%Cpu(s):</c>, <c>MiB Mem :</c>, <c>MiB Swap:</c>), a blank line, then the task
/// table (<c>PID USER PR NI VIRT RES SHR S %CPU %MEM TIME+ COMMAND</c>), read like ps
/// (<see cref="ProcessTable"/>): one <c>live_process</c> per task. top shows the command name, not the
/// command line (unless run with <c>-c</c>), and no brackets around kernel threads. The summary lines
/// are the format's own and are not warned about; they make no events.
/// </summary>
public sealed class TopParser : ILogParser
{
    private static readonly string[] SummaryStarts = ["top - ", "Tasks:", "Threads:", "%Cpu", "Cpu(s)", "KiB ", "MiB ", "GiB ", "Mem:", "Swap:"];

    public string Name => ParserNames.LiveTop;

    public int Sniff(SniffSample sample)
    {
        if (sample.LooksBinary) return 0;
        var first = sample.Lines.FirstOrDefault(l => !string.IsNullOrWhiteSpace(l));
        if (first is null || !first.StartsWith("top - ", StringComparison.Ordinal) || !first.Contains(" up ", StringComparison.Ordinal)) return 0;
        var share = ProcessTable.RowShare(sample.Lines, out var header);
        return header > 0 && share >= 60 ? 92 : 0;
    }

    public IEnumerable<EventRecord> Parse(EvidenceSource source, ParseContext context) =>
        ProcessTable.Read(Name, source, context, IsSummary);

    private static bool IsSummary(string line) => SummaryStarts.Any(s => line.StartsWith(s, StringComparison.Ordinal));
}
