using Timeline.Core.Ingest;

namespace Timeline.Parsers;

/// <summary>Every <see cref="ILogParser"/> in this assembly, found by reflection; nothing to register.</summary>
public static class ParserCatalog
{
    private static readonly Lazy<Catalog<ILogParser>> Instance = new(() => new Catalog<ILogParser>(p => p.Name, typeof(ParserCatalog).Assembly));

    public static Catalog<ILogParser> Default => Instance.Value;

    public static FormatDetector Detector() => new(Default.All);
}
