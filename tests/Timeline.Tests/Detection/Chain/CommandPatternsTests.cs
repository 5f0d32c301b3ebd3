using Timeline.Detection.Chain;
using Timeline.Tests.Support;
using Xunit;

namespace Timeline.Tests.Detection.Chain;

/// <summary>The command-pattern data (<c>sigma/commands/</c>): sourced, complete, and loud when broken.</summary>
public sealed class CommandPatternsTests
{
    private static readonly CommandPatterns Bundled = CommandPatterns.Load(Path.Combine(RepoPaths.Sigma, "commands"));

    [Fact]
    public void EveryBundledListNamesItsSourceAndTheAnalyticFindsAllItNeeds()
    {
        Assert.Equal(CommandPatterns.Required.Order(StringComparer.Ordinal), Bundled.Lists.Select(l => l.Name).Order(StringComparer.Ordinal));
        Assert.All(Bundled.Lists, l => Assert.False(string.IsNullOrWhiteSpace(l.Source), l.Name));
    }

    [Fact]
    public void AListWithoutASourceFailsTheLoadWithFileAndLine()
    {
        var dir = Some.TempDir();
        File.WriteAllText(Path.Combine(dir, "a.yml"), "lists:\n  downloaders:\n    compare: contains\n    values: [wget]\n");
        var ex = Assert.Throws<ChainKnowledgeException>(() => CommandPatterns.Load(dir));
        Assert.Contains("a.yml:3", ex.Message);
        Assert.Contains("source", ex.Message);
    }

    [Fact]
    public void AMissingListFailsTheLoadAndNamesIt()
    {
        var dir = Some.TempDir();
        File.WriteAllText(Path.Combine(dir, "a.yml"), "lists:\n  downloaders:\n    compare: contains\n    source: x\n    values: [wget]\n");
        var ex = Assert.Throws<ChainKnowledgeException>(() => CommandPatterns.Load(dir));
        Assert.Contains("pipe-to-shell", ex.Message);
        Assert.DoesNotContain(" downloaders,", ex.Message);
    }

    [Theory]
    [InlineData("lower-contains", "[Wget]", "lower case")]
    [InlineData("sideways", "[wget]", "unknown compare")]
    [InlineData("regex", "['(unclosed']", "downloaders")]
    public void ABrokenListFailsTheLoad(string compare, string values, string message)
    {
        var dir = Some.TempDir();
        File.WriteAllText(Path.Combine(dir, "a.yml"), $"lists:\n  downloaders:\n    compare: {compare}\n    source: x\n    values: {values}\n");
        var ex = Assert.Throws<ChainKnowledgeException>(() => CommandPatterns.Load(dir));
        Assert.Contains(message, ex.Message);
    }

    [Theory]
    // keys-tamper: [authorized_keys, ">"] needs both parts; "rm -rf .ssh" alone is enough.
    [InlineData("keys-tamper", "echo ssh-rsa AAAA >> ~/.ssh/authorized_keys", true)]
    [InlineData("keys-tamper", "cat ~/.ssh/authorized_keys", false)]
    [InlineData("keys-tamper", "cd ~; rm -rf .ssh", true)]
    // contains is case-sensitive, contains-ignore-case is not.
    [InlineData("history-clearing", "history -c", true)]
    [InlineData("history-clearing", "HISTORY -C", false)]
    [InlineData("downloaders", "WGET http://x/a", true)]
    // first-word looks at the program of every simple command, after sudo/nohup/env.
    [InlineData("immutable-flag-tools", "sudo chattr +i /etc/crontab", true)]
    [InlineData("immutable-flag-tools", "echo chattr", false)]
    [InlineData("exec-prep-relative", "cd /tmp && ./kswapd0", true)]
    [InlineData("crontab-install-file", "crontab   /tmp/c", true)]
    [InlineData("windows-downloaders", "certutil.exe -urlcache -split -f http://x/a.exe a.exe", true)]
    public void ListsMatchAsTheirCompareSays(string list, string command, bool expected) =>
        Assert.Equal(expected, Bundled.Matches(list, CommandText.Of(command)));
}
