using System.Text;
using System.Text.RegularExpressions;
using CsCheck;
using Xunit;
using Timeline.Detection.Sigma.Matching;
using Timeline.Detection.Sigma.Values;
using static Timeline.Tests.Detection.DetectionHarness;

namespace Timeline.Tests.Detection.Matching;

public class WildcardTestTests
{
    // (rule value as written, event value, expected) — glob shapes that the fast paths (exact, prefix,
    // suffix, contains) do not take, so the backtracking matcher decides.
    public static TheoryData<string, string, bool> GlobRows => new()
    {
        { "*x*z*", "wxyz", true },      // contains: 'x*z' — the trailing star must absorb the end of the value
        { "*x*z*", "wxyzq", true },
        { "*x*z*", "wzyx", false },
        { "x*z*", "xz", true },
        { "x*z*", "xaz", true },
        { "x*z*", "axz", false },
        { "*x*z", "axbz", true },
        { "*x*z", "axbzc", false },
        { "a?c*", "abc", true },
        { "a?c*", "ac", false },
        { "a**b", "ab", true },
        { "*a*a*", "a", false },
        { "*a*a*", "aa", true },
        { "?*?", "ab", true },
        { "?*?", "a", false },
    };

    [Theory]
    [MemberData(nameof(GlobRows))]
    public void GlobShapesMatchTheWholeValue(string pattern, string value, bool expected) =>
        Assert.Equal(expected, new WildcardTest(SigmaString.FromRule(pattern), caseSensitive: false).Test(value, EmptySource.Instance));

    [Fact]
    public void ContainsWithAnInnerWildcardMatchesAcrossTheRest()
    {
        var yaml = Rule("sel:\n    f|contains: 'x*z'");
        Assert.Single(Run(yaml, [Plain(("f", "wxyz"))]));
        Assert.Empty(Run(yaml, [Plain(("f", "wzyx"))]));
    }

    [Fact]
    public void AbsentValueMatchesOnlyTheEmptyPattern()
    {
        Assert.True(new WildcardTest(SigmaString.FromRule(""), false).Test(null, EmptySource.Instance));
        Assert.False(new WildcardTest(SigmaString.FromRule("*"), false).Test(null, EmptySource.Instance));
        Assert.False(new WildcardTest(SigmaString.FromRule("a"), false).Test(null, EmptySource.Instance));
    }

    [Fact]
    public void RequiredLiteralIsTheLongestLiteralRun()
    {
        Assert.Equal("longer", new WildcardTest(SigmaString.FromRule("ab*longer*c"), false).RequiredLiteral);
        Assert.Null(new WildcardTest(SigmaString.FromRule("*?*"), false).RequiredLiteral);
    }

    /// <summary>
    /// Differential: every pattern over a small alphabet (so stars, escapes and repeats collide often),
    /// against a plain regex translation of the same <see cref="SigmaString"/>, cased and not.
    /// </summary>
    [Fact]
    public void MatchesAPlainRegexTranslationOnRandomPatternsAndValues()
    {
        var pattern = Gen.Char["abA*?\\"].Array[0, 9].Select(a => new string(a));
        var value = Gen.Char["abAB*?\\"].Array[0, 12].Select(a => new string(a));
        Gen.Select(pattern, value, Gen.Bool).Sample((raw, text, cased) =>
        {
            var sigma = SigmaString.FromRule(raw);
            var expected = Translate(sigma, cased).IsMatch(text);
            return new WildcardTest(sigma, cased).Test(text, EmptySource.Instance) == expected;
        }, iter: 20_000, print: t => $"pattern '{t.Item1}' value '{t.Item2}' cased {t.Item3}");
    }

    /// <summary>The reference: '*' is <c>.*</c>, '?' is <c>.</c>, every literal escaped, anchored at both ends.</summary>
    private static Regex Translate(SigmaString s, bool cased)
    {
        var sb = new StringBuilder("^");
        for (var i = 0; i < s.Length; i++)
            sb.Append(!s.IsWildcard(i) ? Regex.Escape(s.Text[i].ToString()) : s.Text[i] == '*' ? ".*" : ".");
        sb.Append('$');
        var options = RegexOptions.Singleline | RegexOptions.CultureInvariant | (cased ? RegexOptions.None : RegexOptions.IgnoreCase);
        return new Regex(sb.ToString(), options);
    }

    private sealed class EmptySource : IFieldSource
    {
        public static readonly EmptySource Instance = new();
        public string? Get(string sigmaField) => null;
        public IEnumerable<string> KeywordTexts => [];
    }
}
