using Timeline.Detection.Sigma.Values;

namespace Timeline.Detection.Sigma.Modifiers;

/// <summary>
/// <c>windash</c>: every literal <c>-</c>, <c>/</c>, en dash, em dash or horizontal bar may be any of the five;
/// all permutations are generated (capped at 4 dash positions, 625 variants per value).
/// </summary>
public sealed class WindashModifier : IModifier
{
    private static readonly char[] Dashes = ['-', '/', '\u2013', '\u2014', '\u2015'];
    private const int MaxPositions = 4;

    public string Name => "windash";

    public ValuePattern Apply(ValuePattern pattern)
    {
        var result = new List<Values.SigmaValue>();
        foreach (var v in pattern.Values)
        {
            if (v.AsSigmaString() is not { } s) { result.Add(v); continue; }
            var positions = Enumerable.Range(0, s.Length).Where(i => !s.IsWildcard(i) && Array.IndexOf(Dashes, s.Text[i]) >= 0).Take(MaxPositions).ToArray();
            foreach (var variant in Permute(s, positions, 0)) result.Add(v.With(variant));
        }
        pattern.Values = result;
        return pattern;
    }

    private static IEnumerable<SigmaString> Permute(SigmaString s, int[] positions, int from)
    {
        if (from == positions.Length)
        {
            yield return s;
            yield break;
        }
        foreach (var dash in Dashes)
            foreach (var rest in Permute(s.WithCharAt(positions[from], dash), positions, from + 1))
                yield return rest;
    }
}
