namespace Timeline.Parsers.Linux.Audit;

/// <summary>
/// One line of <c>audit.log</c>: <c>[node=NAME ]type=TYPE msg=audit(SECONDS.MILLIS:SERIAL): fields</c>.
/// Records with the same node, time and serial belong to one event.
/// </summary>
public sealed class AuditRecord
{
    public required string? Node { get; init; }
    public required string Type { get; init; }
    /// <summary>UTC .NET ticks of the <c>audit(…)</c> stamp.</summary>
    public required long Ticks { get; init; }
    public required long Serial { get; init; }
    public required IReadOnlyList<AuditField> Fields { get; init; }
    /// <summary>The line as read.</summary>
    public required string Text { get; init; }
    public required long Line { get; init; }
    /// <summary>What was wrong with the field part (a quote never closed), or null.</summary>
    public string? Problem { get; init; }

    public AuditEventKey Key => new(Node, Ticks, Serial);
}

/// <summary>What joins records into one event: the node (so the same serial on two hosts stays two events), the time and the serial.</summary>
public readonly record struct AuditEventKey(string? Node, long Ticks, long Serial);
