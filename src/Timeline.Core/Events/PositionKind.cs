namespace Timeline.Core.Events;

/// <summary>What <see cref="Origin.Position"/> counts.</summary>
public enum PositionKind
{
    /// <summary>1-based line number in the (decompressed) text.</summary>
    Line = 0,
    /// <summary>
    /// A record inside a binary container: its number where the format numbers records (EVTX
    /// EventRecordID, ETW event index, utmp record), else the byte offset of the record in the file
    /// where the format addresses records by offset (systemd journal ENTRY objects).
    /// </summary>
    Record = 1,
}
