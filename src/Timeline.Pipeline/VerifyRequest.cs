namespace Timeline.Pipeline;

/// <summary>
/// What <see cref="VerifyStep"/> checks: every evidence file recorded in the case, at its recorded
/// path (a relative one against the current folder, then against the case's folder), else under the
/// <see cref="EvidenceRoots"/> (evidence copied or moved since the ingest), by SHA-256 or by path.
/// </summary>
public sealed record VerifyRequest
{
    public IReadOnlyList<string> EvidenceRoots { get; init; } = [];
    public CancellationToken Cancellation { get; init; }
}
