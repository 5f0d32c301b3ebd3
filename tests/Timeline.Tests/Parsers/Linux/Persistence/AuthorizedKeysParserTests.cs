using Timeline.Parsers.Linux.Persistence.AuthorizedKeys;
using Timeline.Tests.Support;
using Xunit;

namespace Timeline.Tests.Parsers.Linux.Persistence;

public sealed class AuthorizedKeysParserTests
{
    private static readonly AuthorizedKeysParser Parser = new();

    // Generated with ssh-keygen -t ed25519; `ssh-keygen -lf` prints
    // 256 SHA256:DLZyPjhkczLzTTIiMujHt5bGwcsI8eo36OozHmZ3nEQ ubuntu@build01 (ED25519)
    private const string Ed25519 = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAID5pKMONkv/glUTaEeoZDMYTWQ2j9TzeEC21cC+HrGvj ubuntu@build01";
    private const string Ed25519Fingerprint = "SHA256:DLZyPjhkczLzTTIiMujHt5bGwcsI8eo36OozHmZ3nEQ";

    [Fact]
    public void FingerprintMatchesSshKeygen()
    {
        var outcome = ParserHarness.ParseText(Parser, Ed25519 + "\n", "/root/.ssh/authorized_keys");

        var key = Assert.Single(outcome.Events);
        Assert.Equal("authorized_key", key.Fields.Get("event"));
        Assert.Equal(Ed25519Fingerprint, key.Fields.Get("key_fp"));
        Assert.Equal("ssh-ed25519", key.Fields.Get("key_type"));
        Assert.Equal("ubuntu@build01", key.Fields.Get("key_comment"));
        Assert.Equal("root", key.Fields.Get("user"));
        Assert.Empty(outcome.Warnings);
    }

    [Fact]
    public void OptionsWithQuotedSpacesAreKeptWhole()
    {
        var line = "command=\"/usr/bin/rsync --server -e.Lsfx . /backup\",no-pty " + Ed25519;

        var outcome = ParserHarness.ParseText(Parser, line + "\n", "home/backup/.ssh/authorized_keys2");

        var key = Assert.Single(outcome.Events);
        Assert.Equal("command=\"/usr/bin/rsync --server -e.Lsfx . /backup\",no-pty", key.Fields.Get("key_options"));
        Assert.Equal(Ed25519Fingerprint, key.Fields.Get("key_fp"));
        Assert.Equal("backup", key.Fields.Get("user"));
    }

    [Fact]
    public void InvalidBase64IsWarnedAndKeptAsAnInvalidKey()
    {
        var outcome = ParserHarness.ParseText(Parser, "# keys\n\nssh-rsa AAAA!!broken mdrfckr\n", "root.authorized_keys");

        var key = Assert.Single(outcome.Events);
        Assert.Equal("authorized_key_invalid", key.Fields.Get("event"));
        Assert.Equal("mdrfckr", key.Fields.Get("key_comment"));
        Assert.False(key.Fields.ContainsKey("key_fp"));
        Assert.Equal(3, Assert.Single(outcome.Warnings).Origin.Position);
    }

    [Fact]
    public void AKeyWhoseBlobIsOfAnotherTypeIsInvalid()
    {
        var mislabelled = Ed25519.Replace("ssh-ed25519", "ssh-rsa", StringComparison.Ordinal);

        var outcome = ParserHarness.ParseText(Parser, mislabelled + "\n", "root.authorized_keys");

        Assert.Equal("authorized_key_invalid", outcome.Events[0].Fields.Get("event"));
        Assert.Contains("'ssh-ed25519'", Assert.Single(outcome.Warnings).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ALineWithoutAKeyTypeIsInvalid()
    {
        var outcome = ParserHarness.ParseText(Parser, "hello world\n", "root.authorized_keys");

        Assert.Equal("authorized_key_invalid", outcome.Events[0].Fields.Get("event"));
        Assert.Single(outcome.Warnings);
    }

    [Theory]
    [InlineData("/root/.ssh/authorized_keys", "root")]
    [InlineData("evidence/home/ubuntu/.ssh/authorized_keys", "ubuntu")]
    [InlineData("home-ubuntu-.ssh-authorized_keys", "ubuntu")]
    [InlineData("%2Fhome%2Fops%2F.ssh%2Fauthorized_keys2", "ops")]
    [InlineData("ubuntu.authorized_keys", "ubuntu")]
    [InlineData("/var/lib/redis/.ssh/authorized_keys", null)]
    public void TheUserComesFromThePath(string path, string? user) => Assert.Equal(user, AuthorizedKeysOwner.User(path));
}
