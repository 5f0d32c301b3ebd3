using System.Text.RegularExpressions;

namespace Timeline.Detection.Chain;

/// <summary>
/// An outbound <c>ssh</c>/<c>scp</c>/<c>sshpass</c> destination named in a command:
/// <c>ssh -i /root/.ssh/id_rsa root@10.0.0.12</c> gives user <c>root</c>, host <c>10.0.0.12</c>, key file.
/// </summary>
public sealed record SshTarget(string? User, string Host, string? KeyFile, string Tool)
{
    private static readonly Regex Invocation = new(@"(?:^|[\s;&|(`])(?<tool>ssh|scp|sshpass|rsync)\s(?<args>[^;&|`)]*)", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);

    public static IReadOnlyList<SshTarget> AllIn(string command)
    {
        if (!command.Contains("ssh", StringComparison.Ordinal) && !command.Contains("scp", StringComparison.Ordinal)) return [];
        var result = new List<SshTarget>();
        foreach (Match m in Invocation.Matches(command))
        {
            var tool = m.Groups["tool"].Value;
            var tokens = m.Groups["args"].Value.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            string? key = null, user = null, host = null;
            for (var i = 0; i < tokens.Length; i++)
            {
                var t = tokens[i].Trim('"', '\'');
                if (t == "-i" && i + 1 < tokens.Length) { key = tokens[++i].Trim('"', '\''); continue; }
                if (t is "-p" or "-P" or "-o" or "-l" or "-F" or "-J" && i + 1 < tokens.Length)
                {
                    if (t == "-l") user = tokens[i + 1];
                    i++;
                    continue;
                }
                if (t.StartsWith('-')) continue;
                var at = t.IndexOf('@');
                var candidate = at >= 0 ? t[(at + 1)..] : t;
                var colon = candidate.IndexOf(':');
                if (colon >= 0) candidate = candidate[..colon];
                if (at < 0 && tool != "ssh" && colon < 0) continue;       // scp/rsync: local paths have no host
                if (candidate.Length == 0 || !LooksLikeHost(candidate)) continue;
                if (at > 0) user = t[..at];
                host = candidate.ToLowerInvariant();
                break;
            }
            if (host is not null) result.Add(new SshTarget(user, host, key, tool));
        }
        return result;
    }

    private static bool LooksLikeHost(string s) =>
        s.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_') && (s.Contains('.') || s.Any(char.IsAsciiLetter)) && !s.StartsWith('.');
}
