using CsCheck;
using Xunit;
using Timeline.Detection.Sigma.Matching;

namespace Timeline.Tests.Detection.Matching;

/// <summary>
/// The prefilter's index over many rules: a rule is marked for an event exactly when one of its needles
/// occurs (case-insensitively) in the needle's field — or, for a keyword needle, in any keyword text.
/// Rules without needles are never marked (the engine always evaluates them).
/// </summary>
public class NeedleIndexTests
{
    private static readonly string[] Fields = ["CommandLine", "Image", "User"];
    private static readonly Gen<string> Word = Gen.Char["abAB"].Array[1, 3].Select(c => new string(c));
    private static readonly Gen<Needle> OneNeedle = Gen.Select(Gen.Int[0, 3], Word, (f, w) => new Needle(f == 3 ? null : Fields[f], w));
    private static readonly Gen<IReadOnlyList<Needle>?> RuleNeedles = Gen.Frequency(
        (1, Gen.Int[0, 0].Select(_ => (IReadOnlyList<Needle>?)null)),
        (4, OneNeedle.List[1, 4].Select(l => (IReadOnlyList<Needle>?)l)));
    private static readonly Gen<Source> Event = Gen.Select(
        Gen.Char["abAx"].Array[0, 8].Select(c => new string(c)).Array[3],
        Gen.Char["abBx"].Array[0, 8].Select(c => new string(c)).List[0, 2],
        Gen.Bool.Array[3],
        (values, keywords, present) => new Source(Fields.Select((f, i) => (f, present[i] ? values[i] : null)).ToDictionary(p => p.f, p => p.Item2), keywords));

    [Fact]
    public void MarksExactlyTheRulesWithANeedleInTheEvent()
    {
        Gen.Select(RuleNeedles.List[1, 8], Event).Sample((rules, source) =>
        {
            var index = new NeedleIndex(rules);
            var marks = new int[rules.Count];
            index.Mark(source, marks, stamp: 7);
            for (var r = 0; r < rules.Count; r++)
            {
                var expected = rules[r] is { } needles && needles.Any(n => source.Contains(n));
                if ((marks[r] == 7) != expected) return false;
            }
            return true;
        }, iter: 3_000, print: t => string.Join(" | ", t.Item1.Select(r => r is null ? "(none)" : string.Join(",", r.Select(n => $"{n.Field ?? "*"}:{n.Text}")))) + " ⇐ " + t.Item2);
    }

    [Fact]
    public void AStampFromAnEarlierEventIsOverwrittenOnlyWhereANeedleOccurs()
    {
        var index = new NeedleIndex([[new Needle("Image", "xmrig")], [new Needle(null, "stratum")], null]);
        var marks = new[] { 1, 1, 1 };
        index.Mark(new Source(new Dictionary<string, string?> { ["Image"] = "/tmp/XMRig" }, ["no keyword here"]), marks, stamp: 2);
        Assert.Equal([2, 1, 1], marks);
        index.Mark(new Source(new Dictionary<string, string?> { ["Image"] = null }, ["a", "stratum+tcp://pool"]), marks, stamp: 3);
        Assert.Equal([2, 3, 1], marks);
    }

    internal sealed class Source(Dictionary<string, string?> values, IReadOnlyList<string> keywords) : IFieldSource
    {
        public string? Get(string sigmaField) => values.GetValueOrDefault(sigmaField);
        public IEnumerable<string> KeywordTexts => keywords;

        public bool Contains(Needle n) => n.Field is null
            ? keywords.Any(k => k.Contains(n.Text, StringComparison.OrdinalIgnoreCase))
            : Get(n.Field) is { } v && v.Contains(n.Text, StringComparison.OrdinalIgnoreCase);

        public override string ToString() => string.Join(" ", values.Select(p => $"{p.Key}={p.Value ?? "(absent)"}")) + " kw[" + string.Join(",", keywords) + "]";
    }
}
