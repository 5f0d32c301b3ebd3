namespace Timeline.Core.Store;

/// <summary>Another process holds the case (an ingest writing, or readers while we want to write).</summary>
public sealed class CaseBusyException(string casePath, bool wantedWrite) : Exception(
    wantedWrite
        ? $"The case '{casePath}' is in use by another timeline process (an ingest, or a query/report reading it). Wait for it to finish, then run this again."
        : $"The case '{casePath}' is being written by another timeline process (ingest/analyze). Wait for it to finish, then run this again.")
{
    public string CasePath { get; } = casePath;
}
