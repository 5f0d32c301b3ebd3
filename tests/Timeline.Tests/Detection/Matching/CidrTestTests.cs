using Timeline.Detection.Sigma.Matching;
using Xunit;

namespace Timeline.Tests.Detection.Matching;

/// <summary>
/// <see cref="CidrTest"/>: which networks it accepts (prefix 0 to the address width; an address alone is a
/// host network of the full width) and which values fall in them (bracketed IPv6, IPv4-mapped IPv6 only
/// mapped down for an IPv4 network).
/// </summary>
public class CidrTestTests
{
    [Theory]
    [InlineData("10.0.0.0/0", true)]
    [InlineData("10.0.0.0/32", true)]
    [InlineData("10.0.0.0/33", false)]
    [InlineData("10.0.0.0/-1", false)]
    [InlineData("10.0.0.0/x", false)]
    [InlineData("10.0.0.0/", false)]
    [InlineData("::/128", true)]
    [InlineData("::/129", false)]
    [InlineData("not-an-address/8", false)]
    [InlineData("10.0.0.1", true)]
    public void OnlyPrefixesWithinTheAddressWidthAreNetworks(string cidr, bool valid)
    {
        Assert.Equal(valid, CidrTest.TryCreate(cidr, out var test));
        Assert.Equal(valid, test is not null);
    }

    [Theory]
    [InlineData("10.0.0.1", "10.0.0.1", true)]      // an address alone is its /32
    [InlineData("10.0.0.1", "10.0.0.2", false)]
    [InlineData("10.0.0.1", "11.0.0.1", false)]
    [InlineData("0.0.0.0/0", "203.0.113.9", true)]
    [InlineData("0.0.0.0/0", "2001:db8::1", false)] // another family never matches
    [InlineData("2001:db8::/32", "[2001:db8::1]", true)]
    [InlineData("2001:db8::/32", " 2001:db8::1 ", true)]
    [InlineData("::ffff:0:0/96", "::ffff:10.0.0.1", true)] // an IPv6 network keeps the mapped form
    [InlineData("10.0.0.0/8", "::ffff:10.0.0.1", true)]
    [InlineData("10.0.0.0/8", "::ffff:11.0.0.1", false)]
    [InlineData("192.168.1.0/23", "192.168.0.255", true)]
    [InlineData("192.168.1.0/23", "192.168.2.0", false)]
    public void AValueMatchesWhenItsLeadingBitsAreTheNetworks(string cidr, string value, bool expected)
    {
        Assert.True(CidrTest.TryCreate(cidr, out var test));
        Assert.Equal(expected, test!.Test(value, EmptySource.Instance));
    }

    [Fact]
    public void NoValueNeverMatches()
    {
        Assert.True(CidrTest.TryCreate("0.0.0.0/0", out var test));
        Assert.False(test!.Test(null, EmptySource.Instance));
        Assert.Null(test!.RequiredLiteral);
    }

    private sealed class EmptySource : IFieldSource
    {
        public static readonly EmptySource Instance = new();
        public string? Get(string sigmaField) => null;
        public IEnumerable<string> KeywordTexts => [];
    }
}
