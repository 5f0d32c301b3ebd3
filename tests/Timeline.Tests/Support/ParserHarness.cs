using System.Text;
using System.Text.Json;
using Timeline.Core.Events;
using Timeline.Core.Ingest;
using Timeline.Parsers;

namespace Timeline.Tests.Support;

/// <summary>Settings a golden sample is parsed with, from an optional <c>&lt;sample&gt;.context.json</c>.</summary>
public sealed record SampleContext(DateTimeOffset Mtime, int? Year, string TimeZone, string? Host, string DefaultHost, DateTimeOffset? CollectedAt = null)
{
    /// <summary>Git sets mtime at checkout, so goldens never use the real one: this is the default.</summary>
    public static readonly DateTimeOffset DefaultMtime = new(2024, 6, 30, 12, 0, 0, TimeSpan.Zero);

    public static SampleContext For(string samplePath)
    {
        var file = samplePath + ".context.json";
        if (!File.Exists(file)) return new SampleContext(DefaultMtime, null, "UTC", null, "sample-host");
        using var doc = JsonDocument.Parse(File.ReadAllText(file));
        var root = doc.RootElement;
        string? Str(string name) => root.TryGetProperty(name, out var v) ? v.GetString() : null;
        return new SampleContext(
            Str("mtime") is { } m ? DateTimeOffset.Parse(m, System.Globalization.CultureInfo.InvariantCulture) : DefaultMtime,
            root.TryGetProperty("year", out var y) ? y.GetInt32() : null,
            Str("timezone") ?? "UTC",
            Str("host"),
            Str("defaultHost") ?? "sample-host",
            Str("collectedAt") is { } c ? DateTimeOffset.Parse(c, System.Globalization.CultureInfo.InvariantCulture) : null);
    }
}

public sealed record ParseOutcome(ILogParser? Parser, IReadOnlyList<EventRecord> Events, IReadOnlyList<ParseWarning> Warnings);

/// <summary>Runs parsers the way ingest does (content detection, then parse) without a case file.</summary>
public static class ParserHarness
{
    /// <summary>Detects and parses a file on disk; origin.file is recorded relative to the repo root.</summary>
    public static ParseOutcome ParseFile(string fullPath, SampleContext? settings = null)
    {
        settings ??= SampleContext.For(fullPath);
        var opened = EvidenceOpener.Open(fullPath);
        var relative = RepoPaths.Relative(fullPath);
        var source = new EvidenceSource(relative, opened.OpenContent, settings.Mtime, opened.GzipModifiedUtc, opened.Compressed);
        var detected = ParserCatalog.Detector().Detect(FormatDetector.Sample(source));
        if (detected is null) return new ParseOutcome(null, [], []);
        return Run(detected.Value.Parser, source, FileHasher.Sha256(fullPath), settings);
    }

    /// <summary>Parses inline text with a given parser (edge-case tests).</summary>
    public static ParseOutcome ParseText(ILogParser parser, string text, string path = "inline.log", SampleContext? settings = null)
    {
        settings ??= new SampleContext(SampleContext.DefaultMtime, null, "UTC", null, "sample-host");
        var bytes = Encoding.UTF8.GetBytes(text);
        var source = EvidenceSource.FromBytes(path, bytes, settings.Mtime);
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
        return Run(parser, source, sha, settings);
    }

    public static ParseOutcome ParseBytes(ILogParser parser, byte[] bytes, string path = "inline.log", SampleContext? settings = null)
    {
        settings ??= new SampleContext(SampleContext.DefaultMtime, null, "UTC", null, "sample-host");
        var source = EvidenceSource.FromBytes(path, bytes, settings.Mtime);
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
        return Run(parser, source, sha, settings);
    }

    public static ILogParser Parser(string name) => ParserCatalog.Default.Find(name) ?? throw new InvalidOperationException("no parser " + name);

    private static ParseOutcome Run(ILogParser parser, EvidenceSource source, string sha, SampleContext settings)
    {
        var warnings = new List<ParseWarning>();
        var context = new ParseContext(source.Path, sha, warnings.Add)
        {
            Year = settings.Year,
            TimeZone = TimeZoneInfo.FindSystemTimeZoneById(settings.TimeZone),
            HostOverride = settings.Host,
            DefaultHost = settings.DefaultHost,
            CollectedAt = settings.CollectedAt,
        };
        var events = parser.Parse(source, context).ToList();
        return new ParseOutcome(parser, events, warnings);
    }
}
