namespace Timeline.Detection.Chain;

/// <summary>Failed logons from one source on one host: how many, when, which users (a bounded sample).</summary>
public sealed class SourceTally
{
    public const int MaxUsers = 64;

    public int Failures { get; set; }
    public long? FirstFailTicks { get; set; }
    public long? LastFailTicks { get; set; }
    public HashSet<string> Users { get; } = new(StringComparer.Ordinal);
    public int Successes { get; set; }
    public long FirstSeenTicks { get; set; }

    public void Fail(long? ticks, string? user)
    {
        Failures++;
        if (ticks is { } t)
        {
            FirstFailTicks ??= t;
            LastFailTicks = t;
        }
        if (user is not null && Users.Count < MaxUsers) Users.Add(user);
    }
}
