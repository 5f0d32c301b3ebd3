using System.Diagnostics;
using Timeline.Core.Ingest;

namespace Timeline.Cli.Infrastructure;

/// <summary>
/// A one-line progress display on stderr, redrawn at most 5 times a second, only when stderr is a
/// terminal (never in pipes, files or CI logs).
/// </summary>
public sealed class ProgressLine : IDisposable
{
    private readonly bool _enabled = !Console.IsErrorRedirected;
    private readonly Stopwatch _since = Stopwatch.StartNew();
    private long _lastDraw = -1000;
    private int _width;

    public void Report(IngestProgress p)
    {
        if (!_enabled || _since.ElapsedMilliseconds - _lastDraw < 200) return;
        _lastDraw = _since.ElapsedMilliseconds;
        var rate = p.Elapsed.TotalSeconds > 0.5 ? $"  {p.Events / p.Elapsed.TotalSeconds:N0} events/s" : "";
        var name = Output.TerminalText.Cut(Path.GetFileName(p.File), 40);
        var text = $"[{p.FileIndex}/{p.FileCount}] {name}  {p.Events:N0} events  {p.Warnings:N0} warnings{rate}";
        _width = Math.Max(_width, text.Length);
        Console.Error.Write("\r" + text.PadRight(_width));
    }

    public void Dispose()
    {
        if (_enabled && _width > 0) Console.Error.Write("\r" + new string(' ', _width) + "\r");
    }
}
