namespace Timeline.Detection.Sigma.Matching;

/// <summary>
/// A value-only (keyword) search: each value is searched as a substring of the keyword texts
/// (<see cref="IFieldSource.KeywordTexts"/>); any value, or all with <c>|all</c>.
/// </summary>
public sealed class KeywordPredicate(IReadOnlyList<IValueTest> tests, bool matchAll) : IEventPredicate
{
    public bool Matches(IFieldSource source)
    {
        if (tests.Count == 0) return false;
        if (matchAll)
        {
            foreach (var t in tests)
                if (!AnyText(t, source)) return false;
            return true;
        }
        foreach (var t in tests)
            if (AnyText(t, source)) return true;
        return false;
    }

    private static bool AnyText(IValueTest test, IFieldSource source)
    {
        foreach (var text in source.KeywordTexts)
            if (test.Test(text, source)) return true;
        return false;
    }

    public IReadOnlyList<Needle>? RequiredNeedles()
    {
        if (tests.Count == 0) return null;
        if (matchAll)
        {
            var best = tests.Select(t => t.RequiredLiteral).Where(l => l is not null).MaxBy(l => l!.Length);
            return best is null ? null : [new Needle(null, best)];
        }
        var needles = new List<Needle>(tests.Count);
        foreach (var t in tests)
        {
            if (t.RequiredLiteral is not { Length: > 0 } lit) return null;
            needles.Add(new Needle(null, lit));
        }
        return needles;
    }
}
