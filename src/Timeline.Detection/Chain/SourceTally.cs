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

    /// <summary>The tally as it stands now (a later failure does not change the copy).</summary>
    public SourceTally Copy()
    {
        var copy = new SourceTally { Failures = Failures, FirstFailTicks = FirstFailTicks, LastFailTicks = LastFailTicks, Successes = Successes, FirstSeenTicks = FirstSeenTicks };
        copy.Users.UnionWith(Users);
        return copy;
    }

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
