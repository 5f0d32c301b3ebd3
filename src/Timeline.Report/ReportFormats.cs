using Timeline.Core.Ingest;

namespace Timeline.Report;

/// <summary>Every <see cref="IReportWriter"/> in this assembly, by <see cref="IReportWriter.Format"/>.</summary>
public static class ReportFormats
{
    private static readonly Lazy<Catalog<IReportWriter>> Writers = new(() => new Catalog<IReportWriter>(w => w.Format, typeof(IReportWriter).Assembly));

    public static Catalog<IReportWriter> Catalog => Writers.Value;

    public static IReportWriter? Find(string format) => Catalog.Find(format);

    /// <summary>The format names, sorted, for help and error messages.</summary>
    public static IReadOnlyList<string> Names => Catalog.Names.Order(StringComparer.Ordinal).ToList();

    /// <summary><c>name: description; …</c> for <c>--help</c>.</summary>
    public static string Help => string.Join("; ", Names.Select(n => n + ": " + Find(n)!.Description)) + ".";
}
