namespace Timeline.Parsers.Linux.Persistence.Crontab;

/// <summary>
/// Account names that Linux distributions create for the system and for services. In a crontab
/// whose kind the path does not tell, a sixth token from this list means a user column
/// (<c>*/40 * * * * root sh /etc/newinit.sh</c>), so the file is a system table.
/// </summary>
public static class SystemAccounts
{
    private static readonly HashSet<string> Names = new(StringComparer.Ordinal)
    {
        "root", "daemon", "bin", "sys", "sync", "games", "man", "lp", "mail", "news", "uucp", "proxy", "www-data",
        "backup", "list", "irc", "nobody", "operator", "ftp", "apache", "nginx", "httpd", "redis", "postgres", "mysql",
        "mongodb", "elasticsearch", "tomcat", "jenkins", "confluence", "jira", "docker", "hadoop", "yarn", "git",
        "ubuntu", "ec2-user", "centos", "admin", "debian", "oracle", "weblogic", "zabbix", "nagios", "smmsp", "adm",
    };

    public static bool Contains(string name) => Names.Contains(name);
}
