using CsCheck;
using Xunit;
using Timeline.Detection.Sigma.Matching;

namespace Timeline.Tests.Detection.Matching;

/// <summary>
/// The Aho–Corasick automaton behind the rule prefilter, against the plain definition: needle i is
/// reported once per position where an occurrence of it ends, compared case-insensitively
/// (<see cref="StringComparison.OrdinalIgnoreCase"/>). Overlapping needles, a needle inside another,
/// repeats and letters outside the needles' alphabet are what the random inputs are made of.
/// </summary>
public class NeedleAutomatonTests
{
    // A small alphabet makes overlaps and shared prefixes/suffixes common; 'é'/'É' fold like ASCII.
    private static readonly Gen<string> Needle = Gen.Char["aAbBcé"].Array[1, 5].Select(c => new string(c));
    private static readonly Gen<string> Text = Gen.Char["aAbBcCxÉé"].Array[0, 24].Select(c => new string(c));

    [Fact]
    public void ReportsEveryOccurrenceOfEveryNeedleLikeANaiveScan()
    {
        Gen.Select(Needle.List[1, 6], Text).Sample((needles, text) =>
        {
            var automaton = new NeedleAutomaton(needles);
            var found = new int[needles.Count];
            automaton.Scan(text, id => found[id]++);
            return found.SequenceEqual(needles.Select(n => Occurrences(text, n)));
        }, iter: 5_000, print: t => $"needles [{string.Join(", ", t.Item1)}] text '{t.Item2}'");
    }

    [Theory]
    [InlineData(new[] { "he", "she", "his", "hers" }, "ushers", new[] { 1, 1, 0, 1 })]
    [InlineData(new[] { "aa" }, "aaaa", new[] { 3 })]
    [InlineData(new[] { "a", "aa", "aaa" }, "aaa", new[] { 3, 2, 1 })]
    [InlineData(new[] { "abc", "bc", "c" }, "xabcx", new[] { 1, 1, 1 })]
    [InlineData(new[] { "ab", "ab" }, "abab", new[] { 2, 2 })]
    [InlineData(new[] { "XMRIG" }, "/tmp/.x/xmrig -o pool", new[] { 1 })]
    [InlineData(new[] { "stratum" }, "", new[] { 0 })]
    [InlineData(new[] { "ba" }, "ab", new[] { 0 })]
    [InlineData(new[] { "a\0b" }, "xa\0bx\0", new[] { 1 })]
    [InlineData(new[] { "\uffff" }, "a\uffff\uFFFF", new[] { 2 })]
    public void KnownRows(string[] needles, string text, int[] expected)
    {
        var found = new int[needles.Length];
        new NeedleAutomaton(needles).Scan(text, id => found[id]++);
        Assert.Equal(expected, found);
    }

    private static int Occurrences(string text, string needle)
    {
        var count = 0;
        for (var i = 0; i + needle.Length <= text.Length; i++)
            if (string.Compare(text, i, needle, 0, needle.Length, StringComparison.OrdinalIgnoreCase) == 0) count++;
        return count;
    }
}
