namespace Timeline.Core.Findings;

/// <summary>A small, in-memory set of matches keyed by event id (a chain's steps, a test's fixture).</summary>
public sealed class RuleMatchesByEvent : IRuleMatchLookup
{
    public static readonly RuleMatchesByEvent None = new([]);
    private static readonly IReadOnlyList<RuleMatch> NoRules = [];
    private readonly Dictionary<string, List<RuleMatch>> _byEvent = new(StringComparer.Ordinal);

    public RuleMatchesByEvent(IEnumerable<RuleMatch> matches)
    {
        foreach (var m in matches)
        {
            if (!_byEvent.TryGetValue(m.EventId, out var list)) _byEvent[m.EventId] = list = [];
            list.Add(m);
        }
    }

    public RuleMatchesByEvent(IReadOnlyDictionary<string, List<RuleMatch>> byEvent) : this(byEvent.Values.SelectMany(l => l))
    {
    }

    public int Count => _byEvent.Count;

    public IReadOnlyList<RuleMatch> Of(string eventId) => _byEvent.TryGetValue(eventId, out var list) ? list : NoRules;
}
