using System.Diagnostics;
using System.Globalization;
using Timeline.Core.Ingest;
using Timeline.Parsers;

// Usage: Timeline.Bench.Parse PARSER FILE...
// Parse-only speed of one parser (a name from the catalog: linux/journald, linux/audit, web/access …):
// every event of the given files read and built (fields, grammar dispatch) exactly as ingest gets it, nothing
// stored — so the figure is the parser's, not the case store's. One warm-up pass over the first file (JIT),
// then BENCH_PASSES passes (default 3); prints each pass and the best (the machine is shared: the best pass is
// the least disturbed), the CPU time of that pass, bytes allocated per event and peak RSS. The last line is
// machine-readable for the bench scripts: `best_seconds= cpu_seconds= events= warnings=`.
// bench/journal.sh and bench/audit.sh run it next to the reference tool and a full ingest.
if (args.Length < 2)
{
    Console.Error.WriteLine("usage: Timeline.Bench.Parse PARSER FILE...   (PARSER: " + string.Join(", ", ParserCatalog.Default.All.Select(p => p.Name)) + ")");
    return 64;
}
var parser = ParserCatalog.Default.Find(args[0]);
if (parser is null)
{
    Console.Error.WriteLine($"no parser '{args[0]}'; known: " + string.Join(", ", ParserCatalog.Default.All.Select(p => p.Name)));
    return 64;
}
var files = args.Skip(1).Select(Path.GetFullPath).ToList();
var bytes = files.Sum(f => new FileInfo(f).Length);
var passes = int.TryParse(Environment.GetEnvironmentVariable("BENCH_PASSES"), CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 3;
Console.WriteLine($"{parser.Name}: {files.Count} file(s), {bytes / 1048576.0:F1} MB; {Environment.ProcessorCount} cores; {passes} passes after a warm-up");

Parse(files[0]);
double best = double.MaxValue, bestCpu = 0, allocated = 0;
long events = 0, warnings = 0;
var clock = new Stopwatch();
for (var pass = 0; pass < passes; pass++)
{
    var before = GC.GetTotalAllocatedBytes(precise: true);
    var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
    clock.Restart();
    (events, warnings) = (0, 0);
    foreach (var file in files)
    {
        var (e, w) = Parse(file);
        events += e;
        warnings += w;
    }
    clock.Stop();
    var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
    Console.WriteLine($"  pass {pass + 1}: {clock.Elapsed.TotalSeconds:F3} s, CPU {cpu:F3} s, {events / clock.Elapsed.TotalSeconds:N0} events/s");
    if (clock.Elapsed.TotalSeconds < best)
    {
        (best, bestCpu) = (clock.Elapsed.TotalSeconds, cpu);
        allocated = (GC.GetTotalAllocatedBytes(precise: true) - before) / (double)Math.Max(1, events);
    }
}
using var self = Process.GetCurrentProcess();
self.Refresh();
Console.WriteLine($"timeline {parser.Name} (parse only): {events:N0} events, {warnings} warnings in {best:F3} s = {events / best:N0} events/s ({bytes / 1048576.0 / best:F1} MB/s); CPU {bestCpu:F3} s; {allocated:F0} B allocated/event; peak RSS {self.PeakWorkingSet64 / 1048576.0:F0} MB");
Console.WriteLine(FormattableString.Invariant($"best_seconds={best:F3} cpu_seconds={bestCpu:F3} events={events} warnings={warnings}"));
return 0;

(long Events, long Warnings) Parse(string file)
{
    long warned = 0;
    var context = new ParseContext(file, "bench", _ => warned++) { DefaultHost = "bench" };
    long count = 0;
    foreach (var _ in parser.Parse(EvidenceOpener.Open(file), context)) count++;
    return (count, warned);
}
