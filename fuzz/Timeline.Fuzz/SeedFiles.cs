namespace Timeline.Fuzz;

/// <summary>
/// Seed inputs from the repository: every file under the given folders (or the given files), minus
/// what describes a sample rather than being one (goldens, warnings, context, READMEs).
/// </summary>
public static class SeedFiles
{
    private static readonly string[] NotSamples = [".events.jsonl", ".warnings.jsonl", ".context.json", "README.md", "expected-chain.json"];

    public static IEnumerable<byte[]> Under(string root, params string[] paths) =>
        Paths(root, paths).Select(File.ReadAllBytes);

    public static IEnumerable<string> Paths(string root, params string[] paths)
    {
        foreach (var relative in paths)
        {
            var full = Path.Combine(root, relative);
            if (File.Exists(full))
            {
                yield return full;
                continue;
            }
            if (!Directory.Exists(full)) throw new DirectoryNotFoundException("seed folder missing: " + full);
            foreach (var file in Directory.EnumerateFiles(full, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                if (!NotSamples.Any(suffix => file.EndsWith(suffix, StringComparison.Ordinal))) yield return file;
        }
    }

    /// <summary>One seed per line of a text file; blank lines and <c>#</c> comments are skipped.</summary>
    public static IEnumerable<byte[]> Lines(string root, string file) =>
        File.ReadLines(Path.Combine(root, file))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(System.Text.Encoding.UTF8.GetBytes);
}
