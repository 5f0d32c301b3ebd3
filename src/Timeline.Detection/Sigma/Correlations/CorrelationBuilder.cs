using Timeline.Core.Vocabulary;
using System.Globalization;
using YamlDotNet.RepresentationModel;
using Timeline.Detection.Sigma.Conditions;

namespace Timeline.Detection.Sigma.Correlations;

/// <summary>Reads a correlation document into a <see cref="CorrelationRule"/>, and turns a deprecated aggregation into one.</summary>
internal static class CorrelationBuilder
{
    /// <summary>Used when an aggregation has no <c>timeframe</c>: the whole evidence is one window.</summary>
    public static readonly TimeSpan Unbounded = TimeSpan.FromDays(365 * 100);

    private static readonly Dictionary<string, CorrelationType> Types = new(StringComparer.Ordinal)
    {
        ["event_count"] = CorrelationType.EventCount,
        ["value_count"] = CorrelationType.ValueCount,
        ["temporal"] = CorrelationType.Temporal,
        ["temporal_ordered"] = CorrelationType.TemporalOrdered,
        ["value_sum"] = CorrelationType.ValueSum,
        ["value_avg"] = CorrelationType.ValueAvg,
        ["value_percentile"] = CorrelationType.ValuePercentile,
    };

    private static readonly string[] Comparators = ["gt", "gte", "lt", "lte", "eq", "neq"];

    public static CorrelationRule Build(string path, YamlMappingNode root, YamlMappingNode body)
    {
        var line = YamlText.Line(body);
        var typeText = YamlText.ChildText(body, "type") ?? throw new RuleLoadException(line, "correlation has no type", "correlation");
        if (!Types.TryGetValue(typeText, out var type))
            throw new RuleLoadException(line, $"unsupported correlation type '{typeText}'", "correlation:type:" + typeText);
        var references = YamlText.List(YamlText.Child(body, "rules"));
        if (references.Count == 0) throw new RuleLoadException(line, "correlation references no rules", "correlation");
        var timespanText = YamlText.ChildText(body, "timespan") ?? YamlText.ChildText(body, "timeframe");
        var timespan = YamlText.Duration(timespanText) ?? throw new RuleLoadException(line, $"invalid or missing timespan '{timespanText}'", "correlation:timespan");
        var condition = ReadCondition(YamlText.Child(body, "condition"), type, line);
        var generate = YamlText.ChildText(body, "generate") ?? YamlText.ChildText(root, "generate");
        var aliases = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        if (YamlText.Child(body, "aliases") is YamlMappingNode aliasMap)
        {
            foreach (var (k, v) in aliasMap.Children)
            {
                if (v is not YamlMappingNode perRule) throw new RuleLoadException(YamlText.Line(v), "alias must map rule names to fields", "correlation:aliases");
                aliases[YamlText.KeyText(k)] = perRule.Children.ToDictionary(p => YamlText.KeyText(p.Key), p => YamlText.Scalar(p.Value) ?? "", StringComparer.Ordinal);
            }
        }
        return new CorrelationRule
        {
            Id = YamlText.ChildText(root, "id") ?? YamlText.ChildText(root, "name") ?? System.IO.Path.GetFileNameWithoutExtension(path),
            Name = YamlText.ChildText(root, "name"),
            Title = YamlText.ChildText(root, "title") ?? System.IO.Path.GetFileNameWithoutExtension(path),
            Level = (YamlText.ChildText(root, "level") ?? RuleLevels.Informational).ToLowerInvariant(),
            Status = YamlText.ChildText(root, "status") ?? "",
            Tags = YamlText.List(YamlText.Child(root, "tags")),
            Author = YamlText.ChildText(root, "author") ?? "",
            Type = type,
            RuleReferences = references,
            GroupBy = YamlText.List(YamlText.Child(body, "group-by")),
            Timespan = timespan,
            Condition = condition,
            Generate = string.Equals(generate, "true", StringComparison.OrdinalIgnoreCase),
            Aliases = aliases,
            Path = path,
            Line = YamlText.Line(root),
        };
    }

    private static CorrelationCondition? ReadCondition(YamlNode? node, CorrelationType type, int line)
    {
        var temporal = type is CorrelationType.Temporal or CorrelationType.TemporalOrdered;
        if (node is null)
        {
            if (temporal) return null;
            throw new RuleLoadException(line, "correlation has no condition", "correlation:condition");
        }
        if (node is not YamlMappingNode map) throw new RuleLoadException(YamlText.Line(node), "correlation condition must be a map", "correlation:condition");
        var comparisons = new List<(string, double)>();
        string? field = null;
        double? percentile = null;
        foreach (var (k, v) in map.Children)
        {
            var key = YamlText.KeyText(k);
            var text = YamlText.Scalar(v) ?? "";
            if (key == "field") { field = text; continue; }
            if (key == "percentile")
            {
                percentile = ParseNumber(text, YamlText.Line(v));
                continue;
            }
            if (!Comparators.Contains(key)) throw new RuleLoadException(YamlText.Line(k), $"unknown condition operator '{key}'", "correlation:condition");
            comparisons.Add((key, ParseNumber(text, YamlText.Line(v))));
        }
        if (comparisons.Count == 0) throw new RuleLoadException(YamlText.Line(node), "correlation condition has no comparison", "correlation:condition");
        var needsField = type is CorrelationType.ValueCount or CorrelationType.ValueSum or CorrelationType.ValueAvg or CorrelationType.ValuePercentile;
        if (needsField && string.IsNullOrEmpty(field)) throw new RuleLoadException(YamlText.Line(node), $"correlation type {type} needs condition.field", "correlation:condition");
        return new CorrelationCondition(comparisons, field, percentile);
    }

    private static double ParseNumber(string text, int line) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw new RuleLoadException(line, $"'{text}' is not a number", "correlation:condition");

    /// <summary>The implicit correlation of a deprecated <c>| count(...) by g op n</c> condition, over the rule itself.</summary>
    public static CorrelationRule FromAggregation(SigmaRule rule, Aggregation aggregation) => new()
    {
        Id = rule.Id,
        Name = null,
        Title = rule.Title,
        Level = rule.Level,
        Tags = rule.Tags,
        Author = rule.Author,
        Status = rule.Status,
        Type = aggregation.Field is null ? CorrelationType.EventCount : CorrelationType.ValueCount,
        RuleReferences = [rule.Id],
        GroupBy = aggregation.GroupBy is null ? [] : [aggregation.GroupBy],
        Timespan = rule.Timeframe ?? Unbounded,
        Condition = new CorrelationCondition(aggregation.Condition.Comparisons, aggregation.Field),
        Generate = false,
        Path = rule.Path,
        Line = rule.Line,
    };
}
