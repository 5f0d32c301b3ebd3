using System.Text.RegularExpressions;

namespace Timeline.Parsers.Linux.Persistence;

/// <summary>
/// Reads the original location of a file out of the path a triage copy gives it. Collectors keep
/// the tree (<c>evidence/home/alice/.ssh/authorized_keys</c>) or flatten it into one file name
/// (<c>home-alice-.ssh-authorized_keys</c>, <c>home_alice_.ssh_authorized_keys</c>, or URL-encoded
/// <c>%2Fhome%2Falice%2F.ssh%2Fauthorized_keys</c>). <see cref="Separator"/> accepts all of them
/// between the known parts of a path; the conventions are listed in this folder's README.md.
/// </summary>
public static partial class TriagePath
{
    /// <summary>A path separator as a regex: <c>/</c>, a URL-encoded <c>%2F</c>, or a flattening <c>-</c> / <c>_</c>.</summary>
    public const string Separator = "(?:/|%2[Ff]|[-_])";

    /// <summary>Backslashes become slashes so Windows-collected copies read like the original.</summary>
    public static string Normalize(string path) => path.Replace('\\', '/');

    /// <summary>
    /// The account a per-user file belongs to, from its path: <paramref name="rootHome"/> matches
    /// root's home, <paramref name="userHome"/> captures <c>user</c> from <c>home/&lt;user&gt;/…</c>,
    /// <paramref name="shortForm"/> captures <c>user</c> from a collector's short file name. Null when
    /// the path does not say (absent, not guessed).
    /// </summary>
    public static string? UserFrom(string path, System.Text.RegularExpressions.Regex rootHome, System.Text.RegularExpressions.Regex userHome, System.Text.RegularExpressions.Regex shortForm)
    {
        var normalized = Normalize(path);
        if (rootHome.IsMatch(normalized)) return "root";
        if (userHome.Match(normalized) is { Success: true } home) return home.Groups["user"].Value;
        if (shortForm.Match(FileName(normalized)) is { Success: true } named && IsUserName(named.Groups["user"].Value))
            return named.Groups["user"].Value;
        return null;
    }

    /// <summary>The last path component, with URL-encoded slashes decoded first.</summary>
    public static string FileName(string path)
    {
        var normalized = Normalize(path).Replace("%2F", "/", StringComparison.OrdinalIgnoreCase);
        var slash = normalized.LastIndexOf('/');
        return slash < 0 ? normalized : normalized[(slash + 1)..];
    }

    /// <summary>
    /// True for a plausible Unix account name as useradd accepts it (<c>root</c>, <c>www-data</c>,
    /// <c>svc_backup</c>, Samba machine accounts ending in <c>$</c>): at most 32 characters.
    /// </summary>
    public static bool IsUserName(string text) => text.Length <= 32 && UserName().IsMatch(text);

    [GeneratedRegex(@"^[a-z_][a-z0-9_.-]*\$?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UserName();
}
