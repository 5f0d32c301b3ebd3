namespace Timeline.Core.Store;

/// <summary>
/// What the case knows about one stored event block without decoding it (collection
/// <c>blockinfo</c>): the file, the timeline-position range, the position range in the file, the
/// event count and the distinct hosts and parsers.
/// </summary>
public sealed record BlockSummary(long Id, string File, long Lo, long Hi, long PositionLo, long PositionHi, int Count,
    IReadOnlyList<string> Hosts, IReadOnlyList<string> Parsers);
