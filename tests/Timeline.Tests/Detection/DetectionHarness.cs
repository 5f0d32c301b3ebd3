using Xunit;
using Timeline.Core.Events;
using Timeline.Core.Findings;
using Timeline.Detection.Sigma;
using Timeline.Detection.Sigma.Mappings;
using Timeline.Tests.Support;

namespace Timeline.Tests.Detection;

/// <summary>Builds events and engines for detection tests: inline rules, the repository's mappings or a neutral test mapping.</summary>
internal static class DetectionHarness
{
    private static long _position;

    /// <summary>A parser <c>test/plain</c> whose events satisfy <c>product: test</c>, fields under their own names, keywords over message and fields.</summary>
    public static readonly SourceMappings TestMappings = new([SourceMappings.LoadFile("test.yml", """
        parser: test/plain
        keywords: [message, fields]
        logsources:
          - product: test
        """)]);

    public static readonly Lazy<SourceMappings> RepoMappings = new(() => SourceMappings.Load(Path.Combine(RepoPaths.Sigma, "mappings")));

    public static EventRecord Event(string parser, string message, DateTime? utc = null, params (string Key, string Value)[] fields)
    {
        var set = new FieldSet();
        foreach (var (k, v) in fields) set.Set(k, v);
        var position = Interlocked.Increment(ref _position);
        return new EventRecord
        {
            Ticks = utc?.Ticks,
            TimeQuality = TimeQuality.Exact,
            Host = "web01",
            Parser = parser,
            Message = message,
            Fields = set,
            Origin = new Origin("test.log", "0123456789abcdef0123", position),
        };
    }

    public static EventRecord Plain(params (string Key, string Value)[] fields) => Event("test/plain", "", null, fields);

    public static RuleSet Load(string yaml)
    {
        var set = RuleLoader.LoadText(yaml);
        Assert.True(set.Errors.Count == 0, string.Join("; ", set.Errors.Select(e => $"{e.Line}: {e.Reason}")));
        return set;
    }

    public static List<RuleMatch> Run(string yaml, IEnumerable<EventRecord> events, SourceMappings? mappings = null) =>
        new RuleEngine(Load(yaml), mappings ?? TestMappings).Evaluate(events).ToList();

    /// <summary>A one-selection rule over <c>product: test</c> with the given detection body lines.</summary>
    public static string Rule(string selection, string condition = "sel") => $"""
        title: Test rule
        id: 11111111-1111-4111-8111-111111111111
        level: high
        logsource:
            product: test
        detection:
        {Indent(selection, 4)}
            condition: {condition}
        """;

    private static string Indent(string text, int spaces) =>
        string.Join("\n", text.Split('\n').Select(l => new string(' ', spaces) + l.TrimEnd('\r')));
}
