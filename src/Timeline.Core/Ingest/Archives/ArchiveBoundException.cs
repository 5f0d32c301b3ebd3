namespace Timeline.Core.Ingest.Archives;

/// <summary>An archive went past one of its <see cref="ArchiveLimits"/>: reading it stops, with this message as the warning.</summary>
public sealed class ArchiveBoundException(string message) : Exception(message);
