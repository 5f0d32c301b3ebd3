using Timeline.Core.Vocabulary;
using Timeline.Core.Findings;

namespace Timeline.Detection.Chain;

/// <summary>
/// Decides which flagged events belong to the intrusion. Strong signals always do. A weak one (recon,
/// a crontab edit, chmod) joins only when linked: inside an attacker session of the same user, or
/// naming an artifact (path, file name, host, address) a strong signal names, or — for cron table
/// edits and reloads — inside the incident window. Crontab lines and authorized keys, which carry no
/// time of their own, join when a timed event runs, installs or uses them, and are told at that time.
/// </summary>
public sealed class ChainLinker(ChainOptions options)
{
    private static readonly HashSet<string> CommonNames = new(StringComparer.Ordinal) { "sh", "bash", "null", "tmp", "root", "home", "etc", "bin", "usr", "var", "dev", "proc", "sbin", "cron", "crontab", "crontabs", ".ssh", "authorized_keys" };

    public void Link(AttackContext c)
    {
        var h = c.Host;
        var strong = h.Signals.Where(s => s.Strong).ToList();
        var tokens = Tokens(strong);
        foreach (var s in h.Signals)
        {
            if (c.Entry is { Point.Kind: AnalyticKinds.ExploitedService, Signal: { } es } && ReferenceEquals(es, s)) continue;
            if (s.Strong || InSession(c, s) || Shares(s, tokens) || CronEditInWindow(c, s)) c.Included.Add((s, s.Ticks));
        }
        var ranCommands = c.Included.Where(i => i.Signal.Parser == ParserNames.Cron && i.Signal.Timed).ToList();
        var installers = c.Included.Where(i => i.Signal.Facts.ContainsKey("finding:" + AnalyticKinds.CrontabInstall) || i.Signal.Facts.ContainsKey("finding:" + AnalyticKinds.KeysTamper)).ToList();
        foreach (var entry in h.CrontabEntries)
        {
            var command = entry.Facts.GetValueOrDefault(FieldNames.Command) ?? "";
            var ran = ranCommands.FirstOrDefault(r => r.Signal.Text.Trim() == command.Trim());
            var installed = installers.FirstOrDefault(i => command.Length > 8 && i.Signal.Text.Contains(command.Trim(), StringComparison.Ordinal));
            var anchor = installed.Signal?.Ticks ?? ran.Signal?.Ticks;
            if (c.Contains(entry)) Reanchor(c, entry, anchor);
            else if (ran.Signal is not null || installed.Signal is not null || (entry.Strong && !c.Contains(entry)))
            {
                if (ran.Signal is not null) entry.Why += $"; cron ran it {ran.Signal.Repeats} time(s) from {TimeWords.Of(ran.Signal.Ticks)}";
                if (installed.Signal is not null) entry.Why += $"; installed from the shell at {TimeWords.Of(installed.Signal.Ticks)}";
                c.Included.Add((entry, anchor ?? entry.Ticks));
            }
        }
        var keyWriters = c.Included.Where(i => i.Signal.Artifacts.KeyFingerprints.Count > 0 || i.Signal.Facts.ContainsKey("finding:" + AnalyticKinds.KeysTamper)).ToList();
        foreach (var key in h.AuthorizedKeys)
        {
            var fp = key.Facts.GetValueOrDefault(FieldNames.KeyFingerprint) ?? "";
            var planted = c.AttackerKeys.Contains(fp) || key.Strong;
            var writer = keyWriters.FirstOrDefault(w => w.Signal.Artifacts.KeyFingerprints.Contains(fp));
            var used = c.Returns.FirstOrDefault(l => l.KeyFingerprint == fp);
            if (!planted) continue;
            key.Strong = true;
            key.Confidence = Math.Max(key.Confidence, 0.85);
            if (writer.Signal is not null) key.Why += $"; written from the shell at {TimeWords.Of(writer.Signal.Ticks)}";
            if (used is not null) key.Why += $"; used to log in from {used.SourceIp} at {TimeWords.Of(used.Ticks)}";
            if (c.Contains(key)) Reanchor(c, key, writer.Signal?.Ticks ?? used?.Ticks);
            else c.Included.Add((key, writer.Signal?.Ticks ?? used?.Ticks ?? key.Ticks));
        }
        // Stable, total order: an entry told at the moment of the command that wrote it comes after that
        // command; file and line break the remaining ties, so the story never depends on file mtimes.
        c.Included.Sort((a, b) =>
        {
            var byAnchor = (a.Anchor ?? long.MaxValue).CompareTo(b.Anchor ?? long.MaxValue);
            if (byAnchor != 0) return byAnchor;
            var byOwnTime = a.Signal.TimeQuality.HasFlag(Core.Events.TimeQuality.FileMtime).CompareTo(b.Signal.TimeQuality.HasFlag(Core.Events.TimeQuality.FileMtime));
            if (byOwnTime != 0) return byOwnTime;
            var byFile = string.CompareOrdinal(a.Signal.Origin.File, b.Signal.Origin.File);
            return byFile != 0 ? byFile : a.Signal.Origin.Position.CompareTo(b.Signal.Origin.Position);
        });
    }

