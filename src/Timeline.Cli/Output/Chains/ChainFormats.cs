using Timeline.Core.Ingest;

namespace Timeline.Cli.Output.Chains;

/// <summary>Every <see cref="IChainFormat"/> of the CLI, by name; the help text of <c>chain --format</c> is generated from it.</summary>
public static class ChainFormats
{
    /// <summary>The format when none is asked for.</summary>
    public const string Default = ChainStoryFormat.FormatName;

    private static readonly Lazy<Catalog<IChainFormat>> Formats = new(() => new Catalog<IChainFormat>(f => f.Name, typeof(IChainFormat).Assembly));

    public static Catalog<IChainFormat> Catalog => Formats.Value;

    public static IChainFormat? Find(string name) => Catalog.Find(name);

    /// <summary>The names, sorted.</summary>
    public static IReadOnlyList<string> Names => Catalog.Names.Order(StringComparer.Ordinal).ToList();

    /// <summary><c>name: description; …</c> for <c>--help</c>.</summary>
    public static string Help => string.Join("; ", Names.Select(n => n + ": " + Find(n)!.Description)) + ".";
}
