namespace Timeline.Core.Events;

/// <summary>
/// Where an event came from: the evidence file as given to ingest, its SHA-256 (of the bytes on
/// disk, compressed or not) and the position inside it. This is the chain of custody of one event.
/// </summary>
public sealed record Origin(string File, string Sha256, long Position, PositionKind Kind = PositionKind.Line)
{
    /// <summary>
    /// The deterministic event id: the first 12 hex digits of the file hash and the position.
    /// Re-ingesting the same evidence gives the same ids.
    /// </summary>
    public string EventId => EventIds.Make(Sha256, Position);
}
