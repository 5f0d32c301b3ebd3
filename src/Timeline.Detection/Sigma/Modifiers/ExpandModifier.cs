using System.Text.RegularExpressions;
using Timeline.Detection.Sigma.Values;

namespace Timeline.Detection.Sigma.Modifiers;

/// <summary>
/// <c>expand</c>: <c>%name%</c> placeholders are replaced by every value configured for them
/// (<see cref="RuleLoadOptions.Placeholders"/>); <c>\%</c> is a plain percent. A placeholder with no
/// configured values expands to nothing, so that item matches no event, and the load reports a warning.
/// </summary>
public sealed partial class ExpandModifier : IModifier
{
    public string Name => "expand";

    public ValuePattern Apply(ValuePattern pattern)
    {
        var result = new List<SigmaValue>();
        foreach (var v in pattern.Values)
        {
            if (v.Raw is not { } raw) { result.Add(v); continue; }
            var expansions = new List<string> { "" };
            var last = 0;
            foreach (Match m in Placeholder().Matches(raw))
            {
                var literal = raw[last..m.Index];
                expansions = expansions.Select(e => e + literal).ToList();
                var name = m.Groups[1].Value;
                if (!pattern.Context.Placeholders.TryGetValue(name, out var values) || values.Count == 0)
                {
                    pattern.Context.Warn($"line {v.Line}: placeholder %{name}% has no configured values; the item matches nothing");
                    expansions.Clear();
                    break;
                }
                expansions = expansions.SelectMany(e => values.Select(x => e + x)).ToList();
                last = m.Index + m.Length;
            }
            if (expansions.Count == 0) continue;
            var tail = raw[last..];
            foreach (var e in expansions)
            {
                var text = (e + tail).Replace("\\%", "%", StringComparison.Ordinal);
                result.Add(SigmaValue.FromRule(text, v.Line));
            }
        }
        pattern.Values = result;
        return pattern;
    }

    [GeneratedRegex(@"(?<!\\)%([A-Za-z0-9_.\-]+)%")]
    private static partial Regex Placeholder();
}
