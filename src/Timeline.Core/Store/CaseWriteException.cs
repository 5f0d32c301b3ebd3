namespace Timeline.Core.Store;

/// <summary>The case could not be written (disk full, I/O error). The ingest stops; what was committed stays usable.</summary>
public sealed class CaseWriteException(string message, Exception inner) : IOException(message, inner);
