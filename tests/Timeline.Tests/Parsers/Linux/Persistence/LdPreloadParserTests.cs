using Timeline.Parsers.Linux.Persistence.LdPreload;
using Timeline.Tests.Support;
using Xunit;

namespace Timeline.Tests.Parsers.Linux.Persistence;

public sealed class LdPreloadParserTests
{
    private static readonly LdPreloadParser Parser = new();

    [Fact]
    public void EachLineIsAnEventListingItsLibraries()
    {
        var outcome = ParserHarness.ParseText(Parser, "/usr/local/lib/libprocesshider.so\n\n/lib/pkit.so:/lib/fkit.so /lib/x.so.1\n", "/etc/ld.so.preload");

        Assert.Equal([1L, 3L], outcome.Events.Select(e => e.Origin.Position));
        Assert.Equal("/lib/pkit.so /lib/fkit.so /lib/x.so.1", outcome.Events[1].Fields.Get("library"));
        Assert.Equal("ld_preload_entry", outcome.Events[0].Fields.Get("event"));
        Assert.Empty(outcome.Warnings);
    }

    [Fact]
    public void ARelativeNameIsWarned()
    {
        var outcome = ParserHarness.ParseText(Parser, "libhide.so\n", "/etc/ld.so.preload");

        Assert.Single(outcome.Events);
        Assert.Contains("not an absolute path", Assert.Single(outcome.Warnings).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheFileNameAddsConfidenceButContentDecides()
    {
        const string content = "/usr/local/lib/libprocesshider.so\n";

        var named = Parser.Sniff(Sniffing.Sample("/etc/ld.so.preload", content));
        var unnamed = Parser.Sniff(Sniffing.Sample("evidence/file0001", content));

        Assert.True(named > unnamed);
        Assert.True(unnamed > 0);
        Assert.Equal(0, Parser.Sniff(Sniffing.Sample("/etc/ld.so.preload", "/usr/local/lib/libprocesshider.so\nrm -rf /\n")));
    }
}
