using Xunit;
using Timeline.Detection.Sigma;
using Timeline.Detection.Sigma.Modifiers;
using static Timeline.Tests.Detection.DetectionHarness;

namespace Timeline.Tests.Detection;

public class ModifierTests
{
    // (selection YAML with the field 'f', event value of 'f' (null = absent), expected)
    public static TheoryData<string, string?, bool> Rows => new()
    {
        // default: exact, case-insensitive, wildcards
        { "f: cmd.exe", "CMD.EXE", true },
        { "f: cmd.exe", "xcmd.exe", false },
        { "f: 'c*d.exe'", "cmmmd.exe", true },
        { "f: 'c?d.exe'", "cmd.exe", true },
        { "f: 'c?d.exe'", "cmmd.exe", false },
        // escapes: \* is a literal star, \\* is a backslash then a wildcard, \\\* a backslash and a literal star
        { @"f: 'a\*b'", "a*b", true },
        { @"f: 'a\*b'", "axxb", false },
        { @"f: 'a\?b'", "axb", false },
        { @"f: 'a\?b'", "a?b", true },
        { @"f: 'C:\Windows\*'", @"C:\Windows\x", false },
        { @"f: 'C:\Windows\*'", @"C:\Windows*", true },
        { @"f: 'C:\Windows\\*'", @"C:\Windows\x", true },
        { @"f: 'a\\*'", @"a\xyz", true },
        { @"f: 'a\\\*'", @"a\*", true },
        { @"f: 'a\\\*'", @"a\x", false },
        { @"f: 'a\\\\b'", @"a\\b", true },
        { @"f: 'a\b'", @"a\b", true },
        // contains / startswith / endswith / all
        { "f|contains: evil", "very EVIL thing", true },
        { "f|contains: evil", "good", false },
        { "f|startswith: 'C:\\Temp'", @"c:\temp\x.exe", true },
        { "f|endswith: '.ps1'", "run.PS1", true },
        { "f|endswith: '.ps1'", "run.ps1x", false },
        { "f|contains|all: [a1, b2]", "xx b2 yy a1", true },
        { "f|contains|all: [a1, b2]", "xx b2 yy", false },
        { "f|contains: [a1, b2]", "xx b2 yy", true },
        { "f|contains: 'x*z'", "wxyz!", true },
        // cased
        { "f|cased: Evil", "Evil", true },
        { "f|cased: Evil", "evil", false },
        { "f|contains|cased: Evil", "an evil", false },
        // null, empty, exists
        { "f: null", null, true },
        { "f: null", "x", false },
        { "f: ''", null, true },
        { "f|exists: true", "x", true },
        { "f|exists: true", null, false },
        { "f|exists: false", null, true },
        // neq
        { "f|neq: admin", "root", true },
        { "f|neq: admin", "ADMIN", false },
        { "f|neq: [a, b]", "b", false },
        // windash: -, /, en dash, em dash, horizontal bar
        { "f|windash|contains: ' -enc '", "powershell /enc AAA", true },
        { "f|windash|contains: ' -enc '", "powershell \u2013enc AAA", true },
        { "f|windash|contains: ' -enc '", "powershell \u2014enc AAA", true },
        { "f|windash|contains: ' -enc '", "powershell \u2015enc AAA", true },
        { "f|windash|contains: ' -enc '", "powershell -enc AAA", true },
        { "f|windash|contains: ' -enc '", "powershell +enc AAA", false },
        // regex and its flags
        { "f|re: '^ab+c$'", "abbbc", true },
        { "f|re: '^ab+c$'", "ABBC", false },
        { "f|re|i: '^ab+c$'", "ABBC", true },
        { "f|re: 'b.c'", "xb\ncx", false },
        { "f|re|s: 'b.c'", "xb\ncx", true },
        { "f|re: '^c'", "ab\ncd", false },
        { "f|re|m: '^c'", "ab\ncd", true },
        { "f|re: '(a)\\1'", "xaax", true },
        // base64 / base64offset (three offsets) / utf16 variants
        { "f|base64: 'cmd'", "Y21k", true },
        { "f|base64|contains: 'http://'", "xxaHR0cDovLw==yy", true },
        { "f|base64offset|contains: 'http://'", "aHR0cDovL", true },
        { "f|base64offset|contains: 'http://'", "AGh0dHA6Ly", true },
        { "f|base64offset|contains: 'http://'", "BodHRwOi8v", true },
        { "f|base64offset|contains: 'http://'", "aGVsbG8=", false },
        { "f|utf16le|base64: 'cmd'", "YwBtAGQA", true },
        { "f|wide|base64: 'cmd'", "YwBtAGQA", true },
        { "f|utf16be|base64: 'cmd'", "AGMAbQBk", true },
        { "f|utf16|base64: 'cmd'", "//5jAG0AZAA=", true },
        { "f|wide|base64offset|contains: 'ping'", "JABwAGkAbgBnAA", true },
        // numbers
        { "f|lt: 10", "9", true },
        { "f|lt: 10", "10", false },
        { "f|lte: 10", "10", true },
        { "f|gt: 10", "0x20", true },
        { "f|gte: 10", "abc", false },
        { "f|gte: 10.5", "10.5", true },
        // time parts
        { "f|hour: 3", "2024-03-02T03:15:02Z", true },
        { "f|hour: 4", "2024-03-02T03:15:02Z", false },
        { "f|minute: 15", "2024-03-02 03:15:02.123", true },
        { "f|day: 2", "2024-03-02T03:15:02Z", true },
        { "f|month: 3", "2024-03-02T03:15:02Z", true },
        { "f|year: 2024", "2024-03-02T03:15:02Z", true },
        { "f|week: 9", "2024-03-02T03:15:02Z", true },
        { "f|hour|gte: 22", "2024-03-02T23:00:00Z", true },
        { "f|hour|gte: 22", "2024-03-02T21:00:00Z", false },
        // cidr v4 and v6
        { "f|cidr: 10.0.0.0/8", "10.1.2.3", true },
        { "f|cidr: 10.0.0.0/8", "11.1.2.3", false },
        { "f|cidr: 192.168.1.0/25", "192.168.1.127", true },
        { "f|cidr: 192.168.1.0/25", "192.168.1.128", false },
        // brackets are stripped only as a pair ([::1] as URLs write it); a lone bracket is not an address
        { "f|cidr: 0.0.0.0/8", "10.0.0.1]", false },
        { "f|cidr: 0.0.0.0/8", "[0.0.0.1", false },
        { "f|cidr: 0.0.0.0/8", "[0.0.0.1]", true },
        { "f|cidr: 'fe80::/10'", "fe80::1ff:fe23:4567:890a", true },
        { "f|cidr: 'fe80::/10'", "2001:db8::1", false },
        { "f|cidr: '2001:db8::/32'", "2001:0db8:85a3::8a2e:370:7334", true },
        { "f|cidr: 10.0.0.0/8", "not-an-ip", false },
        { "f|cidr: 10.0.0.0/8", "::ffff:10.0.0.1", true },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void ModifierRowMatchesAsSpecified(string selection, string? value, bool expected)
    {
        var ev = value is null ? Plain(("other", "x")) : Plain(("f", value));
        var matches = Run(Rule("sel:\n    " + selection), [ev]);
        Assert.Equal(expected, matches.Count == 1);
    }

    [Fact]
    public void FieldrefComparesTwoFieldsOfTheSameEvent()
    {
        var yaml = Rule("sel:\n    a|fieldref: b");
        Assert.Single(Run(yaml, [Plain(("a", "X"), ("b", "x"))]));
        Assert.Empty(Run(yaml, [Plain(("a", "X"), ("b", "y"))]));
        Assert.Empty(Run(yaml, [Plain(("a", "X"))]));
        // Two absent fields are not equal values: nothing to compare, no match.
        Assert.Empty(Run(yaml, [Plain(("c", "X"))]));
        Assert.Empty(Run(yaml, [Plain(("b", "X"))]));
    }

    [Fact]
    public void FieldrefCasedComparesExactly()
    {
        var yaml = Rule("sel:\n    a|fieldref|cased: b");
        Assert.Single(Run(yaml, [Plain(("a", "X"), ("b", "X"))]));
        Assert.Empty(Run(yaml, [Plain(("a", "X"), ("b", "x"))]));
    }

    [Fact]
    public void ATypeModifierCannotFollowAnother()
    {
        var set = RuleLoader.LoadText(Rule("sel:\n    a|cidr|re: '10.0.0.0/8'"));
        var error = Assert.Single(set.Errors);
        Assert.Equal("modifier-combination", error.Feature);
        Assert.Contains("modifier 're' cannot follow 'cidr'", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ExpandUsesConfiguredPlaceholderValues()
    {
        var yaml = Rule("sel:\n    user|expand: '%Admins%'");
        var options = new RuleLoadOptions { Placeholders = new Dictionary<string, IReadOnlyList<string>> { ["Admins"] = ["root", "adm*"] } };
        var set = RuleLoader.LoadText(yaml, options: options);
        var engine = new Timeline.Detection.Sigma.RuleEngine(set, TestMappings);
        Assert.Single(engine.Evaluate([Plain(("user", "administrator"))]));
        Assert.Empty(engine.Evaluate([Plain(("user", "bob"))]));
    }

    [Fact]
    public void ExpandWithoutConfiguredValuesMatchesNothingAndWarns()
    {
        var set = RuleLoader.LoadText(Rule("sel:\n    user|expand: '%Admins%'"));
        Assert.Empty(set.Errors);
        Assert.Contains(set.Warnings, w => w.Contains("%Admins%"));
        Assert.Empty(new Timeline.Detection.Sigma.RuleEngine(set, TestMappings).Evaluate([Plain(("user", "%Admins%"))]));
    }

    [Fact]
    public void Base64OffsetYieldsTheThreeShiftedEncodings()
    {
        var variants = Base64OffsetModifier.Encode("http://"u8.ToArray()).ToList();
        Assert.Equal(["aHR0cDovL", "h0dHA6Ly", "odHRwOi8v"], variants);
    }

    [Fact]
    public void UnknownModifierFailsTheRuleWithItsName()
    {
        var set = RuleLoader.LoadText(Rule("sel:\n    f|frobnicate: x"));
        var error = Assert.Single(set.Errors);
        Assert.Equal("modifier:frobnicate", error.Feature);
        Assert.Equal(8, error.Line);
    }

    [Fact]
    public void EveryModifierHasAUniqueNameInTheCatalog()
    {
        var names = ModifierCatalog.Default.Names;
        foreach (var required in new[] { "contains", "startswith", "endswith", "all", "exists", "cased", "neq", "windash", "re", "i", "m", "s",
                     "base64", "base64offset", "utf16le", "utf16be", "utf16", "wide", "lt", "lte", "gt", "gte",
                     "minute", "hour", "day", "week", "month", "year", "cidr", "expand", "fieldref" })
            Assert.Contains(required, names);
    }
}
