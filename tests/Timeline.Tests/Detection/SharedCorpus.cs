using Timeline.Tests.Support;

namespace Timeline.Tests.Detection;

/// <summary>
/// The SigmaHQ corpus in the shared data (<c>../shared/data/sigmahq</c>). Falls back to the folder named by
/// <c>TIMELINE_SHARED_DATA</c> for worktrees that do not sit beside <c>shared/</c>; null (test returns early)
/// outside CI when neither exists, and a failure under CI (see <see cref="RepoPaths.SharedData"/>).
/// </summary>
internal static class SharedCorpus
{
    public static string? Find(string relative)
    {
        var env = Environment.GetEnvironmentVariable("TIMELINE_SHARED_DATA");
        if (!string.IsNullOrEmpty(env))
        {
            var candidate = Path.Combine(env, relative);
            if (Directory.Exists(candidate) || File.Exists(candidate)) return candidate;
        }
        return RepoPaths.SharedData(relative);
    }
}
