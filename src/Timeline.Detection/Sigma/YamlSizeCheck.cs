using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using Timeline.Core.Limits;

namespace Timeline.Detection.Sigma;

/// <summary>
/// Measures a rule file from the YAML parser's event stream, before any node tree is built: how deep
/// it nests and how many nodes it holds once every alias is replaced by the node it names. A YAML
/// "billion laughs" (aliases of lists of aliases) is a few hundred bytes that expand to billions of
/// nodes; 100,000 nested brackets overflow the stack of a recursive reader. The event parser keeps
/// its own stack, so measuring is safe; anything over <see cref="Bounds.YamlDepth"/> or
/// <see cref="Bounds.YamlNodes"/> is rejected with its line.
/// </summary>
internal static class YamlSizeCheck
{
    /// <summary>A collection being read: nodes under it so far, and the deepest nesting below it.</summary>
    private sealed class Frame(string? anchor)
    {
        public string? Anchor { get; } = anchor;
        public long Nodes { get; set; } = 1;
        public int DepthBelow { get; set; }
    }

    /// <summary>Null when the file is within bounds, else the line and the reason.</summary>
    public static (int Line, string Reason)? Check(string text)
    {
        var parser = new Parser(new StringReader(text));
        var stack = new Stack<Frame>();
        var anchors = new Dictionary<string, (long Nodes, int Depth)>(StringComparer.Ordinal);
        long total = 0;
        var aliases = false;
        try
        {
            while (parser.MoveNext())
            {
                var e = parser.Current!;
                var line = (int)Math.Min(int.MaxValue, e.Start.Line);
                switch (e)
                {
                    case DocumentStart:
                        anchors.Clear();
                        break;
                    case SequenceStart s:
                        if (stack.Count + 1 > Bounds.YamlDepth) return (line, DeeperThan());
                        stack.Push(new Frame(s.Anchor.IsEmpty ? null : s.Anchor.Value));
                        break;
                    case MappingStart m:
                        if (stack.Count + 1 > Bounds.YamlDepth) return (line, DeeperThan());
                        stack.Push(new Frame(m.Anchor.IsEmpty ? null : m.Anchor.Value));
                        break;
                    case SequenceEnd or MappingEnd:
                    {
                        var done = stack.Pop();
                        var depth = done.DepthBelow + 1;
                        if (done.Anchor is not null) anchors[done.Anchor] = (done.Nodes, depth);
                        if (Add(done.Nodes, depth) is { } why) return (line, why);
                        break;
                    }
                    case Scalar sc:
                        if (!sc.Anchor.IsEmpty) anchors[sc.Anchor.Value] = (1, 0);
                        if (Add(1, 0) is { } whyScalar) return (line, whyScalar);
                        break;
                    case AnchorAlias alias:
                        // An unknown alias is left to the loader, which reports it as a YAML error.
                        if (!anchors.TryGetValue(alias.Value.Value, out var named)) break;
                        aliases = true;
                        if (Add(named.Nodes, named.Depth) is { } whyAlias) return (line, whyAlias);
                        break;
                }
            }
        }
        catch (Exception ex) when (ex is YamlException or InvalidOperationException)
        {
            return null; // the loader reads the file again and reports the syntax error with its line
        }
        return null;

        string? Add(long nodes, int depth)
        {
            if (stack.Count + depth > Bounds.YamlDepth) return DeeperThan();
            if (stack.TryPeek(out var parent))
            {
                parent.Nodes = Math.Min(long.MaxValue / 2, parent.Nodes + nodes);
                parent.DepthBelow = Math.Max(parent.DepthBelow, depth);
                if (parent.Nodes <= Bounds.YamlNodes) return null;
            }
            else
            {
                total = Math.Min(long.MaxValue / 2, total + nodes);
                if (total <= Bounds.YamlNodes) return null;
            }
            return aliases
                ? $"YAML aliases expand to more than {Bounds.YamlNodes:N0} nodes (an alias bomb); the file is not read"
                : $"the file holds more than {Bounds.YamlNodes:N0} YAML nodes; the file is not read";
        }
    }

    private static string DeeperThan() => $"YAML nested deeper than {Bounds.YamlDepth} levels (aliases counted as what they stand for); the file is not read";
}
