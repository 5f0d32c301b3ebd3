using Microsoft.Data.Sqlite;
using Timeline.Core.Events;
using Timeline.Core.Ingest;

namespace Timeline.Parsers.Linux.LoginRecords;

/// <summary>
/// Reads the rows of a wtmpdb database without ever writing next to the evidence. SQLite needs a
/// file, and even a read-only open of a WAL database creates <c>-shm</c>/<c>-wal</c> files beside it,
/// so the content is first streamed into a private temporary folder (which also serves archive
/// members and compressed copies, which have no path to open) and SQLite opens only that copy:
/// <c>Mode=ReadOnly</c>, no connection pooling (the handle closes with the reader and the folder is
/// deleted). A <c>-wal</c> file beside an evidence file on disk holds the latest rows not yet
/// checkpointed: it is copied next to the copy and that copy is opened read-write so SQLite can read
/// it — the evidence itself is still only read. Every SQLite failure (not a database, corrupt pages,
/// no table <c>wtmp</c>) becomes a warning; rows read before it are kept.
/// </summary>
public sealed class WtmpdbReader : IDisposable
{
    private readonly string _folder;
    private readonly SqliteConnection? _connection;
    private readonly ParseContext _context;

    public WtmpdbReader(EvidenceSource source, ParseContext context)
    {
        _context = context;
        _folder = Path.Combine(Path.GetTempPath(), "timeline-wtmpdb-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        var copy = Path.Combine(_folder, "wtmp.db");
        using (var input = source.OpenContent())
        using (var output = new FileStream(copy, FileMode.CreateNew, FileAccess.Write))
        {
            input.CopyTo(output);
        }
        var wal = source.Path + "-wal";
        // Only for a database that is the file on disk at its path (not an archive member, not a copy
        // in memory whose path names some other file): same length as what was copied.
        var withWal = !source.Compressed && File.Exists(source.Path) && new FileInfo(source.Path).Length == new FileInfo(copy).Length
            && File.Exists(wal) && new FileInfo(wal).Length > 0;
        if (withWal)
        {
            using var input = new FileStream(wal, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var output = new FileStream(copy + "-wal", FileMode.CreateNew, FileAccess.Write);
            input.CopyTo(output);
            context.Warn(0, $"a write-ahead log {Path.GetFileName(wal)} lies beside the database; its rows are read too");
        }
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = copy,
            Mode = withWal ? SqliteOpenMode.ReadWrite : SqliteOpenMode.ReadOnly,
            Pooling = false,
        };
        try
        {
            _connection = new SqliteConnection(builder.ToString());
            _connection.Open();
        }
        catch (SqliteException e)
        {
            context.Warn(0, "not a readable SQLite database: " + e.Message);
            _connection?.Dispose();
            _connection = null;
        }
    }

    /// <summary>The rows in ID order; stops with a warning at the first SQLite error.</summary>
    public IEnumerable<WtmpdbRow> Rows()
    {
        if (_connection is null) yield break;
        var columns = Columns();
        if (columns is null) yield break;
        using var command = _connection.CreateCommand();
        string Column(string name) => columns.Contains(name) ? "\"" + name + "\"" : "NULL";
        command.CommandText = $"SELECT ID, {Column("Type")}, {Column("User")}, {Column("Login")}, {Column("Logout")}, {Column("TTY")}, {Column("RemoteHost")}, {Column("Service")} FROM wtmp ORDER BY ID";
        SqliteDataReader? reader = Step(() => command.ExecuteReader());
        if (reader is null) yield break;
        using (reader)
        {
            while (Step(() => reader.Read() ? Row(reader) : null) is { } row) yield return row;
        }
    }

    private HashSet<string>? Columns()
    {
        using var command = _connection!.CreateCommand();
        command.CommandText = "SELECT name FROM pragma_table_info('wtmp')";
        var names = Step(() =>
        {
            var found = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            using var reader = command.ExecuteReader();
            while (reader.Read()) found.Add(reader.GetString(0));
            return found;
        });
        if (names is null) return null;
        if (!names.Contains("ID"))
        {
            _context.Warn(0, "the database has no table wtmp with an ID column: not a wtmpdb");
            return null;
        }
        return names;
    }

    private WtmpdbRow Row(SqliteDataReader reader)
    {
        var id = Integer(reader, 0, null, "ID") ?? 0;
        return new WtmpdbRow(
            id,
            Integer(reader, 1, id, "Type"),
            Text(reader, 2),
            Integer(reader, 3, id, "Login"),
            Integer(reader, 4, id, "Logout"),
            Text(reader, 5),
            Text(reader, 6),
            Text(reader, 7));
    }

    private long? Integer(SqliteDataReader reader, int ordinal, long? id, string name)
    {
        if (reader.IsDBNull(ordinal)) return null;
        var value = reader.GetValue(ordinal);
        if (value is long l) return l;
        if (id is not null)
            _context.Warn(id.Value, $"row {id}: {name} is not an integer ({value.GetType().Name}); ignored", Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "", PositionKind.Record);
        return null;
    }

    private static string Text(SqliteDataReader reader, int ordinal)
    {
        if (reader.IsDBNull(ordinal)) return "";
        return reader.GetValue(ordinal) switch
        {
            string s => s,
            byte[] b => TextLineReader.Decode(b, out _, out _),
            var other => Convert.ToString(other, System.Globalization.CultureInfo.InvariantCulture) ?? "",
        };
    }

    private T? Step<T>(Func<T?> action) where T : class
    {
        try
        {
            return action();
        }
        catch (SqliteException e)
        {
            _context.Warn(0, "SQLite could not read the database further: " + e.Message);
            return null;
        }
        catch (InvalidOperationException e)
        {
            _context.Warn(0, "SQLite could not read the database further: " + e.Message);
            return null;
        }
    }

    public void Dispose()
    {
        _connection?.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless; the evidence was never touched.
        }
    }
}
