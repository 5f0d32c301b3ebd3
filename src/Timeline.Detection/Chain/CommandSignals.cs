using Timeline.Core.Events;
using Timeline.Core.Findings;

namespace Timeline.Detection.Chain;

/// <summary>Turns the findings of <see cref="CommandAnalytic"/> on one command into one signal.</summary>
internal static class CommandSignals
{
    // forcedPhase: persistence files (crontab lines, units, tasks) keep their phase whatever they run.
    public static Signal? From(EventRecord e, string command, IReadOnlyList<Finding> findings, PhaseMap phases, string source, AttackPhase? forcedPhase = null)
    {
        if (findings.Count == 0) return null;
        var phase = forcedPhase ?? findings.Select(f => f.Phase).Aggregate(phases.Prefer);
        var main = findings.Where(f => f.Phase == phase).OrderByDescending(f => f.Confidence).FirstOrDefault() ?? findings.OrderByDescending(f => f.Confidence).First();
        var mining = findings.Any(f => f.Kind == AnalyticKinds.MinerRun);
        var signal = Signal.From(e, command, phase, main.Kind, $"{source}: {Excerpt(command)}",
            string.Join("; ", findings.Select(f => f.Why).Distinct()), findings.Max(f => f.Confidence), findings.Any(f => f.Strong));
        signal.Artifacts = CommandArtifacts.Of(command);
        signal.MiningRun = mining && forcedPhase is null && phase == AttackPhase.Mining;
        foreach (var f in findings) signal.Facts.TryAdd("finding:" + f.Kind, f.Why);
        return signal;
    }

    public static string Excerpt(string text, int max = 160)
    {
        var oneLine = text.ReplaceLineEndings(" ").Trim();
        return oneLine.Length <= max ? oneLine : string.Concat(oneLine.AsSpan(0, max - 1), "…");
    }
}
