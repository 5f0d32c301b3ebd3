using System.Reflection;
using System.Text.RegularExpressions;
using Timeline.Cli.Output;
using Timeline.Core.Output;
using Timeline.Report;
using Timeline.Tests.Report;
using Timeline.Tests.Support;
using Xunit;

namespace Timeline.Tests.Output;

/// <summary>
/// One event row for every output: the query's CSV/JSONL and the report's exports are the same
/// bytes for the same events, and every format of the catalogs is constructible and in --help.
/// </summary>
public sealed partial class EventRowTests
{
    /// <summary>The query scenario case: real events plus rule matches and a chain (so rules and phase are filled).</summary>
    private static string Case => Timeline.Tests.Query.ScenarioCase.Path;

    [Theory]
    [InlineData("csv")]
    [InlineData("jsonl")]
    public void QueryAndReportExportWriteTheSameRows(string format)
    {
        var query = CliRunner.Run(Path.GetDirectoryName(Case)!, "query", "--case", Case, "--format", format);
        Assert.Equal(0, query.ExitCode);
        var export = ReportCases.Render(Case, format);
        Assert.Equal(export, query.Stdout);
        // Not vacuous: rules and phase are in the rows.
        Assert.Contains("SSH login after brute force", export);
        Assert.Contains("entry", export);
    }

    [Fact]
    public void CsvHeaderIsTheSharedEventRow()
    {
        var header = ReportCases.Render(Case, "csv").Split("\r\n")[0];
        Assert.Equal(string.Join(",", EventRow.Columns), header);
    }

    [Fact]
    public void EveryFormatClassIsConstructibleAndCatalogued()
    {
        AssertCatalogued(typeof(IEventRowFormat), EventRowFormats.Catalog.All.Select(f => f.GetType()));
        AssertCatalogued(typeof(IReportWriter), ReportFormats.Catalog.All.Select(f => f.GetType()));
    }

    private static void AssertCatalogued(Type contract, IEnumerable<Type> found)
    {
        var types = contract.Assembly.GetTypes().Where(t => contract.IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false }).ToList();
        Assert.NotEmpty(types);
        foreach (var t in types)
            Assert.True(t.GetConstructor(BindingFlags.Public | BindingFlags.Instance, Type.EmptyTypes) is not null, $"{t.FullName} implements {contract.Name} but has no public parameterless constructor, so the catalog cannot construct it");
        Assert.Equal(types.Select(t => t.FullName).Order(StringComparer.Ordinal), found.Select(t => t.FullName).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("query")]
    [InlineData("report")]
    public void EveryFormatIsInTheHelp(string command)
    {
        var help = CliRunner.Run(Path.GetTempPath(), command, "--help");
        Assert.Equal(0, help.ExitCode);
        var text = Squeeze(help.Stdout);
        var formats = command == "query"
            ? QueryFormats.Names.Select(n => (n, n == QueryFormats.Table ? EventTable.Description : EventRowFormats.Find(n)!.Description))
            : ReportFormats.Names.Select(n => (n, ReportFormats.Find(n)!.Description));
        foreach (var (name, description) in formats)
            Assert.Contains(Squeeze(name + ": " + description), text);
    }

    /// <summary>Help text wraps at the terminal width: compare without whitespace.</summary>
    private static string Squeeze(string text) => Whitespace().Replace(text, "");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
