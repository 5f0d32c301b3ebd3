using Xunit;
using Timeline.Detection.Sigma;
using static Timeline.Tests.Detection.DetectionHarness;

namespace Timeline.Tests.Detection;

public class ConditionTests
{
    private const string Selections = """
        sel_a:
            a: '1'
        sel_b:
            b: '1'
        filter_c:
            c: '1'
        _hidden:
            h: '1'
        """;

    // (condition, fields set to '1' on the event, expected)
    public static TheoryData<string, string, bool> Rows => new()
    {
        { "sel_a", "a", true },
        { "sel_a and sel_b", "a", false },
        { "sel_a and sel_b", "ab", true },
        { "sel_a or sel_b", "b", true },
        { "not sel_a", "b", true },
        { "not sel_a", "a", false },
        // precedence: not > and > or
        { "sel_a or sel_b and filter_c", "a", true },
        { "sel_a or sel_b and filter_c", "b", false },
        { "(sel_a or sel_b) and filter_c", "a", false },
        { "not sel_a and sel_b", "ab", false },
        { "not sel_a and sel_b", "b", true },
        { "not (sel_a and sel_b)", "a", true },
        { "not not sel_a", "a", true },
        // quantifiers
        { "1 of sel_*", "b", true },
        { "1 of sel_*", "c", false },
        { "all of sel_*", "a", false },
        { "all of sel_*", "ab", true },
        { "1 of them", "h", false },
        { "1 of them", "c", true },
        { "all of them", "abc", true },
        { "all of them", "ab", false },
        { "1 of sel_* and not 1 of filter_*", "ac", false },
        { "1 of sel_* and not 1 of filter_*", "a", true },
        { "_hidden", "h", true },
        { "sel_a AND NOT filter_c", "ac", false },
        { "sel_a AND NOT filter_c", "a", true },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void ConditionFormEvaluatesWithSigmaPrecedence(string condition, string set, bool expected)
    {
        var ev = Plain(set.Select(c => (c.ToString(), "1")).Append(("z", "1")).ToArray());
        Assert.Equal(expected, Run(Rule(Selections, condition), [ev]).Count == 1);
    }

    [Fact]
    public void ConditionListIsAnOrOfItsExpressions()
    {
        var yaml = Rule(Selections, "\n        - sel_a\n        - sel_b");
        Assert.Single(Run(yaml, [Plain(("b", "1"))]));
    }

    [Fact]
    public void KeywordListMatchesTheMessageAsSubstrings()
    {
        var yaml = Rule("keywords:\n    - 'wget * | sh'\n    - 'curl'", "keywords");
        Assert.Single(Run(yaml, [Event("test/plain", "x wget http://a/b | sh y")]));
        Assert.Empty(Run(yaml, [Event("test/plain", "wget only")]));
    }

    [Fact]
    public void KeywordAllModifierRequiresEveryValue()
    {
        var yaml = Rule("keywords:\n    '|all':\n        - 'alpha'\n        - 'beta'", "keywords");
        Assert.Single(Run(yaml, [Event("test/plain", "beta then alpha")]));
        Assert.Empty(Run(yaml, [Event("test/plain", "alpha only")]));
    }

    [Fact]
    public void ListOfMapsIsAnOrOfAnds()
    {
        var yaml = Rule("sel:\n    - a: '1'\n      b: '1'\n    - c: '1'");
        Assert.Single(Run(yaml, [Plain(("c", "1"))]));
        Assert.Single(Run(yaml, [Plain(("a", "1"), ("b", "1"))]));
        Assert.Empty(Run(yaml, [Plain(("a", "1"))]));
    }

    [Theory]
    [InlineData("sel_a and", "condition")]
    [InlineData("(sel_a", "condition")]
    [InlineData("missing", "condition")]
    [InlineData("1 of nothing_*", "condition")]
    [InlineData("2 of sel_*", "condition:n-of")]
    [InlineData("sel_a | near sel_b", "aggregation:near")]
    [InlineData("sel_a | max(x) > 3", "aggregation:max")]
    public void MalformedOrUnsupportedConditionsFailWithAFeature(string condition, string feature)
    {
        var set = RuleLoader.LoadText(Rule(Selections, condition));
        Assert.Equal(feature, Assert.Single(set.Errors).Feature);
    }
}
