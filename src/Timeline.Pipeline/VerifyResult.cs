namespace Timeline.Pipeline;

/// <summary>The chain-of-custody check of a case: one <see cref="VerifiedFile"/> per recorded evidence file, by recorded path.</summary>
public sealed record VerifyResult(IReadOnlyList<VerifiedFile> Files, TimeSpan Elapsed)
{
    public int Count(VerifyStatus status) => Files.Count(f => f.Status == status);

    /// <summary>Every recorded file was found with its recorded SHA-256.</summary>
    public bool AllMatch => Files.All(f => f.Status == VerifyStatus.Match);
}
