namespace Timeline.Query.Fields;

/// <summary>Suggestions for a mistyped name: small edit distance, or one name containing the other.</summary>
public static class CloseMatches
{
    public static IReadOnlyList<string> Of(string wanted, IEnumerable<string> candidates, int max = 5)
    {
        var w = wanted.ToLowerInvariant();
        return candidates
            .Select(c => (Name: c, Distance: Distance(w, c.ToLowerInvariant())))
            .Where(x => x.Distance <= Math.Max(2, w.Length / 3)
                || (w.Length >= 3 && x.Name.Contains(w, StringComparison.OrdinalIgnoreCase))
                || (x.Name.Length >= 3 && w.Contains(x.Name, StringComparison.OrdinalIgnoreCase)))
            .OrderBy(x => x.Distance).ThenBy(x => x.Name, StringComparer.Ordinal)
            .Select(x => x.Name).Distinct(StringComparer.Ordinal).Take(max).ToList();
    }

    /// <summary>Optimal string alignment distance (Levenshtein plus adjacent transpositions).</summary>
    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        }
        return d[a.Length, b.Length];
    }
}
