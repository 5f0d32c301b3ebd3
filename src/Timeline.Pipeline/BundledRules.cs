namespace Timeline.Pipeline;

/// <summary>Where the rule pack shipped with the tool lives: <c>sigma/</c> next to the executable (copied at build).</summary>
public static class BundledRules
{
    public static string Root => Path.Combine(AppContext.BaseDirectory, "sigma");
    public static string Rules => Path.Combine(Root, "rules");
    public static string Mappings => Path.Combine(Root, "mappings");
}
