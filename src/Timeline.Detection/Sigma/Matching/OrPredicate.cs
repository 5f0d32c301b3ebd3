namespace Timeline.Detection.Sigma.Matching;

/// <summary>Any part matches (lists, <c>or</c>, <c>1 of</c>).</summary>
public sealed class OrPredicate(IReadOnlyList<IEventPredicate> parts) : IEventPredicate
{
    public IReadOnlyList<IEventPredicate> Parts { get; } = parts;

    public bool Matches(IFieldSource source)
    {
        foreach (var p in Parts)
            if (p.Matches(source)) return true;
        return false;
    }

    public IReadOnlyList<Needle>? RequiredNeedles()
    {
        if (Parts.Count == 0) return null;
        var all = new List<Needle>();
        foreach (var p in Parts)
        {
            if (p.RequiredNeedles() is not { Count: > 0 } n) return null;
            all.AddRange(n);
        }
        return all;
    }
}
