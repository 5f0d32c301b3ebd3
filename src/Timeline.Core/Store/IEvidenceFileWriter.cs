using Timeline.Core.Events;

namespace Timeline.Core.Store;

/// <summary>
/// Writes one evidence file into a case (<see cref="ICaseStore.BeginFile"/>): the parse thread adds
/// events and warnings; the store batches them (blocks of events, bulk warnings). The file becomes
/// visible at <see cref="Complete"/>; disposing without completing leaves it hidden and removable.
/// </summary>
public interface IEvidenceFileWriter : IDisposable
{
    long EventCount { get; }
    long WarningCount { get; }

    void Add(EventRecord e);

    void Warn(ParseWarning warning);

    /// <summary>Stores what is pending and marks the file complete. Returns the final record.</summary>
    EvidenceFile Complete(string? hostNote = null);
}
