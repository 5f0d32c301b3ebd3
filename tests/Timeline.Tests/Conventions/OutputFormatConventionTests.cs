using System.Text.RegularExpressions;
using Timeline.Cli.Output;
using Timeline.Cli.Output.Chains;
using Timeline.Core.Output;
using Timeline.Report;
using Timeline.Tests.Support;
using Xunit;

namespace Timeline.Tests.Conventions;

/// <summary>
/// Adding an output format is adding its class: every format class of the three catalogs (chain,
/// query rows, report writers) is constructible, catalogued under its own name, and named with its
/// description in the <c>--help</c> of its command (generated from the catalog, as users see it).
/// </summary>
public sealed partial class OutputFormatConventionTests
{
    public static TheoryData<string, string> Formats()
    {
        var data = new TheoryData<string, string>();
        foreach (var t in FormatTypes(typeof(IChainFormat))) data.Add("chain", t.FullName!);
        foreach (var t in FormatTypes(typeof(IEventRowFormat))) data.Add("query", t.FullName!);
        foreach (var t in FormatTypes(typeof(IReportWriter))) data.Add("report", t.FullName!);
        return data;
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void EveryFormatClassIsConstructibleCataloguedAndInTheHelp(string command, string typeName)
    {
        var type = AllFormatTypes().Single(t => t.FullName == typeName);
        Assert.True(type.GetConstructor(Type.EmptyTypes) is not null, $"{typeName} has no public parameterless constructor, so its catalog cannot build it");
        var (name, description, catalogued) = Activator.CreateInstance(type) switch
        {
            IChainFormat f => (f.Name, f.Description, ChainFormats.Find(f.Name)?.GetType()),
            IEventRowFormat f => (f.Name, f.Description, EventRowFormats.Find(f.Name)?.GetType()),
            IReportWriter w => (w.Format, w.Description, ReportFormats.Find(w.Format)?.GetType()),
            _ => throw new InvalidOperationException(typeName),
        };
        Assert.Equal(type, catalogued);
        var help = Help(command);
        Assert.Contains(Words(name + ": " + description), help);
    }

    [Fact]
    public void TheQueryTableIsInTheQueryHelpToo() =>
        Assert.Contains(Words(QueryFormats.Table + ": " + EventTable.Description), Help("query"));

    [Fact]
    public void EachCatalogHasItsShippedFormats()
    {
        Assert.Equal(["json", "markdown", "table"], ChainFormats.Names);
        Assert.Equal(ChainFormats.Names, FormatTypes(typeof(IChainFormat)).Select(t => ((IChainFormat)Activator.CreateInstance(t)!).Name).Order(StringComparer.Ordinal));
    }

    private static IEnumerable<Type> FormatTypes(Type contract) =>
        contract.Assembly.GetTypes().Where(t => contract.IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false }).OrderBy(t => t.FullName, StringComparer.Ordinal);

    private static IEnumerable<Type> AllFormatTypes() =>
        FormatTypes(typeof(IChainFormat)).Concat(FormatTypes(typeof(IEventRowFormat))).Concat(FormatTypes(typeof(IReportWriter)));

    private static readonly Dictionary<string, string> HelpByCommand = [];

    /// <summary><c>timeline COMMAND --help</c> with its line wrapping undone (runs of whitespace as one space).</summary>
    private static string Help(string command)
    {
        lock (HelpByCommand)
        {
            if (!HelpByCommand.TryGetValue(command, out var help))
            {
                var r = CliRunner.Run(Some.TempDir(), command, "--help");
                Assert.Equal(0, r.ExitCode);
                HelpByCommand[command] = help = Words(r.Stdout);
            }
            return help;
        }
    }

    private static string Words(string text) => Whitespace().Replace(text, " ");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
