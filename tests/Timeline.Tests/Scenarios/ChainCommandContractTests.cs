using System.Text.Json.Nodes;
using Timeline.Tests.Support;
using Xunit;

namespace Timeline.Tests.Scenarios;

/// <summary><c>timeline analyze</c> then <c>timeline chain --format json</c> as a user runs them: the printed JSON is the contract and matches the scenario's expected chain.</summary>
public sealed class ChainCommandContractTests
{
    [Theory]
    [InlineData("ssh-bruteforce-history-cleared")]
    [InlineData("redis-cron-lateral")]
    public void ChainJsonPrintsTheContractOfTheAnalyzedCase(string scenario)
    {
        var folder = Path.Combine(ScenarioCase.ScenarioRoot, scenario);
        var expected = ScenarioCase.Expected(scenario);
        var dir = Some.TempDir();
        var casePath = Path.Combine(dir, "case.db");
        var inputs = expected["inputs"]!.AsArray().Select(i => Path.GetFullPath(Path.Combine(folder, (string)i!))).ToList();
        var analyze = CliRunner.Run(dir, ["analyze", .. inputs, "--case", casePath]);
        Assert.True(File.Exists(casePath), analyze.Stdout + analyze.Stderr);
        Assert.Contains("Entry point", analyze.Stdout, StringComparison.Ordinal);
        Assert.Contains("Response checklist", analyze.Stdout, StringComparison.Ordinal);

        var r = CliRunner.Run(dir, "chain", "--case", casePath, "--format", "json");
        Assert.True(r.ExitCode == 0, r.Stderr);
        var contract = JsonNode.Parse(r.Stdout.Replace(folder.TrimEnd('/') + "/", "", StringComparison.Ordinal))!.AsObject();
        var diffs = ContractMatch.Differences(new JsonObject { ["chains"] = expected["chains"]!.DeepClone() }, contract, ContractMatch.ScenarioMode);
        Assert.True(diffs.Count == 0, string.Join("\n", diffs));
    }
}
