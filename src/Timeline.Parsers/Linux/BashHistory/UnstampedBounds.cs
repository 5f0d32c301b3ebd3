using Timeline.Core.Ingest;

namespace Timeline.Parsers.Linux.BashHistory;

/// <summary>
/// The latest time an unstamped command can have run. History is written in order, so an
/// unstamped command ran no later than the next stamped command in the file; after the last stamp
/// the file's mtime bounds it (the shell writes the file when it exits). Found by a first,
/// silent pass over the file that keeps only the stamps that end a run of unstamped commands,
/// so memory stays small however long the file is.
/// </summary>
public sealed class UnstampedBounds
{
    private readonly Queue<(long Line, long Ticks)> _runEnds;
    private readonly long _fileBound;

    private UnstampedBounds(Queue<(long Line, long Ticks)> runEnds, long fileBound)
    {
        _runEnds = runEnds;
        _fileBound = fileBound;
    }

    public static UnstampedBounds Scan(EvidenceSource source, ParseContext context)
    {
        var silent = new ParseContext(context.File, context.Sha256) { Cancellation = context.Cancellation };
        var runEnds = new Queue<(long, long)>();
        var afterUnstamped = false;
        using var stream = source.OpenContent();
        foreach (var command in HistoryReader.Read(TextLineReader.Read(stream, silent), silent))
        {
            if (command.Ticks is { } ticks)
            {
                if (afterUnstamped) runEnds.Enqueue((command.Line, ticks));
                afterUnstamped = false;
            }
            else afterUnstamped = true;
        }
        return new UnstampedBounds(runEnds, source.ContentModifiedUtc.UtcTicks);
    }

    /// <summary>The bound for an unstamped command at <paramref name="line"/>; call in file order.</summary>
    public long For(long line)
    {
        while (_runEnds.Count > 0 && _runEnds.Peek().Line < line) _runEnds.Dequeue();
        return _runEnds.Count > 0 ? _runEnds.Peek().Ticks : _fileBound;
    }
}
