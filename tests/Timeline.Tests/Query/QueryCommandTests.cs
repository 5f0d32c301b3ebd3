using System.Text.Json;
using Timeline.Tests.Support;
using Xunit;

namespace Timeline.Tests.Query;

/// <summary><c>timeline query</c> as a user runs it (real process) on a copy of the scenario case.</summary>
public sealed class QueryCommandTests
{
    private static (string Dir, string Case) Copy()
    {
        var dir = Some.TempDir();
        var casePath = Path.Combine(dir, "c.db");
        File.Copy(ScenarioCase.Path, casePath);
        return (dir, casePath);
    }

    [Fact]
    public void JsonLinesCarryTheRulesAndPhaseOfEachEvent()
    {
        var (dir, c) = Copy();
        var r = CliRunner.Run(dir, "query", "--case", c, "event:ssh_accepted", "--format", "jsonl");
        Assert.Equal(0, r.ExitCode);
        var events = r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(3, events.Count);
        var root = events.Single(e => e.GetProperty("id").GetString() == ScenarioCase.AcceptedRoot);
        Assert.Equal("entry", root.GetProperty("phase").GetString());
        var rule = Assert.Single(root.GetProperty("rules").EnumerateArray().ToList());
        Assert.Equal("rule-brute-success", rule.GetProperty("id").GetString());
        Assert.Equal(["attack.initial-access", "attack.t1110"], rule.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.All(events.Where(e => e.GetProperty("id").GetString() != ScenarioCase.AcceptedRoot), e => Assert.Equal(JsonValueKind.Null, e.GetProperty("phase").ValueKind));
    }

    [Fact]
    public void ASyntaxErrorExitsWithOneAndPointsAtTheProblem()
    {
        var (dir, c) = Copy();
        var r = CliRunner.Run(dir, "query", "--case", c, "event:ssh_accepted AND hots:web01");
        Assert.Equal(1, r.ExitCode);
        var lines = r.Stderr.Split('\n');
        Assert.StartsWith("error: unknown field 'hots'; did you mean host", lines[0]);
        Assert.Contains("(at column 24)", lines[0]);
        Assert.Equal(new string(' ', 2 + 23) + "^^^^", lines[2].TrimEnd());
    }

    [Fact]
    public void ExplainShowsTheIndexesAndTheBlocksDecoded()
    {
        var (dir, c) = Copy();
        var r = CliRunner.Run(dir, "query", "--case", c, "parser:linux/cron AND time:[2024-03-02T03:19 TO 2024-03-02T03:21}", "--explain");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("INDEX SEEK(p IN [\"linux/cron\"])", r.Stdout);
        Assert.Contains("INDEX SCAN(lo <", r.Stdout);
        Assert.Matches(@"blocks:\s+1 of \d+ chosen", r.Stdout);
        Assert.Matches(@"run:\s+1 of 1 chosen blocks decoded", r.Stdout);
    }

    [Fact]
    public void CountByStacksValuesWithFirstAndLastSeen()
    {
        var (dir, c) = Copy();
        var r = CliRunner.Run(dir, "query", "--case", c, "--count-by", "src_ip", "--format", "csv");
        Assert.Equal(0, r.ExitCode);
        var rows = r.Stdout.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("src_ip,count,first,last", rows[0]);
        Assert.StartsWith("203.0.113.45,119,2024-03-02T03:10:04.1182330Z,", rows[1]);
        var rare = CliRunner.Run(dir, "query", "--case", c, "event:ssh_accepted", "--count-by", "user", "--rare", "--top", "1", "--format", "jsonl");
        var row = JsonDocument.Parse(rare.Stdout.Trim()).RootElement;
        Assert.Equal("deploy", row.GetProperty("value").GetString());
        Assert.Equal(1, row.GetProperty("count").GetInt64());
    }

    [Fact]
    public void SavedQueriesRunByNameAndUnknownNamesAreSuggested()
    {
        var (dir, c) = Copy();
        var save = CliRunner.Run(dir, "query", "--case", c, "\"Failed password\"", "--save", "brute", "--format", "jsonl");
        Assert.Equal(0, save.ExitCode);
        Assert.Equal(35, save.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        var run = CliRunner.Run(dir, "query", "--case", c, "--run", "brute", "user:root", "--format", "jsonl");
        Assert.Equal(0, run.ExitCode);
        var users = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("fields").GetProperty("user").GetString()).ToList();
        Assert.NotEmpty(users);
        Assert.All(users, u => Assert.Equal("root", u));
        var wrong = CliRunner.Run(dir, "query", "--case", c, "--run", "brut");
        Assert.Equal(1, wrong.ExitCode);
        Assert.Contains("did you mean brute", wrong.Stderr);
        var list = CliRunner.Run(dir, "query", "--case", c, "--saved");
        Assert.Contains("\"Failed password\"", list.Stdout);
    }

    [Fact]
    public void AroundListsTheNeighboursOfAnEventAndMarksIt()
    {
        var (dir, c) = Copy();
        var r = CliRunner.Run(dir, "query", "--case", c, "--around", ScenarioCase.AcceptedRoot, "--window", "5s", "--fields", "time,id,event");
        Assert.Equal(0, r.ExitCode);
        var marked = Assert.Single(r.Stdout.Split('\n'), l => l.Contains('▶'));
        Assert.Contains(ScenarioCase.AcceptedRoot, marked);
        Assert.Contains("ssh_accepted", marked);
        var missing = CliRunner.Run(dir, "query", "--case", c, "--around", "000000000000-1");
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("no event with id", missing.Stderr);
    }

    [Fact]
    public void SortNewestFirstAndChosenColumnsShapeTheCsv()
    {
        var (dir, c) = Copy();
        var r = CliRunner.Run(dir, "query", "--case", c, "event:ssh_accepted", "--sort=-time", "--fields", "id,user,src_ip", "--format", "csv");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal(["id,user,src_ip", "98e642b88774-161,root,198.51.100.23", $"{ScenarioCase.AcceptedRoot},root,203.0.113.45", $"{ScenarioCase.AcceptedDeploy},deploy,198.51.100.10"],
            r.Stdout.Split("\r\n", StringSplitOptions.RemoveEmptyEntries));
        var bad = CliRunner.Run(dir, "query", "--case", c, "--fields", "id,usr");
        Assert.Equal(1, bad.ExitCode);
        Assert.Contains("did you mean user", bad.Stderr);
    }

    [Fact]
    public void TheOldWindowOptionsStillWork()
    {
        var (dir, c) = Copy();
        var r = CliRunner.Run(dir, "query", "--case", c, "--from", "2024-03-02T03:15:02Z", "--to", "2024-03-02T03:15:03Z", "--format", "jsonl");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains(r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.Contains("Accepted password", StringComparison.Ordinal));
    }
}
