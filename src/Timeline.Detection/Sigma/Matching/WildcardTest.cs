using Timeline.Detection.Sigma.Values;

namespace Timeline.Detection.Sigma.Matching;

/// <summary>
/// Sigma's default comparison: whole-value match with <c>*</c>/<c>?</c> wildcards, case-insensitive
/// unless <c>cased</c>. Common shapes (exact, prefix, suffix, contains) use vectorised string search.
/// </summary>
public sealed class WildcardTest : IValueTest
{
    private enum Shape { Exact, Prefix, Suffix, Contains, Glob }

    private readonly Shape _shape;
    private readonly string _literal;
    private readonly SigmaString _pattern;
    private readonly StringComparison _comparison;

    public WildcardTest(SigmaString pattern, bool caseSensitive)
    {
        _pattern = pattern;
        _comparison = caseSensitive ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
        (_shape, _literal) = Classify(pattern);
        var runs = pattern.LiteralRuns().ToList();
        RequiredLiteral = runs.Count == 0 ? null : runs.MaxBy(r => r.Length);
    }

    public string? RequiredLiteral { get; }

    public bool Test(string? value, IFieldSource source)
    {
        if (value is null) return _pattern.Length == 0;
        return _shape switch
        {
            Shape.Exact => string.Equals(value, _literal, _comparison),
            Shape.Prefix => value.StartsWith(_literal, _comparison),
            Shape.Suffix => value.EndsWith(_literal, _comparison),
            Shape.Contains => value.Contains(_literal, _comparison),
            _ => Glob(value),
        };
    }

    private static (Shape, string) Classify(SigmaString p)
    {
        if (!p.HasWildcards) return (Shape.Exact, p.Text);
        var n = p.Length;
        var innerHasWild = false;
        for (var i = 1; i < n - 1; i++) innerHasWild |= p.IsWildcard(i);
        bool StarAt(int i) => p.IsWildcard(i) && p.Text[i] == '*';
        if (n >= 2 && !innerHasWild && StarAt(0) && StarAt(n - 1)) return (Shape.Contains, p.Text[1..^1]);
        var lastStarOnly = StarAt(n - 1) && Enumerable.Range(0, n - 1).All(i => !p.IsWildcard(i));
        if (lastStarOnly) return (Shape.Prefix, p.Text[..^1]);
        var firstStarOnly = StarAt(0) && Enumerable.Range(1, n - 1).All(i => !p.IsWildcard(i));
        if (firstStarOnly) return (Shape.Suffix, p.Text[1..]);
        return (Shape.Glob, "");
    }

    // Glob match with '*' and '?', iterative with single backtrack point (linear for '*'-only patterns).
    private bool Glob(string value)
    {
        var ignoreCase = _comparison == StringComparison.OrdinalIgnoreCase;
        int p = 0, v = 0, starP = -1, starV = 0;
        var pat = _pattern;
        while (v < value.Length)
        {
            if (p < pat.Length && pat.IsWildcard(p) && pat.Text[p] == '*')
            {
                starP = p++;
                starV = v;
            }
            else if (p < pat.Length && ((pat.IsWildcard(p) && pat.Text[p] == '?') || SameChar(pat.Text[p], value[v], ignoreCase)))
            {
                p++;
                v++;
            }
            else if (starP >= 0)
            {
                p = starP + 1;
                v = ++starV;
            }
            else return false;
        }
        while (p < pat.Length && pat.IsWildcard(p) && pat.Text[p] == '*') p++;
        return p == pat.Length;
    }

    private static bool SameChar(char a, char b, bool ignoreCase) =>
        a == b || (ignoreCase && char.ToUpperInvariant(a) == char.ToUpperInvariant(b));
}
