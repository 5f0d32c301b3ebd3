using Xunit;

namespace Timeline.Tests.Support;

/// <summary>
/// A fact over the shared data set (<c>../shared/data</c>, see <see cref="RepoPaths.SharedDataRoot"/>).
/// When the named folder is missing the test is reported as <b>skipped</b> with the reason (the runner's
/// summary counts it) instead of passing silently; under CI it is never skipped, so it fails on the
/// missing data (<see cref="RepoPaths.SharedData"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SharedDataFactAttribute : FactAttribute
{
    public SharedDataFactAttribute(string relative) => Skip = SharedDataSkip.Reason(relative);
}

/// <summary>The theory form of <see cref="SharedDataFactAttribute"/>.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SharedDataTheoryAttribute : TheoryAttribute
{
    public SharedDataTheoryAttribute(string relative) => Skip = SharedDataSkip.Reason(relative);
}

/// <summary>Why a shared-data test is skipped (null: it runs).</summary>
public static class SharedDataSkip
{
    public static string? Reason(string relative)
    {
        if (ContinuousIntegration.IsOn) return null;
        var path = Path.GetFullPath(Path.Combine(RepoPaths.SharedDataRoot, relative));
        return Directory.Exists(path) || File.Exists(path) ? null : $"shared test data missing: {path} (set TIMELINE_SHARED_DATA or put shared/ beside the checkout)";
    }
}
