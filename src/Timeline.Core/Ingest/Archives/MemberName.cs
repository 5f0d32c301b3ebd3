using System.Text;

namespace Timeline.Core.Ingest.Archives;

/// <summary>
/// A member name as the archive states it, made safe to show and to map: the attacker chose it.
/// Nothing is ever written under a member name (members are streamed, spooled under a counter), so
/// <c>..</c>, absolute paths and NUL are naming problems, warned and neutralised here: the display
/// keeps the name (NUL shown as <c>\x00</c>, very deep names shortened), the segments used for the
/// server path drop <c>.</c>, <c>..</c> and empty levels.
/// </summary>
public sealed record MemberName(string Display, IReadOnlyList<string> Segments, IReadOnlyList<string> Problems)
{
    private const int KeptLevelsEachSide = 8;

    public static MemberName Of(string raw, int maxLevels)
    {
        var problems = new List<string>();
        var name = raw;
        if (name.Contains('\0'))
        {
            problems.Add("contains NUL bytes");
            name = name.Replace("\0", "\\x00", StringComparison.Ordinal);
        }
        if (name.StartsWith('/')) problems.Add("is an absolute path");
        var parts = name.Split('/');
        if (parts.Any(p => p == "..")) problems.Add("has '..' levels (would escape the archive's folder if unpacked)");
        var segments = parts.Where(p => p.Length > 0 && p != "." && p != "..").ToList();
        var display = string.Join('/', parts.SkipWhile(p => p.Length == 0 || p == "."));
        if (parts.Length > maxLevels)
        {
            problems.Add($"has {parts.Length:N0} path levels (more than {maxLevels}); shown shortened");
            var sb = new StringBuilder();
            sb.AppendJoin('/', parts.Take(KeptLevelsEachSide)).Append($"/…({parts.Length - 2 * KeptLevelsEachSide:N0} levels)…/").AppendJoin('/', parts.TakeLast(KeptLevelsEachSide));
            display = sb.ToString();
            segments = segments.Take(KeptLevelsEachSide).Concat(segments.TakeLast(KeptLevelsEachSide)).ToList();
        }
        if (display.Length == 0) display = "(empty name)";
        return new MemberName(display, segments, problems);
    }
}
