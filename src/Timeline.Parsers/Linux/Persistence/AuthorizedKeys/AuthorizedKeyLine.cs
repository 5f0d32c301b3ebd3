using System.Text.RegularExpressions;

namespace Timeline.Parsers.Linux.Persistence.AuthorizedKeys;

/// <summary>
/// One line of an authorized_keys file split into its fields (sshd(8), AUTHORIZED_KEYS FILE FORMAT):
/// <code>
/// ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAA... alice@laptop
/// command="/usr/bin/true",no-pty,from="198.51.100.0/24" ssh-rsa AAAAB3NzaC1yc2E... backup
/// ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQ... mdrfckr
/// </code>
/// Options come first and are comma-separated; double quotes protect spaces inside them. When the
/// first word is a key type there are no options. The comment is the rest of the line, verbatim.
/// <see cref="KeyType"/> is null when no key type could be found.
/// </summary>
public sealed partial record AuthorizedKeyLine(string? Options, string? KeyType, string? Base64, string? Comment)
{
    public static AuthorizedKeyLine Read(string line)
    {
        var rest = line.AsSpan().Trim();
        var first = TakeField(ref rest);
        string? options = null;
        if (!IsKeyType(first))
        {
            options = first;
            first = TakeField(ref rest);
            if (!IsKeyType(first)) return new AuthorizedKeyLine(options, null, null, null);
        }
        var blob = TakeField(ref rest);
        var comment = rest.Trim().ToString();
        return new AuthorizedKeyLine(options, first, blob.Length == 0 ? null : blob, comment.Length == 0 ? null : comment);
    }

    /// <summary>
    /// Key types sshd accepts: <c>ssh-rsa</c>, <c>ssh-dss</c>, <c>ssh-ed25519</c>, <c>ecdsa-sha2-nistp256/384/521</c>,
    /// the FIDO <c>sk-ecdsa-sha2-nistp256@openssh.com</c> / <c>sk-ssh-ed25519@openssh.com</c>, and their <c>-cert-v01@openssh.com</c> forms.
    /// </summary>
    public static bool IsKeyType(string token) => KeyTypeName().IsMatch(token);

    /// <summary>Takes one field; whitespace ends it except inside double quotes (option values).</summary>
    private static string TakeField(ref ReadOnlySpan<char> rest)
    {
        rest = rest.TrimStart(" \t");
        var quoted = false;
        var i = 0;
        for (; i < rest.Length; i++)
        {
            var c = rest[i];
            if (c == '"' && (i == 0 || rest[i - 1] != '\\')) quoted = !quoted;
            else if (!quoted && (c == ' ' || c == '\t')) break;
        }
        var field = rest[..i].ToString();
        rest = rest[i..];
        return field;
    }

    [GeneratedRegex(@"^(?:ssh-(?:rsa|dss|ed25519|ed448)|ecdsa-sha2-nistp(?:256|384|521)|sk-(?:ecdsa-sha2-nistp256|ssh-ed25519))(?:-cert-v01)?(?:@openssh\.com)?$", RegexOptions.CultureInvariant)]
    private static partial Regex KeyTypeName();
}
