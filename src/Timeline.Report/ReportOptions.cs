namespace Timeline.Report;

/// <summary>What a report writer may need besides the case: the clock (for "generated at"), cancellation and size limits.</summary>
public sealed record ReportOptions
{
    public static readonly ReportOptions Default = new();

    public TimeProvider Clock { get; init; } = TimeProvider.System;

    public CancellationToken Cancellation { get; init; }

    /// <summary>
    /// The HTML event table lists chain-related and rule-matched events up to this many rows
    /// (chain steps first); the exports are not limited.
    /// </summary>
    public int MaxTableEvents { get; init; } = 5_000;
}
