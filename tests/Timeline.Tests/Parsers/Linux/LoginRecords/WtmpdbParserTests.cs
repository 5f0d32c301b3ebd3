using Microsoft.Data.Sqlite;
using System.Security.Cryptography;
using Timeline.Core.Events;
using Timeline.Core.Ingest;
using Timeline.Core.Vocabulary;
using Timeline.Parsers.Linux.LoginRecords;
using Timeline.Tests.Support;
using Xunit;

namespace Timeline.Tests.Parsers.Linux.LoginRecords;

public sealed class WtmpdbParserTests : IDisposable
{
    private static readonly WtmpdbParser Parser = new();
    private static string Sample => Path.Combine(RepoPaths.SampleLogs, "linux", "wtmpdb", "wtmp.db");
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "timeline-wtmpdb-test-" + Guid.NewGuid().ToString("N"));

    public WtmpdbParserTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static Dictionary<string, (string Hash, DateTime Modified)> Snapshot(string folder) =>
        Directory.GetFiles(folder).ToDictionary(f => Path.GetFileName(f), f => (Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))), File.GetLastWriteTimeUtc(f)));

    [Fact]
    public void TheEvidenceFolderIsUnchangedByTheParse()
    {
        var evidence = Path.Combine(_folder, "wtmp.db");
        File.Copy(Sample, evidence);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(evidence, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        var before = Snapshot(_folder);
        var outcome = ParserHarness.ParseFile(evidence);
        Assert.Equal(ParserNames.Wtmpdb, outcome.Parser?.Name);
        Assert.Equal(12, outcome.Events.Count);
        Assert.Equal(before, Snapshot(_folder));
        Assert.Equal(["wtmp.db"], Directory.GetFiles(_folder).Select(Path.GetFileName));
    }

    [Fact]
    public void RowsBecomeLoginLogoutBootAndShutdown()
    {
        var outcome = ParserHarness.ParseFile(Sample);
        var root = outcome.Events.Where(e => e.Fields.Get(FieldNames.User) == "root").ToList();
        Assert.Equal([LoginRecordEvents.Login, LoginRecordEvents.Logout], root.Select(e => e.Fields[FieldNames.Event]));
        Assert.Equal(new DateTime(2026, 11, 30, 3, 15, 2, DateTimeKind.Utc).AddTicks(1_187_600).Ticks, root[0].Ticks);
        Assert.Equal("00:12:39", root[1].Fields[FieldNames.Duration]);
        Assert.Equal("sshd", root[0].Fields[LoginRecordFields.Service]);
        Assert.Equal(2, outcome.Events.Count(e => e.Fields.Get(FieldNames.Event) == LoginRecordEvents.Boot));
        Assert.Single(outcome.Events, e => e.Fields.Get(FieldNames.Event) == LoginRecordEvents.Shutdown);
        Assert.Equal(outcome.Events.Count, outcome.Events.Select(e => e.Id).Distinct().Count());
        Assert.Empty(outcome.Warnings);
    }

    [Fact]
    public void AWriteAheadLogBesideTheDatabaseIsReadWithoutTouchingIt()
    {
        var evidence = Path.Combine(_folder, "wtmp.db");
        File.Copy(Sample, evidence);
        // A writer that crashed before its checkpoint: the database in WAL mode and one more row only in
        // wtmp.db-wal. SQLite checkpoints when the last connection closes, so the files are copied
        // while the writer is still open, and put back after.
        var pre = Path.Combine(_folder, "pre.db");
        var wal = Path.Combine(_folder, "keep.wal");
        using (var writer = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = evidence, Pooling = false }.ToString()))
        {
            writer.Open();
            Execute(writer, "PRAGMA journal_mode=WAL; PRAGMA wal_autocheckpoint=0;");
            File.Copy(evidence, pre);
            Execute(writer, "INSERT INTO wtmp (Type,User,Login,TTY,RemoteHost,Service) VALUES (3,'mallory',1796200000000000,'pts/9','198.51.100.99','sshd');");
            File.Copy(evidence + "-wal", wal);
        }
        File.Move(pre, evidence, overwrite: true);
        File.Move(wal, evidence + "-wal", overwrite: true);
        File.Delete(evidence + "-shm");
        Assert.True(new FileInfo(evidence + "-wal").Length > 0, "the test could not keep a write-ahead log");
        var before = Snapshot(_folder);
        // The evidence path as ingest gives it (the harness's repo-relative path does not resolve from /tmp).
        var warnings = new List<ParseWarning>();
        var source = new EvidenceSource(evidence, () => File.OpenRead(evidence), DateTimeOffset.UnixEpoch);
        var events = Parser.Parse(source, new ParseContext(evidence, "00", warnings.Add)).ToList();
        Assert.Contains(events, e => e.Fields.Get(FieldNames.User) == "mallory");
        Assert.Contains(warnings, w => w.Message.Contains("write-ahead log", StringComparison.Ordinal));
        Assert.Equal(before, Snapshot(_folder));
        // Without the log the row is not there: the test would fail if the WAL were ignored.
        File.Delete(evidence + "-wal");
        Assert.DoesNotContain(ParserHarness.ParseFile(evidence).Events, e => e.Fields.Get(FieldNames.User) == "mallory");
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    [Fact]
    public void ADamagedDatabaseWarnsAndNeverThrows()
    {
        var bytes = File.ReadAllBytes(Sample);
        var damaged = bytes.ToArray();
        for (var i = 4096; i < damaged.Length; i++) damaged[i] = (byte)(i * 37);
        Assert.Equal(100, Parser.Sniff(new SniffSample("wtmp.db", damaged, [])));
        var outcome = ParserHarness.ParseBytes(Parser, damaged, "wtmp.db");
        Assert.NotEmpty(outcome.Warnings);
        var truncated = ParserHarness.ParseBytes(Parser, bytes[..200], "wtmp.db");
        Assert.Empty(truncated.Events);
        Assert.NotEmpty(truncated.Warnings);
    }

    [Fact]
    public void OnlyAnSqliteFileWithATableWtmpIsWtmpdb()
    {
        Assert.Equal(100, Parser.Sniff(new SniffSample("x", File.ReadAllBytes(Sample), [])));
        Assert.Equal(0, Parser.Sniff(new SniffSample("x", "SQLite format 3\0CREATE TABLE places(id)"u8.ToArray(), [])));
        Assert.Equal(0, Parser.Sniff(new SniffSample("x", File.ReadAllBytes(Path.Combine(RepoPaths.SampleLogs, "linux", "utmp", "wtmp")), [])));
    }
}
