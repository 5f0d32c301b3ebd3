using Timeline.Core.Vocabulary;
using Timeline.Core.Events;
using Timeline.Core.Ingest;

namespace Timeline.Parsers.Linux.Persistence.SystemdUnit;

/// <summary>
/// systemd unit files from a triage copy (a miner's <c>/etc/systemd/system/*.service</c>): one
/// <c>systemd_exec</c> event per command the unit runs (<c>ExecStart=</c> and its siblings), carrying
/// the unit's <c>Description=</c>, <c>User=</c> and <c>WantedBy=</c> so each event reads on its own.
/// Those directives may follow the commands ([Install] comes last), so a first pass collects them.
/// Timed by the file's mtime.
/// </summary>
public sealed class SystemdUnitParser : ILogParser
{
    public const string ParserName = ParserNames.SystemdUnit;

    private const int Sure = 95;

    private static readonly HashSet<string> ExecDirectives = new(StringComparer.Ordinal)
    {
        "ExecStart", "ExecStartPre", "ExecStartPost", "ExecStop", "ExecStopPost", "ExecReload", "ExecCondition",
    };

    public string Name => ParserName;

    public int Sniff(SniffSample sample)
    {
        if (sample.LooksBinary) return 0;
        bool header = false;
        int lines = 0, known = 0, assignments = 0;
        foreach (var raw in sample.Lines)
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] is '#' or ';') continue;
            lines++;
            if (line is "[Unit]" or "[Service]") header = true;
            if (line[0] == '[' && line[^1] == ']') known++;
            else if (line.IndexOf('=') > 0 || line.EndsWith('\\')) { known++; assignments++; }
        }
        return header && assignments > 0 && known * 100 >= lines * 80 ? Sure : 0;
    }

    public IEnumerable<EventRecord> Parse(EvidenceSource source, ParseContext context)
    {
        var summary = Summarize(source, context);
        var unit = UnitName.Of(source.HostPath);
        using var stream = source.OpenContent();
        foreach (var directive in UnitFileReader.Read(TextLineReader.Read(stream, context), context))
        {
            if (!ExecDirectives.Contains(directive.Key)) continue;
            var fields = new FieldSet(10)
                .Set(FieldNames.Event, PersistenceEvents.SystemdExec)
                .Set(FieldNames.Unit, unit)
                .Set("section", directive.Section)
                .Set("directive", directive.Key)
                .Set(FieldNames.Command, directive.Value)
                .Set("description", summary.Description)
                .Set(FieldNames.User, summary.User)
                .Set("wanted_by", summary.WantedBy)
                .Set(FieldNames.Path, source.HostPath);
            yield return FileMtimeEvent.Create(ParserName, source, context, directive.Line, directive.Text, fields);
        }
    }

    private static (string? Description, string? User, string? WantedBy) Summarize(EvidenceSource source, ParseContext context)
    {
        var silent = new ParseContext(context.File, context.Sha256) { Cancellation = context.Cancellation };
        string? description = null, user = null;
        var wantedBy = new List<string>();
        using var stream = source.OpenContent();
        foreach (var directive in UnitFileReader.Read(TextLineReader.Read(stream, silent), silent))
        {
            switch (directive.Key)
            {
                case "Description": description = directive.Value; break;
                case "User": user = directive.Value; break;
                // WantedBy= takes a list and may repeat; an empty assignment resets it.
                case "WantedBy" when directive.Value.Length == 0: wantedBy.Clear(); break;
                case "WantedBy": wantedBy.AddRange(directive.Value.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries)); break;
            }
        }
        return (description, user, wantedBy.Count == 0 ? null : string.Join(' ', wantedBy));
    }
}
