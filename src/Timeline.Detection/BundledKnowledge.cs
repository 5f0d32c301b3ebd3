namespace Timeline.Detection;

/// <summary>
/// Where the bundled <c>sigma/</c> folder lives and how it is laid out. It sits next to the program's
/// assemblies, where the build copies it (Timeline.Detection.csproj). This is the only place that says
/// so: the rule pack, the mappings and the chain knowledge are all found from <see cref="Root"/>, never by
/// walking up from the current directory (which would pick a different folder depending on where the
/// tool is started). The relative names also lay out any other knowledge folder given explicitly.
/// </summary>
public static class BundledKnowledge
{
    public const string RulesFolder = "rules";
    public const string MappingsFolder = "mappings";
    public const string PhasesFile = "phases.yml";
    public const string IndicatorsFolder = "indicators";
    public const string CommandsFolder = "commands";
    public const string TechniquesFile = "techniques.yml";
    public const string PatternsFolder = "patterns";
    public const string ResponseFile = "response.yml";

    public static string Root => Path.Combine(AppContext.BaseDirectory, "sigma");

    /// <summary>The rule pack (<c>sigma/rules</c>).</summary>
    public static string Rules => Path.Combine(Root, RulesFolder);

    /// <summary>Per-parser logsource and field mappings (<c>sigma/mappings</c>).</summary>
    public static string Mappings => Path.Combine(Root, MappingsFolder);
}
