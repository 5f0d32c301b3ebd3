using Timeline.Core.Vocabulary;
using Timeline.Core.Events;
using Timeline.Core.Ingest;
using Timeline.Parsers.Linux.Persistence;

namespace Timeline.Parsers.Linux.BashHistory;

/// <summary>
/// Shell history files (bash, and zsh/sh/ash which share the shape): one event per command.
/// Stamped commands are <see cref="TimeQuality.Exact"/>; unstamped ones have no time
/// (<see cref="TimeQuality.OrderOnly"/>) and sort at the latest moment they can have run
/// (<see cref="UnstampedBounds"/>). The position is the command's first line, so file order is
/// kept even when concurrent sessions left the stamps out of order. The user and shell come from
/// the path (<see cref="HistoryOwner"/>); the host is the default host.
/// </summary>
public sealed class BashHistoryParser : ILogParser
{
    public const string ParserName = ParserNames.BashHistory;

    private const int Stamped = 95;
    private const int PlainCeiling = 60;
    private const int PlainFloorPercent = 40;
    private const int NameBonus = 2;

    public string Name => ParserName;

    public int Sniff(SniffSample sample)
    {
        if (sample.LooksBinary) return 0;
        int nonEmpty = 0, stamps = 0, zsh = 0, commands = 0;
        string? first = null;
        foreach (var line in sample.Lines)
        {
            if (line.Length == 0) continue;
            first ??= line;
            nonEmpty++;
            if (HistoryStamp.TryReadBash(line, out _)) stamps++;
            else if (HistoryStamp.TryReadZsh(line, out _, out _, out _)) zsh++;
            else if (ShellCommandShape.LooksLikeCommand(line)) commands++;
        }
        if (nonEmpty == 0) return 0;
        var bonus = HistoryOwner.IsHistoryName(sample.Path) ? NameBonus : 0;
        // "#1709349302" lines alternating with commands: only history files look like this.
        var startsStamped = first is not null && HistoryStamp.TryReadBash(first, out _) && nonEmpty > stamps;
        if (startsStamped || (stamps >= 2 && stamps * 5 >= nonEmpty) || zsh * 2 >= nonEmpty) return Stamped + bonus;
        // Plain history has no grammar: score by how many lines read like typed commands, capped
        // so that any format with a real grammar (syslog, crontab) wins over it.
        var percent = (commands + stamps + zsh) * 100 / nonEmpty;
        return percent < PlainFloorPercent ? 0 : percent * PlainCeiling / 100 + bonus;
    }

    public IEnumerable<EventRecord> Parse(EvidenceSource source, ParseContext context)
    {
        var user = HistoryOwner.User(source.HostPath);
        var shell = HistoryOwner.Shell(source.HostPath);
        var host = context.HostFor(null);
        UnstampedBounds? bounds = null;
        using var stream = source.OpenContent();
        foreach (var command in HistoryReader.Read(TextLineReader.Read(stream, context), context))
        {
            long? sortTicks = command.Ticks;
            if (command.Ticks is null)
            {
                bounds ??= UnstampedBounds.Scan(source, context);
                sortTicks = bounds.For(command.Line);
            }
            var fields = new FieldSet(6)
                .Set("user", user)
                .Set("shell", shell ?? (command.Elapsed is null ? null : "zsh"))
                .Set("command", command.Text)
                .Set("elapsed", command.Elapsed)
                .Set("history_file", source.HostPath);
            yield return new EventRecord
            {
                Ticks = command.Ticks,
                SortTicks = sortTicks,
                TimeQuality = command.Ticks is null ? TimeQuality.OrderOnly : TimeQuality.Exact,
                Host = host,
                Parser = ParserName,
                Message = command.Text,
                Fields = fields,
                Origin = context.OriginAt(command.Line),
            };
        }
    }
}
