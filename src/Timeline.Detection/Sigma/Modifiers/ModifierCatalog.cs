using Timeline.Core.Ingest;

namespace Timeline.Detection.Sigma.Modifiers;

/// <summary>Every <see cref="IModifier"/> in this assembly, found by reflection; nothing to register.</summary>
public static class ModifierCatalog
{
    private static readonly Lazy<Catalog<IModifier>> Instance = new(() => new Catalog<IModifier>(m => m.Name, typeof(IModifier).Assembly));

    public static Catalog<IModifier> Default => Instance.Value;
}
