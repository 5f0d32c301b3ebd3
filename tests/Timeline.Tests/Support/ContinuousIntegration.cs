namespace Timeline.Tests.Support;

/// <summary>
/// What changes when the suite runs under CI (<c>CI=true</c>, set by <c>.ci/run</c>): a missing tool or
/// data set fails instead of skipping, and the switches that rewrite expected files refuse to run, so a
/// green CI run always compared against committed files with every reference tool present.
/// Each check takes the environment as a lookup so its own tests need not change the process's.
/// </summary>
public static class ContinuousIntegration
{
    private static readonly Func<string, string?> Process = Environment.GetEnvironmentVariable;

    public static bool IsOn => IsOnIn(Process);

    public static bool IsOnIn(Func<string, string?> environment) =>
        string.Equals(environment("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// <paramref name="toolPath"/> when it exists; null outside CI (the caller skips); under CI a failure
    /// that names the Debian package to install.
    /// </summary>
    public static string? RequireTool(string? toolPath, string package) => RequireTool(toolPath, package, Process);

    public static string? RequireTool(string? toolPath, string package, Func<string, string?> environment)
    {
        if (toolPath is not null && File.Exists(toolPath)) return toolPath;
        if (IsOnIn(environment)) throw new InvalidOperationException($"{toolPath ?? "a reference tool"} is missing in CI (apt-get install {package}; .ci/run installs it)");
        return null;
    }

    /// <summary>
    /// True when the update switch <paramref name="variable"/> is set to 1 (rewrite the expected files);
    /// under CI setting it fails the test, because a rewrite makes every comparison pass.
    /// </summary>
    public static bool UpdateSwitch(string variable) => UpdateSwitch(variable, Process);

    public static bool UpdateSwitch(string variable, Func<string, string?> environment)
    {
        if (environment(variable) != "1") return false;
        if (IsOnIn(environment)) throw new InvalidOperationException($"{variable}=1 rewrites expected files; it is refused under CI=true");
        return true;
    }
}
