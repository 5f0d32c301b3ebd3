using Timeline.Core.Ingest;
using Timeline.Parsers;

namespace Timeline.Fuzz;

/// <summary>
/// Feeds bytes to one parser the way ingest does: the content sniff on the file's head, then the
/// full parse, every event enumerated. <see cref="ILogParser"/> promises not to throw on bad input
/// (problems are warnings), so no exception is expected here.
/// </summary>
public static class ParserInput
{
    /// <summary>A fixed file time: year inference and mtime events must not depend on the clock.</summary>
    private static readonly DateTimeOffset Modified = new(2024, 6, 30, 12, 0, 0, TimeSpan.Zero);

    public static void Parse(string parserName, string path, byte[] bytes)
    {
        var parser = ParserCatalog.Default.Find(parserName) ?? throw new InvalidOperationException("no parser " + parserName);
        var source = EvidenceSource.FromBytes(path, bytes, Modified);
        parser.Sniff(FormatDetector.Sample(source));
        var context = new ParseContext(path, "0000000000000000000000000000000000000000000000000000000000000000") { DefaultHost = "fuzz-host" };
        foreach (var record in parser.Parse(source, context)) GC.KeepAlive(record);
    }
}
