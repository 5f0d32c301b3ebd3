using Xunit;
using Timeline.Detection.Sigma;
using Timeline.Detection.Sigma.Mappings;
using static Timeline.Tests.Detection.DetectionHarness;

namespace Timeline.Tests.Detection;

public class MappingTests
{
    [Fact]
    public void EveryMappingFileLoadsAndNamesTheParserOfItsPath()
    {
        var mappings = RepoMappings.Value;
        foreach (var parser in new[] { "linux/auth", "linux/cron", "linux/bash-history", "linux/syslog", "linux/crontab", "linux/authorized-keys",
                     "linux/systemd-unit", "linux/rc-local", "linux/ld-preload", "windows/evtx" })
            Assert.NotNull(mappings.For(parser));
    }

    [Fact]
    public void MappingWhosePathDisagreesWithItsParserIsRejected() =>
        Assert.Throws<InvalidDataException>(() => SourceMappings.LoadFile("x.yml", "parser: linux/auth\nlogsources: []\n", "linux/cron"));

    // A mapping file is data an analyst may edit: every malformed shape is a clear InvalidDataException
    // naming the file, never an ArgumentException from inside YamlDotNet.
    [Theory]
    [InlineData("parser: linux/auth\nparser: linux/auth\nlogsources: []\n")]                       // duplicate top-level key
    [InlineData("parser: linux/auth\nfields: {User: user, User: uid}\nlogsources: []\n")]            // duplicate field
    [InlineData("parser: linux/auth\nlogsources: [{product: linux, product: windows}]\n")]         // duplicate in an entry
    [InlineData("parser: linux/auth\nlogsources: *nowhere\n")]                                      // undefined alias
    [InlineData("parser: [linux/auth\n")]                                                            // broken flow
    public void AMalformedMappingFileIsAnInvalidDataErrorNamingTheFile(string yaml)
    {
        var ex = Assert.Throws<InvalidDataException>(() => SourceMappings.LoadFile("custom/auth.yml", yaml));
        Assert.StartsWith("custom/auth.yml", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sshd", true)]
    [InlineData("sshd-session", true)]
    [InlineData("sshd-auth", true)]
    [InlineData("sudo", false)]
    public void SshdServiceCoversEveryOpenSshProgramName(string program, bool expected)
    {
        var yaml = "title: t\nlogsource: {product: linux, service: sshd}\ndetection:\n  k: [Accepted]\n  condition: k\n";
        var ev = Event("linux/auth", $"{program}[1]: Accepted password for root", null, ("program", program));
        Assert.Equal(expected, Run(yaml, [ev], RepoMappings.Value).Count == 1);
    }

    [Fact]
    public void LinuxProcessCreationRulesSeeHistoryCommandsWithImageAsTheFirstToken()
    {
        var yaml = "title: t\nlogsource: {product: linux, category: process_creation}\ndetection:\n  sel:\n    Image|endswith: '/curl'\n    CommandLine|contains: ' -o '\n  condition: sel\n";
        var positive = Event("linux/bash-history", "/usr/bin/curl -o /tmp/x http://a", null, ("command", "/usr/bin/curl -o /tmp/x http://a"));
        var negative = Event("linux/bash-history", "wget -o log http://a", null, ("command", "wget -o log http://a"));
        Assert.Single(Run(yaml, [positive], RepoMappings.Value));
        Assert.Empty(Run(yaml, [negative], RepoMappings.Value));
    }

    [Fact]
    public void WindowsProcessCreationFromSecurity4688MapsImageToNewProcessName()
    {
        var yaml = "title: t\nlogsource: {product: windows, category: process_creation}\ndetection:\n  sel:\n    Image|endswith: '\\whoami.exe'\n  condition: sel\n";
        var ev = Event("windows/evtx", "", null, ("Channel", "Security"), ("EventID", "4688"), ("NewProcessName", @"C:\Windows\System32\whoami.exe"));
        var sysmon = Event("windows/evtx", "", null, ("Channel", "Microsoft-Windows-Sysmon/Operational"), ("EventID", "1"), ("Image", @"C:\Windows\System32\whoami.exe"));
        var wrongChannel = Event("windows/evtx", "", null, ("Channel", "Application"), ("EventID", "1"), ("Image", @"C:\Windows\System32\whoami.exe"));
        Assert.Single(Run(yaml, [ev], RepoMappings.Value));
        Assert.Single(Run(yaml, [sysmon], RepoMappings.Value));
        Assert.Empty(Run(yaml, [wrongChannel], RepoMappings.Value));
    }

    [Fact]
    public void EventsOfAParserWithoutMappingAreNotEvaluated()
    {
        var set = Load("title: t\ndetection:\n  k: [x]\n  condition: k\n");
        Assert.Empty(new RuleEngine(set, RepoMappings.Value).Evaluate([Event("nope/parser", "x")]));
    }
}
