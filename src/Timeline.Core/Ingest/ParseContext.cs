using Timeline.Core.Events;

namespace Timeline.Core.Ingest;

/// <summary>
/// What a parser knows besides the bytes: the file's identity, the analyst's settings and a sink
/// for warnings. One per file.
/// </summary>
public sealed class ParseContext
{
    private readonly Action<ParseWarning>? _sink;

    public ParseContext(string file, string sha256, Action<ParseWarning>? warningSink = null)
    {
        File = file;
        Sha256 = sha256;
        _sink = warningSink;
    }

    /// <summary>The evidence path as given.</summary>
    public string File { get; }
    public string Sha256 { get; }

    /// <summary>Analyst override (--host). When null, parsers use the host in the line or <see cref="DefaultHost"/>.</summary>
    public string? HostOverride { get; init; }

    /// <summary>Host for sources that name none (bash history, crontab files): --host, or the host seen in the rest of the evidence.</summary>
    public string DefaultHost { get; init; } = "unknown";

    /// <summary>--year: the year of the first year-less line (plaso's preferred year). Null = infer from mtime.</summary>
    public int? Year { get; init; }

    /// <summary>--timezone for naive local times; UTC by default. Times it is applied to are marked <see cref="TimeQuality.ZoneAssumed"/>.</summary>
    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.Utc;

    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>
    /// When a triage collector captured this evidence (from the collector's own log or metadata), if
    /// known. Live-state outputs (process lists, sockets) are stamped with it; it is also the upper bound
    /// of the host's timeline. Null for evidence that did not come from a recognised collection.
    /// </summary>
    public DateTimeOffset? CollectedAt { get; init; }

    public CancellationToken Cancellation { get; init; }

    public int WarningCount { get; private set; }

    /// <summary>The host to stamp on an event whose line names <paramref name="hostInLine"/> (may be null).</summary>
    public string HostFor(string? hostInLine) => HostOverride ?? (string.IsNullOrEmpty(hostInLine) ? DefaultHost : hostInLine);

    public Origin OriginAt(long position, PositionKind kind = PositionKind.Line) => new(File, Sha256, position, kind);

    /// <summary>Records a problem at a position (line or record; 0 = the whole file).</summary>
    public void Warn(long position, string message, string excerpt = "", PositionKind kind = PositionKind.Line)
    {
        WarningCount++;
        _sink?.Invoke(new ParseWarning(OriginAt(position, kind), message, Excerpt(excerpt)));
    }

    /// <summary>Warnings keep at most 200 characters of the offending input.</summary>
    public static string Excerpt(string text) => text.Length <= 200 ? text : string.Concat(text.AsSpan(0, 200), "…");
}
