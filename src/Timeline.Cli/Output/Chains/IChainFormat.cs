using Spectre.Console;
using Timeline.Core.Findings;
using Timeline.Core.Store;

namespace Timeline.Cli.Output.Chains;

/// <summary>
/// One way <c>timeline chain --format</c> shows the attack chains. To add one, add a class
/// implementing this interface with a public parameterless constructor in this assembly: the catalog
/// (<see cref="ChainFormats"/>) finds it, <c>--format</c> accepts it and <c>--help</c> lists it.
/// </summary>
public interface IChainFormat
{
    /// <summary>The name given to <c>--format</c>, lower case.</summary>
    string Name { get; }

    /// <summary>One line for <c>--help</c>.</summary>
    string Description { get; }

    /// <summary>
    /// Writes <paramref name="chains"/> of the open case <paramref name="store"/> (read-only use: the
    /// contract fetches the steps' rule matches) to the terminal <paramref name="console"/> or the raw
    /// standard output <paramref name="output"/>. Evidence text is escaped for a terminal either way.
    /// </summary>
    void Write(IAnsiConsole console, Stream output, ICaseStore store, IReadOnlyList<AttackChain> chains);
}
