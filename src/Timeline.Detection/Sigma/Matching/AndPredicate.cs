namespace Timeline.Detection.Sigma.Matching;

/// <summary>All parts match (map items, <c>and</c>, <c>all of</c>).</summary>
public sealed class AndPredicate(IReadOnlyList<IEventPredicate> parts) : IEventPredicate
{
    public IReadOnlyList<IEventPredicate> Parts { get; } = parts;

    public bool Matches(IFieldSource source)
    {
        foreach (var p in Parts)
            if (!p.Matches(source)) return false;
        return true;
    }

    // Any one part's needles are necessary; prefer the set whose shortest needle is longest.
    public IReadOnlyList<Needle>? RequiredNeedles() =>
        Parts.Select(p => p.RequiredNeedles()).Where(n => n is { Count: > 0 })
             .MaxBy(n => n!.Min(x => x.Text.Length) * 4 - n!.Count);
}
