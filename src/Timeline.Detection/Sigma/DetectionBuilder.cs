using YamlDotNet.RepresentationModel;
using Timeline.Detection.Sigma.Conditions;
using Timeline.Detection.Sigma.Matching;
using Timeline.Detection.Sigma.Modifiers;
using Timeline.Detection.Sigma.Values;

namespace Timeline.Detection.Sigma;

/// <summary>
/// Compiles a rule's <c>detection</c> section: search identifiers (maps = AND, lists = OR, bare values =
/// keywords) with their modifiers, then the condition over them.
/// </summary>
internal sealed class DetectionBuilder(DetectionContext context)
{
    public (IEventPredicate Detection, Aggregation? Aggregation, TimeSpan? Timeframe) Build(YamlMappingNode detection)
    {
        var identifiers = new Dictionary<string, IEventPredicate>(StringComparer.Ordinal);
        YamlNode? condition = null;
        TimeSpan? timeframe = null;
        foreach (var (keyNode, value) in detection.Children)
        {
            var key = YamlText.KeyText(keyNode);
            if (key == "condition") condition = value;
            else if (key == "timeframe")
                timeframe = YamlText.Duration(YamlText.Scalar(value)) ?? throw new RuleLoadException(YamlText.Line(value), $"invalid timeframe '{YamlText.Scalar(value)}'", "timeframe");
            else identifiers[key] = BuildSearch(value);
        }
        if (condition is null) throw new RuleLoadException(YamlText.Line(detection), "detection has no condition", "condition");

        var expressions = condition is YamlSequenceNode seq ? seq.Children.ToList() : [condition];
        var parts = new List<IEventPredicate>();
        Aggregation? aggregation = null;
        foreach (var node in expressions)
        {
            var text = YamlText.Scalar(node) ?? throw new RuleLoadException(YamlText.Line(node), "condition must be text", "condition");
            var line = YamlText.Line(node);
            var pipe = text.IndexOf('|');
            if (pipe >= 0)
            {
                if (expressions.Count > 1) throw new RuleLoadException(line, "aggregations in a list of conditions are not supported", "aggregation:list");
                aggregation = Aggregation.Parse(text[(pipe + 1)..], line);
                text = text[..pipe];
            }
            parts.Add(new ConditionParser(identifiers, line).Parse(text));
        }
        return (parts.Count == 1 ? parts[0] : new OrPredicate(parts), aggregation, timeframe);
    }

    private IEventPredicate BuildSearch(YamlNode node)
    {
        switch (node)
        {
            case YamlMappingNode map:
                return BuildMap(map);
            case YamlSequenceNode seq:
                if (seq.Children.All(c => c is YamlScalarNode))
                    return BuildItem(null, [], seq);
                return new OrPredicate(seq.Children.Select(c => c is YamlMappingNode m ? BuildMap(m) : BuildSearch(c)).ToList());
            default:
                return BuildItem(null, [], node);
        }
    }

    private AndPredicate BuildMap(YamlMappingNode map)
    {
        var items = new List<IEventPredicate>();
        foreach (var (keyNode, value) in map.Children)
        {
            var parts = YamlText.KeyText(keyNode).Split('|');
            var field = parts[0].Length == 0 ? null : parts[0];
            items.Add(BuildItem(field, parts.Skip(1).ToArray(), value));
        }
        return new AndPredicate(items);
    }

    private IEventPredicate BuildItem(string? field, string[] modifiers, YamlNode valueNode)
    {
        var line = YamlText.Line(valueNode);
        var values = valueNode switch
        {
            YamlSequenceNode seq => seq.Children.Select(ToValue).ToList(),
            YamlScalarNode => [ToValue(valueNode)],
            _ => throw new RuleLoadException(line, $"field '{field}' has a nested map as its value", "nested-map"),
        };
        var pattern = new ValuePattern(field, values, line, context);
        foreach (var name in modifiers)
        {
            if (name.Length == 0) continue;
            var modifier = ModifierCatalog.Default.Find(name)
                ?? throw new RuleLoadException(line, $"unsupported modifier '{name}'", "modifier:" + name);
            pattern = modifier.Apply(pattern);
        }
        context.CountValues(pattern.Values.Count, pattern.TypeModifier == "re", line);
        if (field is null)
        {
            // Keywords are substrings of the searched text (Sigma: "search across the entire event").
            if (pattern.TestFactory is null)
                pattern.Values = pattern.Values.Where(v => !v.IsNull).ToList();
            if (pattern.TestFactory is null) pattern.MapStrings(s => s.WithLeadingStar().WithTrailingStar());
            return new KeywordPredicate(pattern.BuildTests(), pattern.MatchAll);
        }
        return new FieldPredicate(field, pattern.BuildTests(), pattern.MatchAll, pattern.Negated, pattern.Extract);
    }

    private static SigmaValue ToValue(YamlNode node)
    {
        var line = YamlText.Line(node);
        if (node is not YamlScalarNode) throw new RuleLoadException(line, "a value list may hold only plain values", "nested-list");
        var text = YamlText.Scalar(node);
        return text is null ? SigmaValue.Null(line) : SigmaValue.FromRule(text, line);
    }
}
