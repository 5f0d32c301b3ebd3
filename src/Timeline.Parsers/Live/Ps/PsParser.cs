using Timeline.Core.Events;
using Timeline.Core.Ingest;
using Timeline.Core.Vocabulary;

namespace Timeline.Parsers.Live.Ps;

/// <summary>
/// <c>ps</c> output as collectors save it (<c>ps auxwww</c>, <c>ps -ef</c>, <c>ps -efww</c>,
/// <c>ps -eo &lt;columns&gt;</c>, BusyBox <c>ps</c>): one <c>live_process</c> event per row, read by
/// its header (<see cref="ProcessHeader"/>), at the collection time (<see cref="SnapshotEvent"/>).
/// Recognised by content: a header line among the first lines, followed by rows that read against it.
/// </summary>
public sealed class PsParser : ILogParser
{
    public string Name => ParserNames.LiveProcesses;

    public int Sniff(SniffSample sample)
    {
        if (sample.LooksBinary) return 0;
        var share = ProcessTable.RowShare(sample.Lines, out var header);
        // The header must come early: ps output starts with it; a collector may put a line or two before.
        if (header < 0 || header > 5) return 0;
        return share switch
        {
            >= 90 => 88,
            >= 60 => 75,
            _ => share / 2,
        };
    }

    public IEnumerable<EventRecord> Parse(EvidenceSource source, ParseContext context) =>
        ProcessTable.Read(Name, source, context, static _ => false);
}
