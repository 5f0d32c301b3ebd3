using Timeline.Core.Vocabulary;
using Timeline.Core.Events;

namespace Timeline.Detection.Chain;

/// <summary>
/// <c>linux/bash-history</c>: every command is read by <see cref="CommandAnalytic"/>; timed commands
/// are also counted per user, so a login session with no history can be reported (threat-notes §1.5).
/// </summary>
public sealed class HistoryAnalytic(CommandAnalytic commands, PhaseMap phases) : IEventAnalytic
{
    public bool Handles(string parser) => parser == ParserNames.BashHistory;

    public Signal? Observe(EventRecord e, HostEvidence host)
    {
        var user = e.Fields.Get(FieldNames.User) ?? "?";
        host.HistoryFiles.TryAdd(user, e.Origin.File);
        if (e.Ticks is { } t && e.TimeQuality == TimeQuality.Exact && host.HistoryTimes.GetValueOrDefault(user) is var list)
        {
            if (list is null) host.HistoryTimes[user] = list = [];
            if (list.Count < 100_000) list.Add(t);
        }
        if (e.Fields.Get(FieldNames.Command) is not { } command) return null;
        return CommandSignals.From(e, command, commands.Analyze(command), phases, $"{user}'s shell history");
    }
}
