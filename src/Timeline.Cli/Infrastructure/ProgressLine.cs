using System.Diagnostics;
using System.Globalization;
using Timeline.Core.Ingest;

namespace Timeline.Cli.Infrastructure;

/// <summary>
/// A one-line progress display on stderr, redrawn at most 5 times a second, only when stderr is a
/// terminal (never in pipes, files or CI logs). Inside an archive it counts members and shows how
/// much of the archive file has been read (<see cref="ArchiveReadProgress"/>): a 1 GB triage archive
/// is one path argument, and a count of files would stand at 1/1 for its whole ingest.
/// </summary>
public sealed class ProgressLine : IDisposable
{
    private const int NameWidth = 40;
    private readonly bool _enabled = !Console.IsErrorRedirected;
    private readonly Stopwatch _since = Stopwatch.StartNew();
    private long _lastDraw = -1000;
    private int _width;

    public void Report(IngestProgress p)
    {
        if (!_enabled || _since.ElapsedMilliseconds - _lastDraw < 200) return;
        _lastDraw = _since.ElapsedMilliseconds;
        var text = Render(p);
        _width = Math.Max(_width, text.Length);
        Console.Error.Write("\r" + text.PadRight(_width));
    }

    /// <summary>
    /// The line for one progress report. A file: <c>[3/12] auth.log  1,234 events  0 warnings  5,000 events/s</c>.
    /// An archive member: <c>[member 40/2,310] x.tar.gz › auth.log  37% of 1.1 GiB read  1,234 events  0 warnings</c>.
    /// Names are the evidence's (attacker-chosen member names): made terminal-safe and cut.
    /// </summary>
    public static string Render(IngestProgress p)
    {
        var rate = p.Elapsed.TotalSeconds > 0.5 ? $"  {(p.Events / p.Elapsed.TotalSeconds).ToString("N0", CultureInfo.InvariantCulture)} events/s" : "";
        var counts = $"{p.Events.ToString("N0", CultureInfo.InvariantCulture)} events  {p.Warnings.ToString("N0", CultureInfo.InvariantCulture)} warnings{rate}";
        if (p.Archive is { } a)
        {
            var member = p.File.Contains("!/", StringComparison.Ordinal) ? p.File[(p.File.LastIndexOf("!/", StringComparison.Ordinal) + 2)..] : p.File;
            var archive = Output.TerminalText.Cut(Path.GetFileName(a.Archive), NameWidth / 2);
            var name = Output.TerminalText.Cut(Path.GetFileName(member.TrimEnd('/')), NameWidth);
            return $"[member {N(p.FileIndex)}/{N(p.FileCount)}] {archive} › {name}  {a.Percent}% of {Size(a.Bytes)} read  {counts}";
        }
        return $"[{N(p.FileIndex)}/{N(p.FileCount)}] {Output.TerminalText.Cut(Path.GetFileName(p.File), NameWidth)}  {counts}";
    }

    private static string N(long n) => n.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>Binary units, one decimal above KiB.</summary>
    private static string Size(long bytes)
    {
        string[] units = ["B", "KiB", "MiB", "GiB", "TiB"];
        double value = bytes;
        var unit = 0;
        while (value >= 1024 && unit < units.Length - 1)
        {
            value /= 1024;
            unit++;
        }
        return unit == 0 ? $"{bytes} B" : value.ToString("0.0", CultureInfo.InvariantCulture) + " " + units[unit];
    }

    public void Dispose()
    {
        if (_enabled && _width > 0) Console.Error.Write("\r" + new string(' ', _width) + "\r");
    }
}
