namespace Timeline.Detection.Sigma.Matching;

/// <summary>
/// The literal prefilter of a group of rules: one automaton per field (and one for keyword texts) over
/// every rule's required needles. For an event it marks the rules whose needles occur; rules without
/// needles are never filtered. A mark is only a chance to match, never a match.
/// </summary>
internal sealed class NeedleIndex
{
    private readonly (string? Field, NeedleAutomaton Automaton, int[][] Owners)[] _fields;

    /// <param name="needlesByRule">Per rule position, its needles (null: always evaluate).</param>
    public NeedleIndex(IReadOnlyList<IReadOnlyList<Needle>?> needlesByRule)
    {
        var byField = new Dictionary<string, (List<string> Texts, Dictionary<string, List<int>> Owners)>(StringComparer.Ordinal);
        for (var rule = 0; rule < needlesByRule.Count; rule++)
        {
            if (needlesByRule[rule] is not { } needles) continue;
            foreach (var n in needles)
            {
                var key = n.Field ?? "\0keywords";
                if (!byField.TryGetValue(key, out var group)) byField[key] = group = ([], new Dictionary<string, List<int>>(StringComparer.OrdinalIgnoreCase));
                if (!group.Owners.TryGetValue(n.Text, out var owners))
                {
                    group.Owners[n.Text] = owners = [];
                    group.Texts.Add(n.Text);
                }
                if (owners.Count == 0 || owners[^1] != rule) owners.Add(rule);
            }
        }
        _fields = byField.Select(p => (p.Key == "\0keywords" ? null : p.Key, new NeedleAutomaton(p.Value.Texts),
            p.Value.Texts.Select(t => p.Value.Owners[t].ToArray()).ToArray())).ToArray();
    }

    /// <summary>Sets <c>marks[rule] = stamp</c> for every rule with a needle in the event.</summary>
    public void Mark(IFieldSource source, int[] marks, int stamp)
    {
        foreach (var (field, automaton, owners) in _fields)
        {
            void Found(int id)
            {
                foreach (var r in owners[id]) marks[r] = stamp;
            }
            if (field is null)
            {
                foreach (var text in source.KeywordTexts) automaton.Scan(text, Found);
            }
            else if (source.Get(field) is { } value) automaton.Scan(value, Found);
        }
    }
}
