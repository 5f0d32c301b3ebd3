namespace Timeline.Detection.Sigma.Matching;

/// <summary>
/// Aho–Corasick over case-folded (upper-invariant, as <see cref="StringComparison.OrdinalIgnoreCase"/>)
/// needles, compiled to a dense DFA over the needles' alphabet. One pass over a text reports every
/// needle it contains.
/// </summary>
internal sealed class NeedleAutomaton
{
    private readonly ushort[] _classOf;
    private readonly int _classes;
    private readonly int[] _next;
    private readonly int[]?[] _outputs;

    public NeedleAutomaton(IReadOnlyList<string> needles)
    {
        var alphabet = new Dictionary<char, ushort>();
        foreach (var n in needles)
            foreach (var c in n)
            {
                var u = char.ToUpperInvariant(c);
                if (!alphabet.ContainsKey(u)) alphabet[u] = (ushort)(alphabet.Count + 1);
            }
        _classes = alphabet.Count + 1;
        _classOf = new ushort[65536];
        for (var x = 0; x < 65536; x++)
            if (alphabet.TryGetValue(char.ToUpperInvariant((char)x), out var cls)) _classOf[x] = cls;

        // Trie.
        var children = new List<Dictionary<ushort, int>> { new() };
        var outputs = new List<List<int>?> { null };
        for (var id = 0; id < needles.Count; id++)
        {
            var state = 0;
            foreach (var c in needles[id])
            {
                var cls = _classOf[c];
                if (!children[state].TryGetValue(cls, out var next))
                {
                    next = children.Count;
                    children.Add([]);
                    outputs.Add(null);
                    children[state][cls] = next;
                }
                state = next;
            }
            (outputs[state] ??= []).Add(id);
        }

        // Breadth-first failure links, folded into a full transition table.
        var count = children.Count;
        _next = new int[count * _classes];
        var fail = new int[count];
        var queue = new Queue<int>();
        for (var cls = 0; cls < _classes; cls++)
        {
            if (children[0].TryGetValue((ushort)cls, out var s)) { _next[cls] = s; fail[s] = 0; queue.Enqueue(s); }
        }
        while (queue.Count > 0)
        {
            var state = queue.Dequeue();
            if (outputs[fail[state]] is { } inherited) (outputs[state] ??= []).AddRange(inherited);
            for (var cls = 0; cls < _classes; cls++)
            {
                if (children[state].TryGetValue((ushort)cls, out var s))
                {
                    fail[s] = _next[fail[state] * _classes + cls];
                    _next[state * _classes + cls] = s;
                    queue.Enqueue(s);
                }
                else _next[state * _classes + cls] = _next[fail[state] * _classes + cls];
            }
        }
        _outputs = outputs.Select(o => o?.Distinct().ToArray()).ToArray();
    }

    /// <summary>Calls <paramref name="found"/> with the id of each needle occurrence in <paramref name="text"/> (ids may repeat).</summary>
    public void Scan(string text, Action<int> found)
    {
        var state = 0;
        var next = _next;
        var classes = _classes;
        foreach (var c in text)
        {
            state = next[state * classes + _classOf[c]];
            if (_outputs[state] is { } hits)
                foreach (var h in hits) found(h);
        }
    }
}
