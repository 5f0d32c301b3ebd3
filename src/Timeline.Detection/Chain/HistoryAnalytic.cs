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
        host.SawHistory(user, e.Origin.File, e.TimeQuality == TimeQuality.Exact ? e.Ticks : null);
        if (e.Fields.Get(FieldNames.Command) is not { } command) return null;
        return CommandSignals.From(e, command, commands.Analyze(command), phases, $"{user}'s shell history");
    }
}
