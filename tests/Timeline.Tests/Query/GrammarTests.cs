using Timeline.Query.Evaluation;
using Timeline.Query.Fields;
using Timeline.Query.Syntax;
using Xunit;

namespace Timeline.Tests.Query;

/// <summary>The query grammar as a table: text → canonical tree (fully parenthesised), and text → error position.</summary>
public sealed class GrammarTests
{
    public static TheoryData<string, string> Trees => new()
    {
        // Free text, fields, implicit AND.
        { "", "*" },
        { "*", "*" },
        { "xmrig", "xmrig" },
        { "host:web01", "host:web01" },
        { "host:web01 user:root", "(host:web01 AND user:root)" },
        { "host: web01", "host:web01" },
        // Precedence: NOT binds tightest, then AND, then OR; parentheses override.
        { "a OR b AND c", "(a OR (b AND c))" },
        { "a AND b OR c", "((a AND b) OR c)" },
        { "NOT a AND b", "(NOT a AND b)" },
        { "NOT (a AND b)", "NOT (a AND b)" },
        { "(a OR b) AND c", "((a OR b) AND c)" },
        { "a OR b OR c", "((a OR b) OR c)" },
        { "a || b && !c", "(a OR (b AND NOT c))" },
        { "-user:root +host:web01", "(NOT user:root AND host:web01)" },
        { "a -b", "(a AND NOT b)" },
        { "NOT NOT a", "NOT NOT a" },
        { "host:(web01 OR db01)", "(host:web01 OR host:db01)" },
        // Lower-case operators are words.
        { "a and b", "((a AND and) AND b)" },
        // Phrases, escaping, wildcards, regex.
        { "\"Accepted password\"", "\"Accepted password\"" },
        { "message:\"say \\\"hi\\\"\"", "message:\"say \\\"hi\\\"\"" },
        { "src_ip:203.0.113.*", "src_ip:203.0.113.*" },
        { "user:ro?t", "user:ro?t" },
        { "command:\\*", "command:*" },
        { "path:\\/tmp\\/x", "path:/tmp/x" },
        { "user:*", "user:*" },
        { "/kswapd[0-9]+/", "/kswapd[0-9]+/" },
        { "command:/curl .*\\/x/", "command:/curl .*\\/x/" },
        { "a\\:b", "a:b" },
        { "AND\\ OR", "AND OR" },
        // Values may hold colons and start with '-' after a field.
        { "src_ip:fe80::1", "src_ip:fe80::1" },
        { "pid:-1", "pid:-1" },
        // Ranges and comparisons.
        { "time:[2024-03-02T03:00 TO 2024-03-02T04:00]", "time:[2024-03-02T03:00 TO 2024-03-02T04:00]" },
        { "time:{2024-03-02 TO *]", "time:{2024-03-02 TO *]" },
        { "pid:[1000 TO 2000}", "pid:[1000 TO 2000}" },
        { "pid:>1000", "pid:{1000 TO *}" },
        { "pid:>=1000", "pid:[1000 TO *}" },
        { "pid:<1000", "pid:{* TO 1000}" },
        { "time:<=2024-03-02T03:15", "time:{* TO 2024-03-02T03:15]" },
        { "time:>2024-03-02 AND host:web01", "(time:{2024-03-02 TO *} AND host:web01)" },
    };

    [Theory]
    [MemberData(nameof(Trees))]
    public void QueriesParseIntoTheExpectedTree(string query, string tree) =>
        Assert.Equal(tree, QueryParser.Parse(query).ToString());

    public static TheoryData<string, int, string> SyntaxErrors => new()
    {
        { "host:", 5, "expected a value after 'host:'" },
        { "host: ", 6, "expected a value after 'host:'" },
        { "(a OR b", 0, "missing ')'" },
        { "a OR b)", 6, "unbalanced ')'" },
        { "a OR", 2, "expected a term after 'OR'" },
        { "a AND OR b", 6, "expected a term after 'AND'" },
        { "OR a", 0, "expected a term before 'OR'" },
        { "\"open phrase", 0, "unclosed quote" },
        { "/open", 0, "unclosed regular expression" },
        { "command:/tmp/xmrig", 8, "must end at a space" },
        { "()", 0, "empty parentheses" },
        { "time:[2024 2025]", 11, "expected 'TO'" },
        { "time:[2024 TO 2025", 18, "unclosed range" },
        { "[a TO b]", 0, "a range needs a field" },
        { "pid:[1* TO 5]", 5, "wildcards are not allowed" },
        { "- a", 0, "expected a term right after '-'" },
        { "a\\", 1, "nothing to escape" },
        { "NOT", 0, "expected a term after 'NOT'" },
    };

