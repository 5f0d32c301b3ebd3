using System.Text.RegularExpressions;
using Timeline.Parsers.Linux.Persistence;

namespace Timeline.Parsers.Linux.BashHistory;

/// <summary>
/// Whose history a file is, and of which shell, read from its path. A history file names neither;
/// its location does. Accepted shapes (trees and flattened triage names, see <see cref="TriagePath"/>):
/// <code>
/// /root/.bash_history                        root, bash
/// evidence/home/alice/.zsh_history           alice, zsh
/// home-alice-.bash_history                   alice, bash (flattened copy)
/// %2Fhome%2Fbob%2F.ash_history               bob, ash (URL-encoded copy)
/// Users/carol/.zsh_history                   carol, zsh
/// root.bash_history, alice.sh_history        collector short form: &lt;user&gt;.&lt;shell&gt;_history
/// </code>
/// Any other path gives no user (absent, not guessed).
/// </summary>
public static partial class HistoryOwner
{
    private const string Shells = "(?<shell>bash|zsh|sh|ash|ksh|mksh)";

    public static string? User(string path) => TriagePath.UserFrom(path, RootHome(), UserHome(), ShortForm());

    /// <summary>The shell that writes a history file of this name (<c>.zsh_history</c> → zsh), or null.</summary>
    public static string? Shell(string path)
    {
        var name = TriagePath.FileName(path);
        if (name.EndsWith(".zhistory", StringComparison.Ordinal)) return "zsh";
        return HistoryName().Match(name) is { Success: true } m ? m.Groups["shell"].Value : null;
    }

    /// <summary>True when the file name ends the way history files do (<c>_history</c>, <c>.zhistory</c>).</summary>
    public static bool IsHistoryName(string path) => Shell(path) is not null;

    [GeneratedRegex(@"(?:^|/|%2[Ff]|[-_])root" + TriagePath.Separator + @"\." + Shells + "_history$", RegexOptions.CultureInvariant)]
    private static partial Regex RootHome();

    [GeneratedRegex(@"(?:^|/|%2[Ff]|[-_])(?:home|Users)" + TriagePath.Separator + "(?<user>[^/]+?)" + TriagePath.Separator + @"\." + Shells + "_history$", RegexOptions.CultureInvariant)]
    private static partial Regex UserHome();

    [GeneratedRegex(@"^(?<user>[^/.][^/]*?)\." + Shells + "_history$", RegexOptions.CultureInvariant)]
    private static partial Regex ShortForm();

    [GeneratedRegex(@"(?:^|[._])" + Shells + "_history$", RegexOptions.CultureInvariant)]
    private static partial Regex HistoryName();
}
