using Timeline.Detection.Sigma.Values;
using Xunit;

namespace Timeline.Tests.Detection.Values;

/// <summary>
/// <see cref="SigmaString"/>: a rule value with its wildcards marked per character. Escaped <c>\*</c>/<c>\?</c>
/// are literal; <see cref="SigmaString.ToString"/> writes them escaped again, so a value round-trips; adding a
/// leading or trailing star (contains/startswith/endswith) keeps one star, never two; the literal runs are what
/// the needle prefilter searches for.
/// </summary>
public class SigmaStringTests
{
    [Theory]
    [InlineData(@"a\*b*?", @"a\*b*?")]
    [InlineData(@"\?x", @"\?x")]
    [InlineData(@"a\\b", @"a\b")]
    [InlineData("plain", "plain")]
    public void ARuleValueIsWrittenBackWithItsEscapes(string raw, string written) =>
        Assert.Equal(written, SigmaString.FromRule(raw).ToString());

    [Fact]
    public void ALiteralStarOrQuestionMarkIsWrittenEscaped() =>
        Assert.Equal(@"a\*b\?", SigmaString.Literal("a*b?").ToString());

    [Fact]
    public void AValueThatStartsWithAWildcardStarKeepsItsOneStar()
    {
        var s = SigmaString.FromRule("*ab");
        Assert.Same(s, s.WithLeadingStar());
        var t = SigmaString.FromRule("ab*");
        Assert.Same(t, t.WithTrailingStar());
    }

    [Theory]
    [InlineData(@"\*ab", @"*\*ab")]     // a literal star is not a wildcard: one is added
    [InlineData("?ab", "*?ab")]         // a wildcard '?' is not a star
    [InlineData("", "*")]
    [InlineData("ab", "*ab")]
    public void ALeadingStarIsAddedWhenTheValueHasNone(string raw, string written)
    {
        var s = SigmaString.FromRule(raw).WithLeadingStar();
        Assert.Equal(written, s.ToString());
        Assert.True(s.IsWildcard(0));
    }

    [Theory]
    [InlineData(@"ab\*", @"ab\**")]
    [InlineData("ab?", "ab?*")]
    [InlineData("", "*")]
    [InlineData("ab", "ab*")]
    public void ATrailingStarIsAddedWhenTheValueHasNone(string raw, string written)
    {
        var s = SigmaString.FromRule(raw).WithTrailingStar();
        Assert.Equal(written, s.ToString());
        Assert.True(s.IsWildcard(s.Length - 1));
    }

    [Theory]
    [InlineData("ab*c?de*", new[] { "ab", "c", "de" })]
    [InlineData("abc", new[] { "abc" })]
    [InlineData("*", new string[0])]
    [InlineData(@"a\*b", new[] { "a*b" })]
    [InlineData("**x", new[] { "x" })]
    public void LiteralRunsAreTheTextBetweenWildcards(string raw, string[] runs) =>
        Assert.Equal(runs, SigmaString.FromRule(raw).LiteralRuns());
}
