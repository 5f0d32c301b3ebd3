using Timeline.Core.Findings;

namespace Timeline.Detection.Chain;

/// <summary>The one-paragraph story of a chain for a reader who is not an analyst.</summary>
public static class RootCauseText
{
    /// <summary>The paragraph; <paramref name="seenAtCollection"/> is true when the only evidence of mining is the live state (<paramref name="miningStart"/> is then the collection time).</summary>
    public static string Write(AttackContext c, long? miningStart, bool seenAtCollection = false)
    {
        var parts = new List<string>();
        if (c.Entry is { } e)
        {
            parts.Add(e.Point.Kind switch
            {
                AnalyticKinds.SshBruteforceSuccess or AnalyticKinds.RdpBruteforceSuccess => $"The attacker guessed the password of '{e.Point.User}' ({e.Point.Why}) and logged in from {e.Point.SourceIp} at {TimeWords.Of(e.Point.Ticks)}.",
                AnalyticKinds.ExploitedService => $"The attacker got in through a network service, not a logon: {e.Point.Why} (first seen {TimeWords.Of(e.Point.Ticks)}).",
                AnalyticKinds.Lateral => $"The attacker came from another compromised host: {e.Point.Why}.",
                _ => $"The attacker's way in is most likely: {e.Point.Summary} at {TimeWords.Of(e.Point.Ticks)} ({e.Point.Why}).",
            });
        }
        else parts.Add($"No logon or exploited service in the evidence explains the first attacker activity at {TimeWords.Of(c.Start)}.");
        var phases = c.Included.Select(i => i.Signal).ToList();
        if (phases.Any(s => s.Phase == AttackPhase.Execution && s.Strong)) parts.Add("They downloaded and ran their tools.");
        var persistence = phases.Where(s => s.Phase == AttackPhase.Persistence && s.Strong).Select(s => s.Kind switch
        {
            AnalyticKinds.SshKey => "an SSH key",
            AnalyticKinds.CronEntry or AnalyticKinds.ServiceCron or AnalyticKinds.ServiceCrontab or AnalyticKinds.CrontabEdit or AnalyticKinds.CrontabReload or AnalyticKinds.CronGarbage or AnalyticKinds.CronError => "a cron job",
            AnalyticKinds.Task => "a scheduled task",
            AnalyticKinds.Service => "a service",
            AnalyticKinds.SystemdUnit => "a systemd unit",
            AnalyticKinds.RcLocal => "an rc.local line",
            _ when s.Facts.ContainsKey("finding:" + AnalyticKinds.KeysTamper) => "an SSH key",
            _ when s.Facts.ContainsKey("finding:" + AnalyticKinds.CrontabInstall) => "a cron job",
            _ => null,
        }).OfType<string>().Distinct().ToList();
        if (persistence.Count > 0) parts.Add($"They left {string.Join(" and ", persistence)} so they and the miner come back.");
        if (c.Returns.Count > 0) parts.Add($"They came back {c.Returns.Count} time(s), last from {c.Returns[^1].SourceIp} at {TimeWords.Of(c.Returns[^1].Ticks)}.");
        if (miningStart is not null)
            parts.Add(seenAtCollection
                ? $"A miner was still running when the evidence was collected ({TimeWords.Of(miningStart)}); when it started is not in the evidence."
                : $"Mining started at {TimeWords.Of(miningStart)}.");
        if (c.Outbound.Count > 0) parts.Add($"From here they moved to {string.Join(", ", c.Outbound.Select(m => m.ToHost).Distinct())}.");
        return string.Join(" ", parts);
    }
}
