using Timeline.Core.Limits;
using Timeline.Query.Syntax;
using Xunit;

namespace Timeline.Tests.Query;

/// <summary>Queries are bounded (issue 11, item 5): nesting, terms and repeated NOT give an error with the column, never a stack overflow.</summary>
public sealed class QueryBoundsTests
{
    private static QuerySyntaxException Fails(string query) => Assert.Throws<QuerySyntaxException>(() => QueryParser.Parse(query));

    [Fact]
    public void DeepParenthesesAreAnErrorAtTheFirstTooDeepOne()
    {
        var e = Fails(new string('(', 20_000) + "x" + new string(')', 20_000));
        Assert.Contains($"deeper than {Bounds.QueryDepth}", e.Problem, StringComparison.Ordinal);
        Assert.Equal(Bounds.QueryDepth, e.Position);
        Assert.Contains($"column {Bounds.QueryDepth + 1}", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("!")]
    [InlineData("NOT ")]
    [InlineData("-")]
    public void RepeatedNegationIsBounded(string not)
    {
        var e = Fails(string.Concat(Enumerable.Repeat(not, 100_000)) + "x");
        Assert.Contains($"deeper than {Bounds.QueryDepth}", e.Problem, StringComparison.Ordinal);
        Assert.Equal(Bounds.QueryDepth * not.Length, e.Position);
    }

    [Fact]
    public void FieldGroupsCountTowardTheDepth()
    {
        var e = Fails("host:" + new string('(', 100) + "a" + new string(')', 100));
        Assert.Contains("deeper than", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void TooManyTermsAreAnErrorAtTheFirstTermOverTheBound()
    {
        var terms = Enumerable.Range(0, 40_000).Select(i => $"t{i}").ToList();
        var e = Fails(string.Join(" OR ", terms));
        Assert.Contains($"more than {Bounds.QueryTerms:N0} terms", e.Problem, StringComparison.Ordinal);
        var expected = string.Join(" OR ", terms.Take(Bounds.QueryTerms)).Length + " OR ".Length;
        Assert.Equal(expected, e.Position);
    }

    [Fact]
    public void QueriesAtTheBoundsStillParse()
    {
        QueryParser.Parse(new string('(', Bounds.QueryDepth) + "x" + new string(')', Bounds.QueryDepth));
        QueryParser.Parse(string.Concat(Enumerable.Repeat("!", Bounds.QueryDepth)) + "x");
        QueryParser.Parse(string.Join(" AND ", Enumerable.Range(0, Bounds.QueryTerms).Select(i => $"t{i}")));
    }
}