    [Theory]
    [MemberData(nameof(SyntaxErrors))]
    public void MalformedQueriesFailWithThePositionOfTheProblem(string query, int position, string problem)
    {
        var ex = Assert.Throws<QuerySyntaxException>(() => QueryParser.Parse(query));
        Assert.Equal(position, ex.Position);
        Assert.Contains(problem, ex.Problem);
        Assert.Contains($"column {position + 1}", ex.Message);
    }

    public static TheoryData<string, int, string> BindErrors => new()
    {
        { "hots:web01", 0, "did you mean host" },
        { "a AND scr_ip:1.2.3.4", 6, "did you mean src_ip" },
        { "usr:(a OR b)", 0, "did you mean user" },
        { "time:yesterday", 5, "is not a time" },
        { "time:xmr*", 5, "not a pattern" },
        { "time:[2024-03-03 TO 2024-03-02]", 5, "the time range is empty" },
        { "message:/a(b/", 8, "invalid regular expression" },
    };

    [Theory]
    [MemberData(nameof(BindErrors))]
    public void UnknownFieldsAndBadValuesFailWithPositionAndSuggestions(string query, int position, string problem)
    {
        var ex = Assert.Throws<QuerySyntaxException>(() => new QueryBinder(FieldCatalog.Offline, query).Bind(QueryParser.Parse(query)));
        Assert.Equal(position, ex.Position);
        Assert.Contains(problem, ex.Problem);
    }

    [Fact]
    public void FieldNamesFoundOnlyInTheCaseAreAccepted()
    {
        var catalog = new FieldCatalog(() => new HashSet<string> { "TargetUserName" });
        Assert.Equal("TargetUserName", catalog.Resolve("TargetUserName", "q", 0).Name);
        Assert.Equal("TargetUserName", catalog.Resolve("targetusername", "q", 0).Name);
        Assert.Throws<QuerySyntaxException>(() => FieldCatalog.Offline.Resolve("TargetUserName", "q", 0));
    }

    public static TheoryData<string, string, bool> WordMatches => new()
    {
        { "root", "root", true },
        { "root", "ROOT", true },
        { "root", "sudo root now", true },
        { "root", "rootkit", false },
        { "203.0.113.45", "203.0.113.450", false },
        { "203.0.113.45", "from 203.0.113.45 port", true },
        { "kswapd0", "/tmp/.X25-unix/.rsync/c/kswapd0 -B", true },
        { "/tmp/.X25", "/tmp/.X25-unix", true },
        { "Accepted password", "sshd[1]: Accepted password for root", true },
    };

    [Theory]
    [MemberData(nameof(WordMatches))]
    public void WordsMatchCaseInsensitivelyAtWordBoundaries(string needle, string value, bool expected) =>
        Assert.Equal(expected, TextMatch.Contains(value, needle));

    public static TheoryData<string, long, long> Times => new()
    {
        { "2024-03-02", new DateTime(2024, 3, 2, 0, 0, 0, DateTimeKind.Utc).Ticks, new DateTime(2024, 3, 3, 0, 0, 0, DateTimeKind.Utc).Ticks },
        { "2024-03-02T03", new DateTime(2024, 3, 2, 3, 0, 0, DateTimeKind.Utc).Ticks, new DateTime(2024, 3, 2, 4, 0, 0, DateTimeKind.Utc).Ticks },
        { "2024-03-02T03:15", new DateTime(2024, 3, 2, 3, 15, 0, DateTimeKind.Utc).Ticks, new DateTime(2024, 3, 2, 3, 16, 0, DateTimeKind.Utc).Ticks },
        { "2024-03-02 03:15:02Z", new DateTime(2024, 3, 2, 3, 15, 2, DateTimeKind.Utc).Ticks, new DateTime(2024, 3, 2, 3, 15, 3, DateTimeKind.Utc).Ticks },
        { "2024-03-02T03:15:02.4819130Z", new DateTime(2024, 3, 2, 3, 15, 2, DateTimeKind.Utc).Ticks + 4819130, new DateTime(2024, 3, 2, 3, 15, 2, DateTimeKind.Utc).Ticks + 4819131 },
        { "2024-03-02T05:15+02:00", new DateTime(2024, 3, 2, 3, 15, 0, DateTimeKind.Utc).Ticks, new DateTime(2024, 3, 2, 3, 16, 0, DateTimeKind.Utc).Ticks },
    };

    [Theory]
    [MemberData(nameof(Times))]
    public void TimesCoverThePrecisionTheyAreWrittenIn(string text, long start, long end)
    {
        Assert.True(TimeValue.TryParse(text, out var v));
        Assert.Equal(start, v.Start);
        Assert.Equal(end, v.End);
    }
}
