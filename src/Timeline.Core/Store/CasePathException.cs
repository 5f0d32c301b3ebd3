namespace Timeline.Core.Store;

/// <summary>
/// The case location is refused as given (a symbolic link: the lock and the journal would sit beside
/// the link while the data is elsewhere, and a link can be swapped under a running ingest). The
/// message names the file to use instead.
/// </summary>
public sealed class CasePathException(string message) : IOException(message);
