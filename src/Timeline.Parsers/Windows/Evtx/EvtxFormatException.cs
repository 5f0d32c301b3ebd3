namespace Timeline.Parsers.Windows.Evtx;

/// <summary>
/// Bytes that do not follow the format. Thrown inside a record's decode and caught at the record
/// boundary, where it becomes a warning: one bad record never costs its neighbours.
/// </summary>
internal sealed class EvtxFormatException(string message) : Exception(message);
