using Timeline.Core.Vocabulary;
using Timeline.Core.Events;
using Timeline.Core.Findings;

namespace Timeline.Detection.Chain;

/// <summary>
/// Runs the analytic of each event's source, then folds in the event's rule matches: a rule adds its
/// id to the analytic's signal (and can make it strong), and an event only a rule flagged becomes a
/// signal whose phase comes from the rule's ATT&amp;CK tags (<see cref="PhaseMap"/>).
/// </summary>
public sealed class EventAnalytics
{
    private readonly IEventAnalytic[] _analytics;
    private readonly PhaseMap _phases;
    private readonly LiveStateAnalytic _live;

    public EventAnalytics(ChainKnowledge knowledge)
    {
        _phases = knowledge.Phases;
        var commands = new CommandAnalytic(knowledge.Indicators, knowledge.Commands);
        _live = new LiveStateAnalytic(knowledge.Indicators, knowledge.Patterns, knowledge.Techniques.Of([AnalyticKinds.LiveMiner]));
        _analytics =
        [
            new LinuxAuthAnalytic(commands, knowledge.Phases),
            new HistoryAnalytic(commands, knowledge.Phases),
            new CronAnalytic(commands, knowledge.Phases, knowledge.Indicators, knowledge.Patterns),
            new PersistenceFileAnalytic(commands, knowledge.Phases, knowledge.Indicators, knowledge.Patterns),
            new SyslogAnalytic(knowledge.Indicators, knowledge.Patterns),
            new WindowsAnalytic(commands, knowledge.Phases, knowledge.Indicators, knowledge.Patterns),
            new LoginRecordAnalytic(),
            new AuditAnalytic(commands, knowledge.Phases, knowledge.Patterns),
            _live,
        ];
    }

    /// <summary>
    /// Once every event has streamed past: judges what needs the whole pass — wtmp logons sshd did not tell,
    /// history lines the audit log told better, then the live state and <c>last</c> logons (which then do not repeat the wtmp ones).
    /// </summary>
    public void Complete(HostEvidence host)
    {
        LoginRecordAnalytic.Complete(host);
        AuditAnalytic.Complete(host);
        host.LiveSuspects = _live.Complete(host);
    }

    public void Observe(EventRecord e, HostEvidence host, IReadOnlyList<RuleMatch>? matches)
    {
        host.Saw(e);
        Signal? signal = null;
        foreach (var analytic in _analytics)
        {
            if (!analytic.Handles(e.Parser)) continue;
            signal = analytic.Observe(e, host);
            break;
        }
        if (signal is not null && !signal.Kept && signal.Kind is not AnalyticKinds.CronEntry and not AnalyticKinds.SshKey) signal = host.Add(signal);
        if (matches is not { Count: > 0 }) return;
        // A live row's process is judged after the pass (LiveMinerFinder): its rules join that judgement
        // instead of making a step of their own at the collection time.
        if (_live.Handles(e.Parser) && e.Fields.Get(FieldNames.Event) is LiveStateEvents.Process or LiveStateEvents.Connection or LiveStateEvents.OpenFile)
        {
            host.Live.Matched(e.Id, matches);
            return;
        }

        // A rule on a logon belongs to the logon (the entry point), not to a separate step.
        if (host.LastLogin is { } login && login.EventId == e.Id && signal is null)
        {
            foreach (var m in matches) if (!login.RuleIds.Contains(m.RuleId)) login.RuleIds.Add(m.RuleId);
            return;
        }
        // Failed logons are counted per source by the analytics; a rule on each of them adds no step.
        if (signal is null && e.Fields.Get(FieldNames.Event) is AuthEvents.SshFailed or AuthEvents.SshInvalidUser or AuthEvents.PamAuthFailure or AuthEvents.SshConnectionClosed or WindowsEvents.LogonFailed) return;
        var severe = matches.Any(m => m.Level is RuleLevels.High or RuleLevels.Critical);
        if (signal is null)
        {
            var phase = _phases.PhaseOf(matches.SelectMany(m => m.Tags)) ?? AttackPhase.Execution;
            var text = e.Fields.Get(FieldNames.Command) ?? e.Message;
            signal = host.Add(Signal.From(e, text, phase, AnalyticKinds.Rule, matches[0].Title + ": " + CommandSignals.Excerpt(text),
                "matched " + string.Join(", ", matches.Select(m => $"'{m.Title}' ({m.Level})")), severe ? 0.8 : matches.Any(m => m.Level == "medium") ? 0.6 : 0.4, severe),
                $"rule|{string.Join(",", matches.Select(m => m.RuleId))}|{text}");
        }
        else
        {
            if (severe && !signal.Strong) signal.Strong = true;
            signal.Confidence = Math.Min(0.99, signal.Confidence + 0.05);
        }
        foreach (var m in matches)
        {
            if (!signal.RuleIds.Contains(m.RuleId)) signal.RuleIds.Add(m.RuleId);
            if (!signal.RuleTitles.Contains(m.Title)) signal.RuleTitles.Add(m.Title);
        }
    }
}
