using Timeline.Core.Ingest;

namespace Timeline.Core.Output;

/// <summary>Every <see cref="IEventRowFormat"/> in this assembly, by name; the help text of <c>--format</c> is generated from it.</summary>
public static class EventRowFormats
{
    private static readonly Lazy<Catalog<IEventRowFormat>> Formats = new(() => new Catalog<IEventRowFormat>(f => f.Name, typeof(IEventRowFormat).Assembly));

    public static Catalog<IEventRowFormat> Catalog => Formats.Value;

    public static IEventRowFormat? Find(string name) => Catalog.Find(name);

    /// <summary>The names, sorted.</summary>
    public static IReadOnlyList<string> Names => Catalog.Names.Order(StringComparer.Ordinal).ToList();

    /// <summary><c>name: description; …</c> for <c>--help</c>.</summary>
    public static string Help => string.Join("; ", Names.Select(n => n + ": " + Find(n)!.Description));
}
