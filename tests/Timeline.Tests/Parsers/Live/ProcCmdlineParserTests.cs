using System.Text;
using Timeline.Core.Ingest;
using Timeline.Core.Vocabulary;
using Timeline.Parsers;
using Timeline.Parsers.Live.Proc;
using Timeline.Tests.Support;
using Xunit;

namespace Timeline.Tests.Parsers.Live;

/// <summary>UAC's proc/&lt;pid&gt;/cmdline.txt: claimed only when the path names the pid and the content is one NUL-separated record.</summary>
public sealed class ProcCmdlineParserTests
{
    private static readonly byte[] Miner = Encoding.UTF8.GetBytes("/dev/shm/.k/kswapd0\0-o\0pool.example.net:3333\0--donate-level=0\0");

    private static string? Detect(string path, byte[] bytes) =>
        ParserCatalog.Detector().Detect(FormatDetector.Sample(EvidenceSource.FromBytes(path, bytes, DateTimeOffset.UnixEpoch)))?.Parser.Name;

    [Theory]
    [InlineData("/cases/uac.tar.gz!/live_response/process/proc/4242/cmdline.txt")]
    [InlineData("evidence/live_response/process/proc/4242/cmdline.txt")]
    [InlineData("evidence/proc_4242_cmdline.txt")]
    [InlineData("evidence/%2Fproc%2F4242%2Fcmdline")]
    public void ThePathNamesThePidAndTheContentIsOneCommandLine(string path)
    {
        Assert.Equal(ParserNames.LiveProcCmdline, Detect(path, Miner));
        var e = Assert.Single(ParserHarness.ParseBytes(new ProcCmdlineParser(), Miner, path).Events);
        Assert.Equal("4242", e.Fields.Get(FieldNames.Pid));
        Assert.Equal("/dev/shm/.k/kswapd0 -o pool.example.net:3333 --donate-level=0", e.Fields.Get(FieldNames.Command));
        Assert.Equal("kswapd0", e.Fields.Get(FieldNames.Process));
        Assert.Equal(LiveStateEvents.Process, e.Fields.Get(FieldNames.Event));
    }

    [Theory]
    [InlineData("evidence/cmdline.txt")]                          // no pid in the path
    [InlineData("evidence/proc/4242/environ.txt")]               // another per-pid file
    [InlineData("evidence/proc/self/cmdline.txt")]               // not a pid
    public void ThePathAloneOrTheContentAloneIsNotEnough(string path)
    {
        Assert.NotEqual(ParserNames.LiveProcCmdline, Detect(path, Miner));
        // Lines are not a command line, whatever the path.
        Assert.Equal(0, new ProcCmdlineParser().Sniff(FormatDetector.Sample(EvidenceSource.FromBytes("x/proc/1/cmdline.txt", "a\nb\nc\n"u8.ToArray(), DateTimeOffset.UnixEpoch))));
    }

    [Fact]
    public void HostileArgumentsAreDataAndAnOverlongOneIsCutWithAWarning()
    {
        var hostile = Encoding.UTF8.GetBytes("[kworker/0:1]\0\u001b[2J\0<script>\0");
        var e = Assert.Single(ParserHarness.ParseBytes(new ProcCmdlineParser(), hostile, "x/proc/7/cmdline.txt").Events);
        Assert.Equal("[kworker/0:1] \u001b[2J <script>", e.Fields.Get(FieldNames.Command));

        var huge = Enumerable.Repeat((byte)'A', 200_000).ToArray();
        var outcome = ParserHarness.ParseBytes(new ProcCmdlineParser(), huge, "x/proc/8/cmdline.txt");
        Assert.Single(outcome.Events);
        Assert.Contains("longer than", Assert.Single(outcome.Warnings).Message, StringComparison.Ordinal);
        Assert.Empty(ParserHarness.ParseBytes(new ProcCmdlineParser(), [], "x/proc/9/cmdline.txt").Events);
    }
}
