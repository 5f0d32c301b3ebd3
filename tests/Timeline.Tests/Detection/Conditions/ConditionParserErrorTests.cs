using Xunit;
using Timeline.Core.Limits;
using Timeline.Detection.Sigma;
using Timeline.Detection.Sigma.Conditions;
using Timeline.Detection.Sigma.Matching;

namespace Timeline.Tests.Detection.Conditions;

/// <summary>
/// What <see cref="ConditionParser"/> says when a condition is wrong: `rules lint` shows the reason and
/// counts the feature, so each refusal is checked for its words, its feature and the rule line.
/// Also the quantifier forms that resolve to one identifier, and which identifiers a pattern takes.
/// </summary>
public class ConditionParserErrorTests
{
    private static readonly string[] Names = ["sel_a", "sel_b", "_hidden", "filter"];

    private static ConditionParser Parser() =>
        new(Names.ToDictionary(n => n, n => (IEventPredicate)new Named(n)), line: 12);

    // (condition, words the reason must contain)
    public static TheoryData<string, string> Refusals => new()
    {
        { "", "empty condition" },
        { "   ", "empty condition" },
        { "sel_a sel_b", "unexpected 'sel_b' in condition 'sel_a sel_b'" },
        { "sel_a and", "condition ends too early" },
        { "not", "condition ends too early" },
        { "(sel_a or sel_b", "missing ')'" },
        { ")", "unexpected ')'" },
        { "sel_a and )", "unexpected ')'" },
        { "1 of", "'of' needs an identifier pattern" },
        { "and sel_a", "unexpected 'and'" },
        { "or sel_a", "unexpected 'or'" },
        { "AND sel_a", "unexpected 'AND'" },
        { "Or sel_a", "unexpected 'Or'" },
        { "sel_c", "unknown search identifier 'sel_c'" },
        { "1 of nothing_*", "no search identifier matches 'nothing_*'" },
        { "sel_a )", "unexpected ')' in condition 'sel_a )'" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void ARefusalSaysWhatIsWrong(string condition, string reason)
    {
        var ex = Assert.Throws<RuleLoadException>(() => Parser().Parse(condition));
        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
        Assert.Equal("condition", ex.Feature);
        Assert.Equal(12, ex.Line);
    }

    [Theory]
    [InlineData("2 of sel_*")]
    [InlineData("none of sel_*")]
    public void OnlyOneOfAndAllOfAreSupported(string condition)
    {
        var ex = Assert.Throws<RuleLoadException>(() => Parser().Parse(condition));
        Assert.Equal("condition:n-of", ex.Feature);
        Assert.Contains($"quantifier '{condition.Split(' ')[0]} of' is not supported", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NestingDeeperThanTheBoundIsRefusedAsABound()
    {
        var deep = string.Concat(Enumerable.Repeat("(", Bounds.ConditionDepth + 1)) + "sel_a" + string.Concat(Enumerable.Repeat(")", Bounds.ConditionDepth + 1));
        var ex = Assert.Throws<RuleLoadException>(() => Parser().Parse(deep));
        Assert.Equal("bounds:condition", ex.Feature);
        Assert.Contains(Bounds.ConditionDepth.ToString(System.Globalization.CultureInfo.InvariantCulture), ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NestingExactlyAtTheBoundIsAccepted()
    {
        var atBound = string.Concat(Enumerable.Repeat("(", Bounds.ConditionDepth)) + "sel_a" + string.Concat(Enumerable.Repeat(")", Bounds.ConditionDepth));
        Assert.Equal("sel_a", Assert.IsType<Named>(Parser().Parse(atBound)).Name);
    }

    [Fact]
    public void NotsAndParenthesesShareOneDepthThatIsGivenBackOnTheWayOut()
    {
        // Siblings do not add up: depth returns when a parenthesis or 'not' closes.
        var sibling = string.Join(" and ", Enumerable.Repeat(string.Concat(Enumerable.Repeat("(", Bounds.ConditionDepth)) + "sel_a" + string.Concat(Enumerable.Repeat(")", Bounds.ConditionDepth)), 3));
        Parser().Parse(sibling);
        var nots = string.Join(" and ", Enumerable.Repeat(string.Concat(Enumerable.Repeat("not ", Bounds.ConditionDepth)) + "sel_a", 3));
        Parser().Parse(nots);
        var tooManyNots = string.Concat(Enumerable.Repeat("not ", Bounds.ConditionDepth + 1)) + "sel_a";
        Assert.Equal("bounds:condition", Assert.Throws<RuleLoadException>(() => Parser().Parse(tooManyNots)).Feature);
    }

    [Theory]
    [InlineData("1 of sel_a", "sel_a")]
    [InlineData("all of sel_b", "sel_b")]
    [InlineData("any of filt*", "filter")]
    [InlineData("ALL OF filter", "filter")]
    [InlineData("1 OF sel_?", null)]
    public void AQuantifierOverOneIdentifierIsThatIdentifier(string condition, string? only)
    {
        var parsed = Parser().Parse(condition);
        if (only is null) Assert.IsType<OrPredicate>(parsed);
        else Assert.Equal(only, Assert.IsType<Named>(parsed).Name);
    }

    [Fact]
    public void ThemLeavesOutUnderscoreIdentifiersAndPatternsMatchWholeNames()
    {
        Assert.Equal(["filter", "sel_a", "sel_b"], Names(Parser().Parse("1 of them")));
        Assert.Equal(["filter", "sel_a", "sel_b"], Names(Parser().Parse("all of THEM")));
        Assert.Equal(["_hidden", "filter", "sel_a", "sel_b"], Names(Parser().Parse("1 of *")));
        Assert.Equal(["sel_a", "sel_b"], Names(Parser().Parse("1 of sel_?")));
        // A pattern is anchored at both ends: 'el_*' does not take 'sel_a'.
        Assert.Throws<RuleLoadException>(() => Parser().Parse("1 of el_*"));
        Assert.Throws<RuleLoadException>(() => Parser().Parse("1 of sel"));
        // Regex characters in a pattern are literal.
        Assert.Throws<RuleLoadException>(() => Parser().Parse("1 of sel.a"));

        static string[] Names(IEventPredicate p) => p switch
        {
            OrPredicate or => or.Parts.Select(x => ((Named)x).Name).ToArray(),
            AndPredicate and => and.Parts.Select(x => ((Named)x).Name).ToArray(),
            Named n => [n.Name],
            _ => throw new InvalidOperationException(p.GetType().Name),
        };
    }

    [Fact]
    public void AllOfIsAnAndAndOneOfIsAnOr()
    {
        Assert.IsType<AndPredicate>(Parser().Parse("all of sel_*"));
        Assert.IsType<OrPredicate>(Parser().Parse("1 of sel_*"));
        Assert.IsType<OrPredicate>(Parser().Parse("any of sel_*"));
    }

    [Fact]
    public void KeywordsAreCaseInsensitive()
    {
        Assert.IsType<AndPredicate>(Parser().Parse("sel_a AND sel_b"));
        Assert.IsType<OrPredicate>(Parser().Parse("sel_a Or sel_b"));
        Assert.IsType<NotPredicate>(Parser().Parse("NOT sel_a"));
    }

    [Fact]
    public void TheParserCanBeReusedForAnotherCondition()
    {
        var parser = Parser();
        Assert.IsType<AndPredicate>(parser.Parse("sel_a and sel_b"));
        Assert.Equal("filter", Assert.IsType<Named>(parser.Parse("filter")).Name);
    }

    private sealed class Named(string name) : IEventPredicate
    {
        public string Name { get; } = name;
        public bool Matches(IFieldSource source) => false;
        public IReadOnlyList<Needle>? RequiredNeedles() => null;
    }
}
