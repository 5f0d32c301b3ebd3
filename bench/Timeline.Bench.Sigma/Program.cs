using System.Diagnostics;
using Timeline.Bench.Sigma;
using Timeline.Detection.Sigma;
using Timeline.Detection.Sigma.Mappings;

// Usage: Timeline.Bench.Sigma [RULE_DIR...] [--events N] [--mappings DIR]
// Default rules: ../shared/data/sigmahq/{rules,rules-emerging-threats,rules-threat-hunting} plus sigma/rules.
var root = FindRoot();
var count = 1_000_000;
var mappingsDir = Path.Combine(root, "sigma", "mappings");
var dirs = new List<string>();
for (var i = 0; i < args.Length; i++)
{
    if (args[i] == "--events") count = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture);
    else if (args[i] == "--mappings") mappingsDir = args[++i];
    else dirs.Add(args[i]);
}
if (dirs.Count == 0)
{
    var shared = Path.GetFullPath(Path.Combine(root, "..", "shared", "data", "sigmahq"));
    dirs.AddRange(new[] { "rules", "rules-emerging-threats", "rules-threat-hunting" }.Select(d => Path.Combine(shared, d)).Where(Directory.Exists));
    dirs.Add(Path.Combine(root, "sigma", "rules"));
}

var watch = Stopwatch.StartNew();
var rules = RuleLoader.Load(dirs);
var loadTime = watch.Elapsed;
Console.WriteLine($"rules: {rules.Rules.Count} detection, {rules.Correlations.Count} correlations from {rules.FilesTotal} files ({rules.FilesFailed} failed) in {loadTime.TotalSeconds:F2} s");

var events = SyntheticEvents.Make(count);
var engine = new RuleEngine(rules, SourceMappings.Load(mappingsDir));
foreach (var parser in events.Select(e => e.Parser).Distinct().Order())
{
    Console.WriteLine($"  {parser}: {engine.RuleCountFor(parser)} applicable rules");
    foreach (var (source, n, open) in engine.PrefilterCoverage(parser).Where(c => c.Rules >= 20 || c.WithoutNeedles >= 5))
        Console.WriteLine($"    {source}: {n} rules, {open} without literal needles");
}

// Warm-up on a slice (JIT, lazy regex construction, per-parser plans), then the timed run.
_ = engine.Evaluate(events.Take(20_000)).Count();
watch.Restart();
var matches = engine.Evaluate(events).Count();
var elapsed = watch.Elapsed;
Console.WriteLine($"events: {count:N0}, matches: {matches:N0}, time: {elapsed.TotalSeconds:F2} s, throughput: {count / elapsed.TotalSeconds:N0} events/s (single thread)");
Console.WriteLine($"regex timeouts: {engine.Diagnostics.RegexTimeouts}");

static string FindRoot()
{
    var dir = new DirectoryInfo(AppContext.BaseDirectory);
    while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Timeline.sln"))) dir = dir.Parent;
    return dir?.FullName ?? Directory.GetCurrentDirectory();
}
