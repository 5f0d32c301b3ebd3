using Timeline.Core.Vocabulary;
using Timeline.Core.Events;
using Timeline.Core.Ingest;

namespace Timeline.Parsers.Linux.Persistence.RcLocal;

/// <summary>
/// <c>/etc/rc.local</c> (also <c>/etc/rc.d/rc.local</c>): a shell script run as root at boot, a
/// classic place for a miner's restart line:
/// <code>
/// #!/bin/sh -e
/// nohup /usr/spirit/spirit >/dev/null 2>&amp;1 &amp;
/// exit 0
/// </code>
/// One <c>rc_local_command</c> event per line that is not blank or a comment, timed by the file's
/// mtime. A shell script has no grammar that proves it is rc.local, so the file must be named
/// <c>rc.local</c> and read like a script (a shebang, or mostly command-shaped lines).
/// </summary>
public sealed class RcLocalParser : ILogParser
{
    public const string ParserName = ParserNames.RcLocal;

    private const int Sure = 90;

    public string Name => ParserName;

    public int Sniff(SniffSample sample)
    {
        if (sample.LooksBinary || !sample.FileName.EndsWith("rc.local", StringComparison.Ordinal)) return 0;
        var first = sample.Lines.FirstOrDefault(l => l.Length > 0);
        if (first is null) return 0;
        if (first.StartsWith("#!", StringComparison.Ordinal) && first.Contains("sh", StringComparison.Ordinal)) return Sure;
        var commands = sample.ScoreLines(l => IsComment(l) || ShellCommandShape.LooksLikeCommand(l) || l.TrimStart().StartsWith("exit", StringComparison.Ordinal));
        return commands >= 60 ? Sure : 0;
    }

    public IEnumerable<EventRecord> Parse(EvidenceSource source, ParseContext context)
    {
        using var stream = source.OpenContent();
        foreach (var line in TextLineReader.Read(stream, context))
        {
            if (IsComment(line.Text) || line.Text.AsSpan().Trim().IsEmpty) continue;
            var fields = new FieldSet(3)
                .Set(FieldNames.Event, PersistenceEvents.RcLocalCommand)
                .Set(FieldNames.Command, line.Text.Trim())
                .Set(FieldNames.Path, source.HostPath);
            yield return FileMtimeEvent.Create(ParserName, source, context, line.Number, line.Text, fields);
        }
    }

    private static bool IsComment(string line) => line.AsSpan().TrimStart().StartsWith("#");
}
