namespace Timeline.Detection.Chain;

/// <summary>
/// What the chain builder knows as data: the phase map (<c>sigma/phases.yml</c>) and the indicator
/// lists (<c>sigma/indicators/</c>). <see cref="Locate"/> finds the bundled <c>sigma/</c> folder.
/// </summary>
public sealed record ChainKnowledge(PhaseMap Phases, IndicatorCatalog Indicators)
{
    public static ChainKnowledge Load(string sigmaDirectory)
    {
        var phases = Path.Combine(sigmaDirectory, "phases.yml");
        var indicators = Path.Combine(sigmaDirectory, "indicators");
        if (!File.Exists(phases)) throw new ChainKnowledgeException($"{phases}: not found (the chain needs the bundled sigma/ folder)");
        if (!Directory.Exists(indicators)) throw new ChainKnowledgeException($"{indicators}: not found (the chain needs the bundled sigma/ folder)");
        return new ChainKnowledge(PhaseMap.Load(phases), IndicatorCatalog.Load(indicators));
    }

    /// <summary>
    /// The bundled <c>sigma/</c> folder: next to the program, else the first <c>sigma/phases.yml</c>
    /// found walking up from the program's folder and from the current directory (a source checkout).
    /// </summary>
    public static string Locate()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "sigma");
                if (File.Exists(Path.Combine(candidate, "phases.yml"))) return candidate;
            }
        }
        throw new ChainKnowledgeException("no sigma/phases.yml found next to the program or above the current directory; pass the sigma folder explicitly");
    }

    private static readonly Lazy<ChainKnowledge> BundledInstance = new(() => Load(Locate()));

    /// <summary>The bundled knowledge, loaded once.</summary>
    public static ChainKnowledge Bundled => BundledInstance.Value;
}
