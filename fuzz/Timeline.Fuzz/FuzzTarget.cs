namespace Timeline.Fuzz;

/// <summary>
/// One thing afl-fuzz feeds bytes to. <see cref="Run"/> must throw only for a bug: inputs the code
/// documents as refusable (a query syntax error) are caught inside it, everything else escapes and
/// afl records the input as a crash.
/// </summary>
/// <param name="Name">The name given to <c>fuzz/run.sh</c> and to the harness on its command line.</param>
/// <param name="Description">What the target covers, for <c>fuzz/run.sh list</c>.</param>
/// <param name="Seeds">The seed corpus, from the repository root: our samples, rules and documented queries.</param>
/// <param name="Run">Feeds one input.</param>
public sealed record FuzzTarget(string Name, string Description, Func<string, IEnumerable<byte[]>> Seeds, Action<byte[]> Run);
