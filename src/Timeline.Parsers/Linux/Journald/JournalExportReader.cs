using System.Buffers;
using System.Globalization;
using System.Text;
using Timeline.Core.Ingest;

namespace Timeline.Parsers.Linux.Journald;

/// <summary>
/// Reads <c>journalctl -o export</c> entry by entry. The format (systemd's JOURNAL_EXPORT_FORMATS):
/// <code>
/// __CURSOR=s=5f1e…;i=1a2b;b=3c4d…;m=…;t=6129b0f0a4e09;x=…
/// __REALTIME_TIMESTAMP=1709349302481913
/// _HOSTNAME=web01
/// SYSLOG_IDENTIFIER=sshd
/// MESSAGE=Failed password for root from 203.0.113.45 port 51234 ssh2
///                                                    ← an empty line ends the entry
/// MESSAGE                                            ← a binary field: the name alone on its line,
/// \x0b\x00\x00\x00\x00\x00\x00\x00foo\nbar\xff       ← 64-bit little-endian length, the raw bytes,
///                                                    ← then an LF
/// </code>
/// Text fields hold only printable UTF-8 and TAB; any other value (a newline, bytes that are not
/// UTF-8) is written as a binary field. Damage is survived: a line that is not a field is skipped
/// with a warning (one per run of such lines); a line over <see cref="MaxFieldBytes"/>, a binary
/// length over it, or a binary value not followed by LF loses sync, so the rest of the entry up to
/// the next empty line is skipped with a warning and the fields read before are kept. A file that
/// ends inside an entry keeps that entry, with a warning.
/// </summary>
public sealed class JournalExportReader
{
    /// <summary>Largest field value read (text or binary); larger ones are treated as damage.</summary>
    public const int MaxFieldBytes = 1024 * 1024;
    private const int MaxLineBytes = MaxFieldBytes + JournalFields.MaxNameLength + 1;

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    private readonly ExportByteReader _in;
    private readonly ParseContext _context;

    private JournalExportReader(Stream stream, ParseContext context)
    {
        _in = new ExportByteReader(stream, context);
        _context = context;
    }

    /// <summary>Yields <paramref name="entry"/> refilled for each entry of the export.</summary>
    public static IEnumerable<JournalEntry> Read(Stream stream, ParseContext context, JournalEntry entry)
    {
        var reader = new JournalExportReader(stream, context);
        while (reader.TryReadEntry(entry)) yield return entry;
    }

    private bool TryReadEntry(JournalEntry entry)
    {
        var open = false;      // a field of this entry has been read
        var inJunk = false;    // inside a run of lines that are not fields (warned once)
        while (true)
        {
            var lineNumber = _in.Line;
            var read = _in.ReadLine(MaxLineBytes, out var line);
            if (read == LineRead.End)
            {
                if (open) WarnTruncated(entry);
                return open;
            }
            if (read == LineRead.TooLong)
            {
                _context.Warn(lineNumber, $"line is longer than {MaxLineBytes:N0} bytes: not a journal field, or a damaged one; {SkipWhat(open)}");
                Resync();
                if (open) return true;
                continue;
            }
            if (!line.IsEmpty && line[^1] == (byte)'\r') line = line[..^1]; // CR is never part of a text field
            if (lineNumber == 1 && line.StartsWith(Utf8Bom)) line = line[Utf8Bom.Length..]; // re-saved by an editor
            if (line.IsEmpty)
            {
                if (open) return true;
                inJunk = false;
                continue;
            }
            var eq = line.IndexOf((byte)'=');
            var name = eq >= 0 ? line[..eq] : line;
            if (!JournalFields.IsValidName(name))
            {
                if (!inJunk) _context.Warn(lineNumber, "line is not a journal export field (NAME=value or a binary field); skipped", Excerpt(line));
                inJunk = true;
                continue;
            }
            inJunk = false;
            if (!open)
            {
                entry.Start(lineNumber);
                open = true;
            }
            var slot = JournalFields.SlotOf(name);
            if (eq >= 0)
            {
                entry.SetBytes(slot, name, line[(eq + 1)..]);
                continue;
            }
            var outcome = read == LineRead.Unterminated ? BinaryRead.DataEnded : ReadBinary(entry, slot, Encoding.ASCII.GetString(name), lineNumber);
            if (outcome == BinaryRead.Done) continue;
            if (outcome == BinaryRead.DataEnded) WarnTruncated(entry);
            Resync();
            if (entry.FieldCount > 0) return true;
            open = false; // the damaged field was the first: nothing of this entry survives
        }
    }

    private enum BinaryRead { Done, LostSync, DataEnded }

    /// <summary>Reads the length and value of a binary field whose name line was just read.</summary>
    private BinaryRead ReadBinary(JournalEntry entry, int slot, string name, long lineNumber)
    {
        if (!_in.TryPeekUInt64(out var length)) return BinaryRead.DataEnded;
        if (length > MaxFieldBytes)
        {
            // The 8 bytes are left unread: when they are really text, the empty line may be among them.
            _context.Warn(lineNumber, $"binary field {name} claims {length.ToString(CultureInfo.InvariantCulture)} bytes (the bound is {MaxFieldBytes:N0}): its length is damaged; {SkipWhat(open: true)}");
            return BinaryRead.LostSync;
        }
        _in.Skip(8);
        var size = (int)length;
        var value = ArrayPool<byte>.Shared.Rent(Math.Max(size, 1));
        try
        {
            var got = _in.ReadExact(value.AsSpan(0, size));
            var next = got < size ? -1 : _in.PeekByte();
            if (next == '\n' || next < 0)
            {
                // A value cut by the end of the file is kept; the caller or the next read warns.
                entry.SetBytes(slot, Encoding.ASCII.GetBytes(name), value.AsSpan(0, got));
                if (got < size) return BinaryRead.DataEnded;
                if (next == '\n') _in.Skip(1);
                return BinaryRead.Done;
            }
            _context.Warn(lineNumber, $"binary field {name} of {size:N0} bytes is not followed by a line end: its length is damaged; {SkipWhat(open: true)}");
            return BinaryRead.LostSync;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(value);
        }
    }

    /// <summary>Skips to just after the next empty line, where the next entry starts.</summary>
    private void Resync()
    {
        while (true)
        {
            var read = _in.ReadLine(MaxLineBytes, out var line);
            if (read is LineRead.End or LineRead.Unterminated) return;
            if (read == LineRead.Line && (line.IsEmpty || (line.Length == 1 && line[0] == (byte)'\r'))) return;
        }
    }

    private void WarnTruncated(JournalEntry entry) =>
        _context.Warn(entry.Line, $"the file ends inside the entry that starts at line {entry.Line} (no empty line after it): the export is truncated; the fields read are kept, the last one may be cut");

    private static string SkipWhat(bool open) => open
        ? "the rest of the entry up to the next empty line is skipped (the fields before it are kept)"
        : "skipped up to the next empty line";

    private static string Excerpt(ReadOnlySpan<byte> line) =>
        TextLineReader.Decode(line[..Math.Min(line.Length, 256)], out _, out _);
}
