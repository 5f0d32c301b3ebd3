using Timeline.Pipeline;
using Timeline.Core.Ingest;
using Timeline.Core.Store;
using Timeline.Parsers;
using Timeline.Tests.Support;

namespace Timeline.Tests.Web;

/// <summary>A case whose evidence carries markup and script an attacker could have put in a log (an SSH user name).</summary>
public static class HostileCase
{
    public const string Markup = "<img src=x onerror=\"document.title='pwned'\">";

    private static readonly Lazy<string> Built = new(() =>
    {
        var dir = Some.TempDir();
        var log = System.IO.Path.Combine(dir, "evidence", "auth.log");
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(log)!);
        File.WriteAllLines(log,
        [
            $"2024-03-02T03:15:02.000000+00:00 web01 sshd[2311]: Invalid user {Markup} from 203.0.113.9 port 40112",
            "2024-03-02T03:15:03.000000+00:00 web01 sshd[2311]: Failed password for invalid user <script>document.title='pwned'</script> from 203.0.113.9 port 40112 ssh2",
        ]);
        var casePath = System.IO.Path.Combine(dir, "hostile.db");
        using var store = CaseStores.OpenForWrite(casePath);
        IngestStep.Run(store, [log], new IngestOptions());
        return casePath;
    });

    public static string Path => Built.Value;
}
