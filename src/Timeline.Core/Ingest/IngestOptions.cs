namespace Timeline.Core.Ingest;

/// <summary>The analyst's settings for one ingest run.</summary>
public sealed record IngestOptions
{
    /// <summary>--host: stamp every event with this host.</summary>
    public string? Host { get; init; }
    /// <summary>--year: year of the first year-less line.</summary>
    public int? Year { get; init; }
    /// <summary>
    /// --timezone for naive local times. Null when not given: then a host's <c>/etc/timezone</c> in the
    /// evidence sets the zone of that host's zone-less logs, and UTC otherwise.
    /// </summary>
    public TimeZoneInfo? TimeZone { get; init; }
    /// <summary>The bounds archives are read under (<see cref="Archives.ArchiveLimits"/>; tests lower them).</summary>
    public Archives.ArchiveLimits ArchiveLimits { get; init; } = new();
    public TimeProvider Clock { get; init; } = TimeProvider.System;
    public CancellationToken Cancellation { get; init; }
    /// <summary>Called often (from the ingest thread) with the running totals.</summary>
    public Action<IngestProgress>? Progress { get; init; }
}

/// <summary>
/// Running totals for a progress display. Inside an archive, <see cref="FileIndex"/>/<see cref="FileCount"/>
/// count the archive's members, <see cref="File"/> is the member's display path and <see cref="Archive"/>
/// says how much of the archive file has been read.
/// </summary>
public sealed record IngestProgress(int FileIndex, int FileCount, string File, long LinesInFile, long Events, long Warnings, TimeSpan Elapsed, ArchiveReadProgress? Archive = null);
