using Xunit;
using Timeline.Detection.Sigma;

namespace Timeline.Tests.Detection;

public class LoaderTests
{
    [Fact]
    public void YamlSyntaxErrorsAreReportedWithTheirLine()
    {
        var set = RuleLoader.LoadText("title: x\ndetection:\n  sel:\n    a: [1, 2\n  condition: sel\n", "bad.yml");
        var error = Assert.Single(set.Errors);
        Assert.Equal("yaml", error.Feature);
        Assert.Equal("bad.yml", error.Path);
        Assert.True(error.Line >= 4, $"line {error.Line}");
        Assert.Equal(0, set.FilesLoaded);
    }

    [Fact]
    public void UnclosedFlowSequenceIsCaughtNotThrown()
    {
        var set = RuleLoader.LoadText("title: x\ndetection: {sel: [a\n", "bad.yml");
        Assert.Equal("yaml", Assert.Single(set.Errors).Feature);
    }

    [Fact]
    public void DocumentWithoutDetectionIsReported()
    {
        var set = RuleLoader.LoadText("title: x\nlogsource: {product: linux}\n");
        Assert.Equal("document", Assert.Single(set.Errors).Feature);
    }

    [Fact]
    public void DirectoriesAreLoadedRecursivelyAndCountedByFeature()
    {
        var dir = Directory.CreateTempSubdirectory("sigma-load-");
        try
        {
            Directory.CreateDirectory(Path.Combine(dir.FullName, "sub"));
            File.WriteAllText(Path.Combine(dir.FullName, "ok.yml"), "title: ok\nid: a\nlogsource: {product: test}\ndetection:\n  sel: {a: 1}\n  condition: sel\n");
            File.WriteAllText(Path.Combine(dir.FullName, "sub", "bad.yaml"), "title: bad\nlogsource: {product: test}\ndetection:\n  sel: {a|nope: 1}\n  condition: sel\n");
            File.WriteAllText(Path.Combine(dir.FullName, "sub", "ignored.txt"), "not a rule");
            var set = RuleLoader.Load([dir.FullName]);
            Assert.Equal(2, set.FilesTotal);
            Assert.Equal(1, set.FilesLoaded);
            Assert.Equal(1, set.UnsupportedByFeature["modifier:nope"]);
            Assert.Equal(4, set.Errors[0].Line);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void LegacyGlobalCollectionsMergeIntoEachFollowingDocument()
    {
        var yaml = """
            action: global
            title: shared
            logsource: {product: test}
            detection:
              condition: sel
            ---
            id: one
            detection:
              sel: {a: '1'}
            ---
            id: two
            detection:
              sel: {b: '1'}
            """;
        var set = RuleLoader.LoadText(yaml);
        Assert.Empty(set.Errors);
        Assert.Equal(["one", "two"], set.Rules.Select(r => r.Id));
        Assert.All(set.Rules, r => Assert.Equal("shared", r.Title));
    }

    [Fact]
    public void MetadataIsReadIntoTheRule()
    {
        var set = RuleLoader.LoadText("""
            title: Meta
            id: 5a0d1c8e-0000-4000-8000-000000000001
            name: meta_rule
            status: test
            author: Someone
            level: HIGH
            tags: [attack.t1110.001, attack.credential-access]
            logsource: {product: linux, service: sshd}
            detection:
              sel: {a: 1}
              condition: sel
            """);
        var rule = Assert.Single(set.Rules);
        Assert.Equal("high", rule.Level);
        Assert.Equal("meta_rule", rule.Name);
        Assert.Equal("Someone", rule.Author);
        Assert.Equal(new LogSource("linux", null, "sshd"), rule.LogSource);
        Assert.Equal(["attack.t1110.001", "attack.credential-access"], rule.Tags);
    }

    [Fact]
    public void CorrelationReferencingAnUnknownRuleIsReported()
    {
        var set = RuleLoader.LoadText("""
            title: c
            correlation:
              type: event_count
              rules: [nope]
              group-by: [src_ip]
              timespan: 5m
              condition: {gte: 3}
            """);
        Assert.Equal("correlation:reference", Assert.Single(set.Errors).Feature);
        Assert.Empty(set.Correlations);
    }

    [Fact]
    public void InvalidRegexIsReportedAtLoad()
    {
        var set = RuleLoader.LoadText("title: r\nlogsource: {product: test}\ndetection:\n  sel: {a|re: '(unclosed'}\n  condition: sel\n");
        Assert.Equal("regex", Assert.Single(set.Errors).Feature);
    }

    [Fact]
    public void BacktrackingOnlyRegexRunsWithATimeoutInsteadOfHanging()
    {
        var options = new RuleLoadOptions { RegexTimeout = TimeSpan.FromMilliseconds(1) };
        // A backreference forces the backtracking engine; the nested quantifier makes it catastrophic.
        var set = RuleLoader.LoadText("title: r\nlogsource: {product: test}\ndetection:\n  sel: {a|re: '^(\\w)\\1?(a+)+$'}\n  condition: sel\n", options: options);
        Assert.Empty(set.Errors);
        var ev = DetectionHarness.Plain(("a", new string('a', 4000) + "!"));
        var matches = new RuleEngine(set, DetectionHarness.TestMappings).Evaluate([ev]).ToList();
        Assert.Empty(matches);
        Assert.Equal(1, set.Diagnostics.RegexTimeouts);
    }
}
