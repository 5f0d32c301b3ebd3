using Xunit;
using Timeline.Detection.Sigma;
using Timeline.Detection.Sigma.Conditions;

namespace Timeline.Tests.Detection.Conditions;

/// <summary>
/// The Sigma 1 aggregation suffix (<c>| count(field) by group op n</c>) parsed on its own: each operator
/// word, the optional field and group, and the countable feature name of each refusal.
/// </summary>
public class AggregationTests
{
    [Theory]
    [InlineData("count() > 5", "gt", 5.0)]
    [InlineData("count() >= 5", "gte", 5.0)]
    [InlineData("count() < 5", "lt", 5.0)]
    [InlineData("count() <= 5", "lte", 5.0)]
    [InlineData("count() == 5", "eq", 5.0)]
    [InlineData("count() = 5", "eq", 5.0)]
    [InlineData("count()>2.5", "gt", 2.5)]
    [InlineData("  COUNT ( ) by host   > 10 ", "gt", 10.0)]
    public void EachOperatorBecomesOneComparison(string text, string op, double value)
    {
        var a = Aggregation.Parse(text, line: 3);
        var only = Assert.Single(a.Condition.Comparisons);
        Assert.Equal(op, only.Op);
        Assert.Equal(value, only.Value);
    }

    [Fact]
    public void NoFieldAndNoGroupAreNull()
    {
        var a = Aggregation.Parse("count() > 1", 1);
        Assert.Null(a.Field);
        Assert.Null(a.GroupBy);
    }

    [Fact]
    public void TheFieldAndGroupAreTrimmed()
    {
        var a = Aggregation.Parse("count( TargetUserName ) by IpAddress > 3", 1);
        Assert.Equal("TargetUserName", a.Field);
        Assert.Equal("IpAddress", a.GroupBy);
    }

    [Fact]
    public void AGroupWithDotsAndDashesIsOneName()
    {
        var a = Aggregation.Parse("count() by source.ip-addr >= 2", 1);
        Assert.Equal("source.ip-addr", a.GroupBy);
        Assert.Null(a.Field);
    }

    // (aggregation, feature): refusals are counted by feature in `rules lint`, so the name matters.
    [Theory]
    [InlineData("near sel_b", "aggregation:near")]
    [InlineData("NEAR sel_b and sel_c", "aggregation:near")]
    [InlineData("max(x) > 3", "aggregation:max")]
    [InlineData("avg(x) by y > 3", "aggregation:avg")]
    [InlineData("abcdefghijk(x) > 3", "aggregation:abcdefghijk")]   // 11 characters: still named
    [InlineData("abcdefghijkl(x) > 3", "aggregation:other")]        // 12: cut to 'other'
    [InlineData("(x) > 3", "aggregation:other")]                    // no name at all
    [InlineData("count() > ", "aggregation:count")]
    [InlineData("count() ! 3", "aggregation:count")]
    [InlineData("count() by > 3", "aggregation:count")]
    public void RefusalsNameTheFunction(string text, string feature)
    {
        var ex = Assert.Throws<RuleLoadException>(() => Aggregation.Parse(text, line: 7));
        Assert.Equal(feature, ex.Feature);
        Assert.Equal(7, ex.Line);
        Assert.Contains(text.Trim().StartsWith("near", StringComparison.OrdinalIgnoreCase) ? "'near'" : text.Trim(), ex.Message, StringComparison.Ordinal);
    }
}
