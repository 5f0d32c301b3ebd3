using SharpFuzz;
using Timeline.Fuzz;

// Usage: Timeline.Fuzz list | Timeline.Fuzz corpus TARGET REPO_ROOT OUT_DIR | Timeline.Fuzz TARGET
// Under afl-fuzz (__AFL_SHM_ID set) the target runs in SharpFuzz's fork-server loop, reading each
// input from stdin; without afl it reads stdin once, which reproduces a saved crash:
//   dotnet Timeline.Fuzz.dll syslog < fuzz/findings/syslog/default/crashes/id:000000...
if (args.Length == 1 && args[0] == "list")
{
    foreach (var t in FuzzTargets.All) Console.WriteLine($"{t.Name,-16} {t.Description}");
    return 0;
}
if (args.Length == 4 && args[0] == "corpus" && FuzzTargets.Find(args[1]) is { } seeded)
{
    // Writes the seed corpus afl-fuzz starts from (fuzz/run.sh calls this before instrumenting).
    Directory.CreateDirectory(args[3]);
    var count = 0;
    foreach (var seed in seeded.Seeds(args[2])) File.WriteAllBytes(Path.Combine(args[3], $"seed-{count++:D4}"), seed);
    Console.WriteLine($"{count} seeds for {seeded.Name} in {args[3]}");
    return 0;
}
if (args.Length != 1 || FuzzTargets.Find(args[0]) is not { } target)
{
    Console.Error.WriteLine("usage: Timeline.Fuzz list | corpus TARGET REPO_ROOT OUT_DIR | TARGET   (targets: " + string.Join(", ", FuzzTargets.All.Select(t => t.Name)) + ")");
    return 64;
}
if (Environment.GetEnvironmentVariable("__AFL_SHM_ID") is { Length: > 0 })
{
    Fuzzer.OutOfProcess.Run(stream =>
    {
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        target.Run(buffer.ToArray());
    });
    return 0;
}
using (var input = Console.OpenStandardInput())
using (var buffer = new MemoryStream())
{
    input.CopyTo(buffer);
    target.Run(buffer.ToArray());
}
Console.Error.WriteLine("ok");
return 0;
