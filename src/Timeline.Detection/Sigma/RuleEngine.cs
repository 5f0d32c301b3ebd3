using Timeline.Core.Vocabulary;
using Timeline.Core.Events;
using Timeline.Core.Findings;
using Timeline.Detection.Sigma.Correlations;
using Timeline.Detection.Sigma.Mappings;
using Timeline.Detection.Sigma.Matching;

namespace Timeline.Detection.Sigma;

/// <summary>
/// Evaluates a <see cref="RuleSet"/> over events through the parser mappings. Rules are compiled once;
/// per parser they are indexed by logsource gate and prefiltered by literal needles. Correlations stream:
/// feed events in time order; state is bounded per group and window. Events without a time take part in
/// detection rules but not in correlations.
/// </summary>
public sealed class RuleEngine
{
    private readonly RuleSet _rules;
    private readonly SourceMappings _mappings;
    private readonly Dictionary<string, ParserPlan?> _plans = new(StringComparer.Ordinal);
    private readonly bool[] _suppressed;
    private readonly HashSet<CorrelationRule> _suppressedCorrelations = [];
    private readonly bool _prefilter;

    public RuleEngine(RuleSet rules, SourceMappings mappings) : this(rules, mappings, prefilter: true)
    {
    }

    /// <param name="rules">The compiled rules.</param>
    /// <param name="mappings">The parser mappings.</param>
    /// <param name="prefilter">
    /// False evaluates every rule on every event, skipping the literal needle prefilter. Only for tests
    /// that check the prefilter never changes a match (a differential test, not a user option).
    /// </param>
    internal RuleEngine(RuleSet rules, SourceMappings mappings, bool prefilter)
    {
        _prefilter = prefilter;
        _rules = rules;
        _mappings = mappings;
        var generated = new HashSet<string>(StringComparer.Ordinal);
        var referenced = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in rules.Correlations)
            foreach (var r in c.RuleReferences)
                (c.Generate ? generated : referenced).Add(r);
        bool Hidden(string id, string? name) =>
            (referenced.Contains(id) || (name is not null && referenced.Contains(name))) && !generated.Contains(id) && (name is null || !generated.Contains(name));
        _suppressed = rules.Rules.Select(r => Hidden(r.Id, r.Name)).ToArray();
        foreach (var c in rules.Correlations)
            if (Hidden(c.Id, c.Name) && rules.Correlations.Any(p => p != c && p.RuleReferences.Any(x => x == c.Id || x == c.Name)))
                _suppressedCorrelations.Add(c);
    }

    /// <summary>Regex timeouts and similar matching problems seen so far.</summary>
    public MatchDiagnostics Diagnostics => _rules.Diagnostics;

    /// <summary>How many rules can apply to events of <paramref name="parser"/> (0 without a mapping).</summary>
    public int RuleCountFor(string parser) => PlanFor(parser)?.RuleCount ?? 0;

    /// <summary>Per logsource entry of the parser: rules attached, and how many of them have no literal needle (always evaluated).</summary>
    public IReadOnlyList<(LogSource LogSource, int Rules, int WithoutNeedles)> PrefilterCoverage(string parser) =>
        PlanFor(parser)?.Entries.Select(e => (e.Entry.LogSource, e.Variants.Length, e.Variants.Count(v => v.Needles is null))).ToList() ?? [];

    /// <summary>
    /// Matches of every rule (and correlation) at or above <paramref name="minLevel"/>. Correlation hits
    /// are reported once per contributing event (the most recent <see cref="GroupState.MaxEventIds"/>).
    /// Lazily evaluated; enumerate once.
    /// </summary>
    public IEnumerable<RuleMatch> Evaluate(IEnumerable<EventRecord> eventsInTimeOrder, string minLevel = RuleLevels.Informational)
    {
        var min = RuleLevels.Rank(minLevel);
        var runner = new CorrelationRunner(_rules.Correlations);
        var consumes = _rules.Rules.Select(r => runner.Consumes(r.Id, r.Name)).ToArray();
        var seen = new int[_rules.Rules.Count];
        var marks = new int[Math.Max(1, _rules.Rules.Count)];
        var stamp = 0;
        var markStamp = 0;
        var view = new EventView();
        foreach (var record in eventsInTimeOrder)
        {
            var plan = PlanFor(record.Parser);
            if (plan is null) continue;
            stamp++;
            view.Reset(record, plan.Mapping, null);
            foreach (var entryPlan in plan.Candidates(record))
            {
                if (!entryPlan.Entry.Admits(record)) continue;
                view.Use(entryPlan.Entry);
                markStamp++;
                if (_prefilter) entryPlan.Needles.Mark(view, marks, markStamp);
                var variants = entryPlan.Variants;
                for (var v = 0; v < variants.Length; v++)
                {
                    var variant = variants[v];
                    if (seen[variant.RuleIndex] == stamp) continue;
                    if (_prefilter && variant.Needles is not null && marks[v] != markStamp) continue;
                    if (!variant.Rule.Detection.Matches(view)) continue;
                    seen[variant.RuleIndex] = stamp;
                    var rule = variant.Rule;
                    if (!_suppressed[variant.RuleIndex] && RuleLevels.Rank(rule.Level) >= min)
                        yield return new RuleMatch(record.Id, rule.Id, rule.Title, rule.Level, rule.Tags, rule.Author);
                    if (consumes[variant.RuleIndex] && record.Ticks is { } ticks)
                    {
                        var hits = runner.Feed(new CorrelationInput(rule.Id, rule.Name, ticks, [record.Id], view.Get));
                        foreach (var m in Report(hits, min)) yield return m;
                    }
                }
            }
        }
        foreach (var m in Report(runner.Finish(), min)) yield return m;
    }

    private IEnumerable<RuleMatch> Report(List<CorrelationHit> hits, int min)
    {
        foreach (var hit in hits)
        {
            var c = hit.Rule;
            if (_suppressedCorrelations.Contains(c) || RuleLevels.Rank(c.Level) < min) continue;
            foreach (var id in hit.EventIds) yield return new RuleMatch(id, c.Id, c.Title, c.Level, c.Tags, c.Author);
        }
    }

    private ParserPlan? PlanFor(string parser)
    {
        lock (_plans)
        {
            if (_plans.TryGetValue(parser, out var plan)) return plan;
            var mapping = _mappings.For(parser);
            plan = mapping is null ? null : new ParserPlan(mapping, _rules.Rules);
            _plans[parser] = plan;
            return plan;
        }
    }
}
