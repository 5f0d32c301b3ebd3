namespace Timeline.Detection.Chain;

/// <summary>
/// What the chain builder knows as data: the phase map (<c>sigma/phases.yml</c>), the indicator
/// lists (<c>sigma/indicators/</c>) the command-line patterns (<c>sigma/commands/</c>) the kind → ATT&amp;CK technique table (<c>sigma/techniques.yml</c>),
/// the path and log-line patterns (<c>sigma/patterns/</c>) and the response plan's order and fixes (<c>sigma/response.yml</c>). The bundled folder is <see cref="BundledKnowledge.Root"/>.
/// </summary>
public sealed record ChainKnowledge(PhaseMap Phases, IndicatorCatalog Indicators, CommandPatterns Commands, AttackTechniques Techniques, EvidencePatterns Patterns, ResponseKnowledge Response)
{
    public static ChainKnowledge Load(string sigmaDirectory)
    {
        var phases = Path.Combine(sigmaDirectory, BundledKnowledge.PhasesFile);
        var indicators = Path.Combine(sigmaDirectory, BundledKnowledge.IndicatorsFolder);
        if (!File.Exists(phases)) throw new ChainKnowledgeException($"{phases}: not found (the chain needs the bundled sigma/ folder)");
        if (!Directory.Exists(indicators)) throw new ChainKnowledgeException($"{indicators}: not found (the chain needs the bundled sigma/ folder)");
        return new ChainKnowledge(PhaseMap.Load(phases), IndicatorCatalog.Load(indicators), CommandPatterns.Load(Path.Combine(sigmaDirectory, BundledKnowledge.CommandsFolder)),
            AttackTechniques.Load(Path.Combine(sigmaDirectory, BundledKnowledge.TechniquesFile)),
            EvidencePatterns.Load(Path.Combine(sigmaDirectory, BundledKnowledge.PatternsFolder)),
            ResponseKnowledge.Load(Path.Combine(sigmaDirectory, BundledKnowledge.ResponseFile)));
    }

    private static readonly Lazy<ChainKnowledge> BundledInstance = new(() => Load(BundledKnowledge.Root));

    /// <summary>The bundled knowledge (<see cref="BundledKnowledge.Root"/>), loaded once.</summary>
    public static ChainKnowledge Bundled => BundledInstance.Value;
}
