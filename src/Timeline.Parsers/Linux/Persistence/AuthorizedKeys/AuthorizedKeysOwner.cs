using System.Text.RegularExpressions;

namespace Timeline.Parsers.Linux.Persistence.AuthorizedKeys;

/// <summary>
/// Whose keys a file holds, from its path (trees and flattened triage names, see <see cref="TriagePath"/>):
/// <code>
/// /root/.ssh/authorized_keys                    root
/// evidence/home/ubuntu/.ssh/authorized_keys2    ubuntu
/// home-ubuntu-.ssh-authorized_keys              ubuntu (flattened copy)
/// ubuntu.authorized_keys                        collector short form: &lt;user&gt;.authorized_keys
/// </code>
/// Other homes (<c>/var/lib/redis/.ssh/authorized_keys</c>) give no user: the account is not in the path.
/// </summary>
public static partial class AuthorizedKeysOwner
{
    public static string? User(string path) => TriagePath.UserFrom(path, RootHome(), UserHome(), ShortForm());

    /// <summary>True when the file name is <c>authorized_keys</c> or <c>authorized_keys2</c> (possibly flattened).</summary>
    public static bool IsKeysName(string path) => TriagePath.FileName(path).EndsWith("authorized_keys", StringComparison.Ordinal)
        || TriagePath.FileName(path).EndsWith("authorized_keys2", StringComparison.Ordinal);

    [GeneratedRegex(@"(?:^|/|%2[Ff]|[-_])root" + TriagePath.Separator + @"\.ssh" + TriagePath.Separator + "authorized_keys2?$", RegexOptions.CultureInvariant)]
    private static partial Regex RootHome();

    [GeneratedRegex(@"(?:^|/|%2[Ff]|[-_])(?:home|Users)" + TriagePath.Separator + "(?<user>[^/]+?)" + TriagePath.Separator + @"\.ssh" + TriagePath.Separator + "authorized_keys2?$", RegexOptions.CultureInvariant)]
    private static partial Regex UserHome();

    [GeneratedRegex(@"^(?<user>[^/.][^/]*?)\.authorized_keys2?$", RegexOptions.CultureInvariant)]
    private static partial Regex ShortForm();
}
