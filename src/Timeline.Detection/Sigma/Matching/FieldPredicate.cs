namespace Timeline.Detection.Sigma.Matching;

/// <summary>
/// One <c>Field|modifiers: values</c> item: reads the field (optionally transformed, e.g. to its hour),
/// tests the values (any, or all with <c>all</c>), and negates for <c>neq</c>.
/// </summary>
public sealed class FieldPredicate(string field, IReadOnlyList<IValueTest> tests, bool matchAll, bool negated, Func<string?, string?>? extract) : IEventPredicate
{
    public string Field { get; } = field;

    public bool Matches(IFieldSource source)
    {
        var value = source.Get(Field);
        if (extract is not null) value = extract(value);
        bool result;
        if (tests.Count == 0) result = false;
        else if (matchAll)
        {
            result = true;
            foreach (var t in tests)
                if (!t.Test(value, source)) { result = false; break; }
        }
        else
        {
            result = false;
            foreach (var t in tests)
                if (t.Test(value, source)) { result = true; break; }
        }
        return result != negated;
    }

    public IReadOnlyList<Needle>? RequiredNeedles()
    {
        if (negated || extract is not null || tests.Count == 0) return null;
        if (matchAll)
        {
            var best = tests.Select(t => t.RequiredLiteral).Where(l => l is not null).MaxBy(l => l!.Length);
            return best is null ? null : [new Needle(Field, best)];
        }
        var needles = new List<Needle>(tests.Count);
        foreach (var t in tests)
        {
            if (t.RequiredLiteral is not { Length: > 0 } lit) return null;
            needles.Add(new Needle(Field, lit));
        }
        return needles;
    }
}
