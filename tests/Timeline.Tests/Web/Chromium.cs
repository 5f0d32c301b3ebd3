namespace Timeline.Tests.Web;

/// <summary>
/// Finds headless Chromium and its chromedriver (Debian packages <c>chromium</c>,
/// <c>chromium-driver</c>). Locally a missing browser skips the browser test; under <c>CI=true</c>
/// it fails, so CI cannot pass without running it.
/// </summary>
public static class Chromium
{
    public static (string Browser, string Driver)? Find()
    {
        var browser = Which("chromium", "chromium-browser", "google-chrome");
        var driver = Which("chromedriver");
        if (browser is not null && driver is not null) return (browser, driver);
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException("Chromium or chromedriver missing in CI: apt-get install -y --no-install-recommends chromium chromium-driver fonts-dejavu-core");
        return null;
    }

    private static string? Which(params string[] names)
    {
        var dirs = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries);
        foreach (var name in names)
            foreach (var dir in dirs)
            {
                var path = Path.Combine(dir, name);
                if (File.Exists(path)) return path;
            }
        return null;
    }
}
