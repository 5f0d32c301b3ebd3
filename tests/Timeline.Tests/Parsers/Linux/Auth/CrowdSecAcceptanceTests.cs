using System.Text.RegularExpressions;
using Timeline.Tests.Support;
using Xunit;

namespace Timeline.Tests.Parsers.Linux.Auth;

/// <summary>
/// Issue 2's acceptance test on the real-world sshd/PAM/syslog lines of the CrowdSec hub test suite
/// (<c>../shared/data/linux/crowdsec-hub/.tests/</c>). In scope: every <c>.log</c> file that content
/// detection hands to <c>linux/syslog</c> (the sshd-*, ssh-*, pam-logs and syslog-logs folders). Out of
/// scope: the auditd-* folders (auditd records, not syslog; another parser's job) — the test asserts they
/// are not claimed.
/// </summary>
public sealed partial class CrowdSecAcceptanceTests
{
    // An sshd authentication line: a message that states an authentication outcome for a source.
    [GeneratedRegex(@"\bsshd(?:-session|-auth)?(?:\[\d+\])?: (?:error: )?(?:Failed \S+ for |Accepted \S+ for |Invalid user |maximum authentication attempts exceeded|Connection (?:closed|reset) by (?:authenticating|invalid) user |Disconnected from (?:authenticating |invalid )?user |Disconnecting (?:authenticating|invalid) user |User \S+ from )")]
    private static partial Regex SshdAuthLine();

    // The user name the line itself names (OpenSSH phrasing only).
    [GeneratedRegex(@"(?: for (?:invalid user )?| (?:authenticating |invalid )?user |^User |: Invalid user )(\S+) (?:from )?")]
    private static partial Regex NamedUser();

    [SharedDataFact("linux/crowdsec-hub/.tests")]
    public void EveryCrowdSecSyslogLineIsStoredAndEverySshdAuthenticationLineHasSourceUserAndEvent()
    {
        var root = RepoPaths.SharedData("linux/crowdsec-hub/.tests");
        if (root is null) return;
        var files = Directory.GetFiles(root, "*.log", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var inScope = 0;
        var authLines = 0;
        foreach (var file in files)
        {
            var outcome = ParserHarness.ParseFile(file, SampleContext.For(file));
            var isAudit = Path.GetFileName(Path.GetDirectoryName(file)!).StartsWith("auditd", StringComparison.Ordinal);
            if (isAudit)
            {
                Assert.True(outcome.Parser?.Name != "linux/syslog", $"{file}: auditd records must not be read as syslog");
                continue;
            }
            Assert.Equal("linux/syslog", outcome.Parser?.Name);
            inScope++;

            // Every non-blank line is an event or a warning-only line.
            var nonBlank = File.ReadAllLines(file).Count(l => !string.IsNullOrWhiteSpace(l));
            var warnedOnly = outcome.Warnings.Select(w => w.Origin.Position).Distinct().Count(p => outcome.Events.All(e => e.Origin.Position != p));
            Assert.Equal(nonBlank, outcome.Events.Count + warnedOnly);

            foreach (var e in outcome.Events.Where(e => SshdAuthLine().IsMatch(e.Message)))
            {
                authLines++;
                Assert.True(e.Parser == "linux/auth", $"{e.Message}: parser {e.Parser}");
                var evt = e.Fields.Get("event");
                Assert.True(evt is not null && evt != "other", $"{e.Message}: event {evt}");
                Assert.True(e.Fields.Get("src_ip") is not null, $"{e.Message}: no src_ip");
                var named = NamedUser().Match(e.Message[e.Message.IndexOf(": ", StringComparison.Ordinal)..]);
                if (named.Success) Assert.True(e.Fields.Get("user") == named.Groups[1].Value, $"{e.Message}: user '{e.Fields.Get("user")}', line names '{named.Groups[1].Value}'");
            }
        }
        Assert.True(inScope >= 10, $"only {inScope} CrowdSec syslog files found");
        Assert.True(authLines >= 60, $"only {authLines} sshd authentication lines found");
    }
}
