using System.Diagnostics;
using Timeline.Core.Limits;
using Timeline.Detection.Sigma;
using Xunit;

namespace Timeline.Tests.Detection;

/// <summary>Untrusted rules are bounded (issue 11, item 4): each hostile file is one load error, fast, with its reason.</summary>
public sealed class RuleBoundsTests
{
    private static RuleLoadError LoadFails(string yaml, string feature, TimeSpan within)
    {
        var clock = Stopwatch.StartNew();
        var set = RuleLoader.LoadText(yaml, "hostile.yml");
        Assert.True(clock.Elapsed < within, $"loading took {clock.Elapsed.TotalSeconds:N1} s");
        Assert.Empty(set.Rules);
        var error = Assert.Single(set.Errors);
        Assert.Equal(feature, error.Feature);
        return error;
    }

    [Fact]
    public void AnAliasBombIsRejectedBeforeItExpands()
    {
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var error = LoadFails(HostileRules.AliasBomb(), "bounds:yaml", TimeSpan.FromSeconds(5));
        Assert.Contains("alias bomb", error.Reason, StringComparison.Ordinal);
        Assert.True(error.Line > 0);
        Assert.True(GC.GetTotalAllocatedBytes(precise: true) - before < 64 * 1024 * 1024, "the bomb was expanded in memory");
    }

    [Theory]
    [InlineData(100_000)]
    [InlineData(Bounds.YamlDepth + 1)]
    public void DeepYamlIsAnErrorNotAStackOverflow(int depth)
    {
        var error = LoadFails(HostileRules.DeepYaml(depth), "bounds:yaml", TimeSpan.FromSeconds(10));
        Assert.Contains($"deeper than {Bounds.YamlDepth}", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void YamlJustWithinTheDepthBoundStillLoadsAsFarAsTheRuleGoes()
    {
        // Nested lists are not valid Sigma values, but the bound must not be what rejects them.
        var set = RuleLoader.LoadText(HostileRules.DeepYaml(Bounds.YamlDepth - 4));
        Assert.DoesNotContain(set.Errors, e => e.Feature.StartsWith("bounds:", StringComparison.Ordinal));
    }

    [Fact]
    public void DeepConditionParenthesesAreAnError()
    {
        var error = LoadFails(HostileRules.DeepCondition(100_000), "bounds:condition", TimeSpan.FromSeconds(10));
        Assert.Contains($"deeper than {Bounds.ConditionDepth}", error.Reason, StringComparison.Ordinal);
        Assert.Empty(RuleLoader.LoadText(HostileRules.DeepCondition(Bounds.ConditionDepth)).Errors);
    }

    [Fact]
    public void RepeatedNotIsBoundedLikeParentheses()
    {
        LoadFails(HostileRules.ManyNots(100_000), "bounds:condition", TimeSpan.FromSeconds(10));
        Assert.Empty(RuleLoader.LoadText(HostileRules.ManyNots(Bounds.ConditionDepth)).Errors);
    }

    [Fact]
    public void TooManyValuesInOneRuleAreAnError()
    {
        var error = LoadFails(HostileRules.ManyValues(Bounds.ValuesPerRule + 1), "bounds:values", TimeSpan.FromSeconds(20));
        Assert.Contains("values", error.Reason, StringComparison.Ordinal);
        Assert.Empty(RuleLoader.LoadText(HostileRules.ManyValues(5_000)).Errors);
    }

    [Fact]
    public void TooManyRegexesAreRefusedBeforeTheyAreCompiled()
    {
        var error = LoadFails(HostileRules.ManyValues(100_000, "re"), "bounds:values", TimeSpan.FromSeconds(20));
        Assert.Contains("values", error.Reason, StringComparison.Ordinal);
        LoadFails(HostileRules.ManyValues(Bounds.RegexesPerRule + 1, "re"), "bounds:regexes", TimeSpan.FromSeconds(20));
        Assert.Empty(RuleLoader.LoadText(HostileRules.ManyValues(Bounds.RegexesPerRule, "re")).Errors);
    }

    [Fact]
    public void AnOversizedRuleFileIsNotRead()
    {
        var path = Path.Combine(Support.Some.TempDir(), "huge.yml");
        File.WriteAllText(path, HostileRules.Padded(Bounds.RuleFileBytes + 1));
        var set = RuleLoader.Load([path]);
        var error = Assert.Single(set.Errors);
        Assert.Equal("bounds:file-size", error.Feature);
        Assert.Contains("bytes", error.Reason, StringComparison.Ordinal);
    }
}
