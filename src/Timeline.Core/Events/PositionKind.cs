namespace Timeline.Core.Events;

/// <summary>What <see cref="Origin.Position"/> counts.</summary>
public enum PositionKind
{
    /// <summary>1-based line number in the (decompressed) text.</summary>
    Line = 0,
    /// <summary>A record number inside a binary container (EVTX EventRecordID, ETW event index).</summary>
    Record = 1,
}
