using Timeline.Core.Vocabulary;
using Timeline.Core.Events;
using Timeline.Core.Ingest;

namespace Timeline.Parsers.Linux.Persistence.LdPreload;

/// <summary>
/// <c>/etc/ld.so.preload</c>: shared objects the dynamic loader maps into every process, the
/// usual hiding place of a miner's userland rootkit (libprocesshider and kin):
/// <code>
/// /usr/local/lib/libprocesshider.so
/// /usr/local/lib/pkit.so:/usr/local/lib/fkit.so
/// </code>
/// ld.so splits the file on spaces, tabs, colons and newlines. One <c>ld_preload_entry</c> event per
/// line (events are keyed by line), whose <c>library</c> field lists the line's objects separated by
/// a space; timed by the file's mtime. A file normally holds nothing else, so content identifies it;
/// the name <c>ld.so.preload</c> adds confidence.
/// </summary>
public sealed class LdPreloadParser : ILogParser
{
    public const string ParserName = ParserNames.LdPreload;

    private const int ByContent = 80;
    private const int NameBonus = 10;
    private static readonly char[] Separators = [' ', '\t', ':'];

    public string Name => ParserName;

    public int Sniff(SniffSample sample)
    {
        if (sample.LooksBinary) return 0;
        var objects = 0;
        foreach (var line in sample.Lines)
        {
            if (IsComment(line)) continue;
            foreach (var library in Libraries(line))
            {
                if (!IsSharedObjectPath(library)) return 0;
                objects++;
            }
        }
        if (objects == 0) return 0;
        return ByContent + (sample.FileName.EndsWith("ld.so.preload", StringComparison.Ordinal) ? NameBonus : 0);
    }

    public IEnumerable<EventRecord> Parse(EvidenceSource source, ParseContext context)
    {
        using var stream = source.OpenContent();
        foreach (var line in TextLineReader.Read(stream, context))
        {
            var libraries = Libraries(line.Text);
            if (libraries.Length == 0) continue;
            foreach (var odd in libraries.Where(l => !l.StartsWith('/')))
                context.Warn(line.Number, $"'{odd}' is not an absolute path; ld.so searches the library path for it", line.Text);
            var fields = new FieldSet(3)
                .Set(FieldNames.Event, PersistenceEvents.LdPreloadEntry)
                .Set(FieldNames.Library, string.Join(' ', libraries))
                .Set(FieldNames.Path, source.HostPath);
            yield return FileMtimeEvent.Create(ParserName, source, context, line.Number, line.Text, fields);
        }
    }

    private static string[] Libraries(string line) => line.Split(Separators, StringSplitOptions.RemoveEmptyEntries);

    // An absolute path to a shared object: /lib/x.so, /usr/lib64/libfoo.so.1.2
    private static bool IsSharedObjectPath(string text) =>
        text.Length > 4 && text[0] == '/' && (text.EndsWith(".so", StringComparison.Ordinal) || text.Contains(".so.", StringComparison.Ordinal));

    // Sniffing tolerates '#' notes an analyst may add to a copy; ld.so itself knows no comments, so
    // when parsing such a line is an entry (with a warning: it is not an absolute path).
    private static bool IsComment(string line) => line.AsSpan().TrimStart().StartsWith("#");
}
