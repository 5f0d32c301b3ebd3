namespace Timeline.Core.Events;

/// <summary>
/// How an event's time was known. Flags combine: a traditional syslog line is usually
/// <see cref="YearInferred"/> | <see cref="ZoneAssumed"/>. <see cref="Exact"/> (no flag) means the
/// source carried a full date, time and offset.
/// </summary>
[Flags]
public enum TimeQuality
{
    /// <summary>Date, time and UTC offset were all in the evidence.</summary>
    Exact = 0,
    /// <summary>The source had no year; it was inferred from the file's mtime (or given by --year).</summary>
    YearInferred = 1,
    /// <summary>The source had no zone; the configured --timezone (default UTC) was assumed.</summary>
    ZoneAssumed = 2,
    /// <summary>The time is the file's modification time, not the entry's own.</summary>
    FileMtime = 4,
    /// <summary>The source has no time at all; only the order within the file is known.</summary>
    OrderOnly = 8,
    /// <summary>
    /// The time is when a collector captured the state (a process list, a socket table, <c>last</c>
    /// output), not when that state began: the process may have run for days before.
    /// </summary>
    Snapshot = 16,
}
