using System.Text.RegularExpressions;
using Xunit;
using Timeline.Detection.Sigma;
using Timeline.Detection.Sigma.Matching;

namespace Timeline.Tests.Detection.Matching;

/// <summary>
/// <see cref="RegexTest.Create"/>: the linear engine when the pattern allows it, the backtracking one
/// (with the timeout) when it needs backreferences or lookarounds — both counted as compiled, which
/// `hunt` prints — and a clear load error for an invalid pattern.
/// </summary>
public class RegexTestTests
{
    private static MatchDiagnostics Diagnostics() => new(TimeSpan.FromMilliseconds(100), 10, TimeSpan.FromSeconds(60));

    [Fact]
    public void EveryCompiledPatternIsCountedWhicheverEngineRunsIt()
    {
        var d = Diagnostics();
        var linear = RegexTest.Create("xmr(ig|-stak)", RegexOptions.IgnoreCase, d, 3);
        Assert.Equal(1, d.CompiledRegexes);
        var backtracking = RegexTest.Create(@"(a)\1b", RegexOptions.None, d, 4);
        Assert.Equal(2, d.CompiledRegexes);
        Assert.True(linear.Test("/tmp/XMRig", EmptySource.Instance));
        Assert.False(linear.Test("/tmp/xmr", EmptySource.Instance));
        Assert.True(backtracking.Test("aab", EmptySource.Instance));
        Assert.False(backtracking.Test("abb", EmptySource.Instance));
        Assert.False(linear.Test(null, EmptySource.Instance));
    }

    [Theory]
    [InlineData("(unclosed")]
    [InlineData(@"(?<=a+)\1(")]
    public void AnInvalidPatternIsALoadErrorWithItsLine(string pattern)
    {
        var d = Diagnostics();
        var ex = Assert.Throws<RuleLoadException>(() => RegexTest.Create(pattern, RegexOptions.None, d, 17));
        Assert.Equal(17, ex.Line);
        Assert.Equal("regex", ex.Feature);
        Assert.Contains($"invalid regular expression '{pattern}'", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, d.CompiledRegexes);
    }

    private sealed class EmptySource : IFieldSource
    {
        public static readonly EmptySource Instance = new();
        public string? Get(string sigmaField) => null;
        public IEnumerable<string> KeywordTexts => [];
    }
}
