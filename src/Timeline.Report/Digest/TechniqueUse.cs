using System.Text.RegularExpressions;
using Timeline.Core.Findings;

namespace Timeline.Report.Digest;

/// <summary>
/// An ATT&amp;CK technique seen in rule hits: the id from a Sigma tag (<c>attack.t1110.001</c> →
/// <c>T1110.001</c>), how many hits carry it, the tactics the same rules name, and the rules.
/// </summary>
internal sealed partial record TechniqueUse(string Id, long Hits, IReadOnlyList<string> Tactics, IReadOnlyList<string> Rules)
{
    public static IReadOnlyList<TechniqueUse> From(IEnumerable<RuleMatch> matches)
    {
        var hits = new Dictionary<string, long>(StringComparer.Ordinal);
        var tactics = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        var rules = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var m in matches)
        {
            var ruleTactics = m.Tags.Select(t => t.ToLowerInvariant()).Where(t => t.StartsWith("attack.", StringComparison.Ordinal) && !TechniqueTag().IsMatch(t) && !t.StartsWith("attack.g", StringComparison.Ordinal) && !t.StartsWith("attack.s", StringComparison.Ordinal))
                .Select(t => t["attack.".Length..].Replace('_', '-')).ToList();
            foreach (var tag in m.Tags)
            {
                var match = TechniqueTag().Match(tag.ToLowerInvariant());
                if (!match.Success) continue;
                var id = "T" + match.Groups[1].Value;
                hits[id] = hits.GetValueOrDefault(id) + 1;
                if (!tactics.TryGetValue(id, out var ts)) tactics[id] = ts = new SortedSet<string>(StringComparer.Ordinal);
                ts.UnionWith(ruleTactics);
                if (!rules.TryGetValue(id, out var rs)) rules[id] = rs = new SortedSet<string>(StringComparer.Ordinal);
                rs.Add(m.Title);
            }
        }
        return hits.Select(kv => new TechniqueUse(kv.Key, kv.Value, tactics[kv.Key].ToList(), rules[kv.Key].ToList()))
            .OrderByDescending(t => t.Hits).ThenBy(t => t.Id, StringComparer.Ordinal).ToList();
    }

    [GeneratedRegex(@"^attack\.t(\d{4}(?:\.\d{3})?)$")]
    private static partial Regex TechniqueTag();
}
