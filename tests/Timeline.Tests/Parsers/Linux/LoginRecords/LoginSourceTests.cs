using Timeline.Parsers.Linux.LoginRecords;
using Xunit;

namespace Timeline.Tests.Parsers.Linux.LoginRecords;

public sealed class LoginSourceTests
{
    [Theory]
    [InlineData("203.0.113.45", "203.0.113.45")]
    [InlineData("0.0.0.0", "0.0.0.0")]
    [InlineData("2001:db8::1", "2001:db8::1")]
    public void AnAddressWrittenAsInetNtopWritesItIsTaken(string host, string expected) =>
        Assert.Equal(expected, LoginSource.AsAddress(host));

    [Theory]
    [InlineData("092.0.2.10")] // found by afl: .NET reads a leading zero as octal and threw on 9
    [InlineData("010.0.0.1")] // would silently have become 8.0.0.1
    [InlineData("1.2.3.256")]
    [InlineData("1.2.3")]
    [InlineData("1")]
    [InlineData("web01.example")]
    public void TextThatIsNotStrictlyAnAddressIsNotOne(string host) =>
        Assert.Null(LoginSource.AsAddress(host));
}
