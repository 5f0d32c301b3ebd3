namespace Timeline.Tests.Support;

/// <summary>Resolves paths from the repository root (the folder holding Timeline.sln); never absolute paths.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> RootPath = new(() =>
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Timeline.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Timeline.sln not found above " + AppContext.BaseDirectory);
    });

    public static string Root => RootPath.Value;
    public static string SampleLogs => Path.Combine(Root, "sample-logs");
    public static string Sigma => Path.Combine(Root, "sigma");

    /// <summary>
    /// The shared read-only data set (../shared/data). Under CI (CI=true) a missing folder fails the
    /// test instead of skipping it, so a broken checkout cannot pass silently.
    /// </summary>
    public static string? SharedData(string relative)
    {
        var path = Path.GetFullPath(Path.Combine(SharedDataRoot, relative));
        if (Directory.Exists(path) || File.Exists(path)) return path;
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException($"Shared test data missing in CI: {path}");
        return null;
    }

    /// <summary>
    /// <c>$TIMELINE_SHARED_DATA</c> if set, else the nearest <c>shared/data</c> beside the repository or
    /// beside one of its parents (a git worktree may sit one level deeper than the main checkout).
    /// </summary>
    public static string SharedDataRoot
    {
        get
        {
            if (Environment.GetEnvironmentVariable("TIMELINE_SHARED_DATA") is { Length: > 0 } env) return env;
            for (var dir = new DirectoryInfo(Root).Parent; dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "shared", "data");
                if (Directory.Exists(candidate)) return candidate;
            }
            return Path.Combine(Root, "..", "shared", "data");
        }
    }

    /// <summary>A path relative to the repository root with forward slashes, as goldens record it.</summary>
    public static string Relative(string fullPath) => Path.GetRelativePath(Root, fullPath).Replace('\\', '/');
}
