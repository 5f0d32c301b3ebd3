using Timeline.Parsers.Linux.BashHistory;
using Xunit;

namespace Timeline.Tests.Parsers.Linux.BashHistory;

public sealed class HistoryOwnerTests
{
    [Theory]
    [InlineData("/root/.bash_history", "root", "bash")]
    [InlineData("/home/alice/.bash_history", "alice", "bash")]
    [InlineData("evidence/home/alice/.zsh_history", "alice", "zsh")]
    [InlineData(@"C:\cases\42\home\www-data\.sh_history", "www-data", "sh")]
    [InlineData("home-bob-.ash_history", "bob", "ash")]
    [InlineData("home_svc_backup_.bash_history", "svc_backup", "bash")]
    [InlineData("%2Fhome%2Fcarol%2F.bash_history", "carol", "bash")]
    [InlineData("Users/dave/.zsh_history", "dave", "zsh")]
    [InlineData("root.bash_history", "root", "bash")]
    [InlineData("triage/alice.bash_history", "alice", "bash")]
    public void UserAndShellComeFromThePath(string path, string user, string shell)
    {
        Assert.Equal(user, HistoryOwner.User(path));
        Assert.Equal(shell, HistoryOwner.Shell(path));
    }

    [Theory]
    [InlineData("/var/lib/postgresql/.bash_history")]
    [InlineData("history.txt")]
    [InlineData(".bash_history")]
    public void PathsWithoutAnOwnerGiveNoUser(string path) => Assert.Null(HistoryOwner.User(path));
}
