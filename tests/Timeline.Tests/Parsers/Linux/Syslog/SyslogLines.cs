using Timeline.Core.Vocabulary;
using Timeline.Core.Events;
using Timeline.Parsers.Linux.Syslog;
using Timeline.Tests.Support;

namespace Timeline.Tests.Parsers.Linux.Syslog;

/// <summary>Parses inline syslog text with <see cref="SyslogParser"/> and renders fields compactly for table tests.</summary>
public static class SyslogLines
{
    public static readonly SyslogParser Parser = new();

    public static ParseOutcome Parse(string text, SampleContext? settings = null) => ParserHarness.ParseText(Parser, text, settings: settings);

    /// <summary>The single event of one line (asserting there is exactly one and no warning).</summary>
    public static EventRecord One(string line)
    {
        var outcome = Parse(line + "\n");
        Xunit.Assert.Empty(outcome.Warnings);
        return Xunit.Assert.Single(outcome.Events);
    }

    /// <summary><c>key=value</c> pairs sorted by key, joined by <c>|</c>, without program, pid, facility and severity.</summary>
    public static string Fields(EventRecord e) => string.Join("|", e.Fields
        .Where(f => f.Key is not (FieldNames.Program or FieldNames.Pid or FieldNames.Facility or FieldNames.Severity))
        .OrderBy(f => f.Key, StringComparer.Ordinal)
        .Select(f => f.Key + "=" + f.Value));

    public static SampleContext Context(string mtime, string timeZone = "UTC", int? year = null) =>
        new(DateTimeOffset.Parse(mtime, System.Globalization.CultureInfo.InvariantCulture), year, timeZone, null, "sample-host");
}
