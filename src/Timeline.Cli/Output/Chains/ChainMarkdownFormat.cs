using System.Text;
using Spectre.Console;
using Timeline.Core.Findings;
using Timeline.Core.Store;
using Timeline.Detection.Chain;

namespace Timeline.Cli.Output.Chains;

/// <summary><c>chain --format markdown</c>: the report-ready text of <see cref="ChainMarkdown"/>.</summary>
public sealed class ChainMarkdownFormat : IChainFormat
{
    public string Name => "markdown";

    public string Description => "report-ready Markdown";

    public void Write(IAnsiConsole console, Stream output, ICaseStore store, IReadOnlyList<AttackChain> chains) =>
        output.Write(Encoding.UTF8.GetBytes(ChainMarkdown.Write(chains)));
}