    private static void Reanchor(AttackContext c, Signal s, long? anchor)
    {
        if (anchor is null) return;
        var i = c.Included.FindIndex(x => ReferenceEquals(x.Signal, s));
        if (i >= 0) c.Included[i] = (s, anchor);
    }

    private bool InSession(AttackContext c, Signal s)
    {
        if (!s.Timed) return false;
        foreach (var (user, from, to, _) in c.Sessions)
            if (s.Ticks >= from && s.Ticks <= to && (s.User is null || s.User == user || s.Parser == ParserNames.Auth)) return true;
        return false;
    }

    private bool CronEditInWindow(AttackContext c, Signal s) =>
        s.Kind is AnalyticKinds.CrontabEdit or AnalyticKinds.CrontabReload && s.Timed && c.Start is { } start && c.End is { } end
        && s.Ticks >= start - options.ChurnWindow.Ticks * 120 && s.Ticks <= end
        && (c.AttackerUsers.Contains(s.Facts.GetValueOrDefault("owner") ?? "") || c.AttackerUsers.Count == 0);

    private static bool Shares(Signal s, HashSet<string> tokens)
    {
        if (tokens.Count == 0) return false;
        foreach (var t in tokens)
            if (s.Text.Contains(t, StringComparison.Ordinal)) return true;
        return false;
    }

    /// <summary>Paths, file names, hosts and addresses the strong signals name (common words left out).</summary>
    private static HashSet<string> Tokens(IEnumerable<Signal> strong)
    {
        var tokens = new HashSet<string>(StringComparer.Ordinal);
        foreach (var s in strong)
        {
            var a = s.Artifacts.Paths.Count + s.Artifacts.Urls.Count > 0 ? s.Artifacts : CommandArtifacts.Of(s.Text);
            foreach (var p in a.Paths)
            {
                if (p.Count(ch => ch == '/') >= 2 && p.Length >= 8) tokens.Add(p);
                var name = p[(p.TrimEnd('/').LastIndexOf('/') + 1)..].TrimEnd('/');
                if (name.Length >= 5 && !CommonNames.Contains(name)) tokens.Add(name);
            }
            foreach (var u in a.Urls)
            {
                var name = u[(u.LastIndexOf('/') + 1)..];
                if (name.Length >= 5 && !name.Contains(':')) tokens.Add(name);
            }
            foreach (var host in a.Hosts) tokens.Add(host);
            foreach (var ip in a.Ips) tokens.Add(ip);
            if (s.Phase == AttackPhase.Mining && s.Facts.GetValueOrDefault("process") is { Length: >= 4 } process) tokens.Add(process);
        }
        return tokens;
    }
}
