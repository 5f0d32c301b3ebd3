using System.Buffers;
using System.Text.Json;
using Timeline.Core.Ingest;

namespace Timeline.Parsers.Linux.Journald;

/// <summary>
/// Reads <c>journalctl -o json</c>: one object per line, field names as keys, values as strings,
/// with three exceptions (systemd's JOURNAL_EXPORT_FORMATS):
/// <code>
/// {"__REALTIME_TIMESTAMP":"1709349302481913","_HOSTNAME":"web01","SYSLOG_IDENTIFIER":"sshd",
///  "MESSAGE":[73,110,118,97,108,105,100,32,117,115,101,114,32,74,246,114,103],   ← not UTF-8: byte numbers
///  "_UDEV_DEVLINK":["/dev/disk/by-id/a","/dev/disk/by-id/b"],                    ← repeated field: array
///  "_CMDLINE":null}                                                             ← over 4096 bytes, left out
/// </code>
/// A repeated field keeps its first value. A line that is not a JSON object with at least one
/// journal field name is skipped with a warning (one per run of such lines); a line longer than
/// <see cref="MaxLineBytes"/> is skipped with a warning.
/// </summary>
public static class JournalJsonReader
{
    /// <summary>Byte arrays take up to four characters per byte, so this allows a field near <see cref="JournalExportReader.MaxFieldBytes"/>.</summary>
    public const int MaxLineBytes = 4 * JournalExportReader.MaxFieldBytes;

    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 8 };

    /// <summary>Yields <paramref name="entry"/> refilled for each entry line.</summary>
    public static IEnumerable<JournalEntry> Read(Stream stream, ParseContext context, JournalEntry entry)
    {
        var inJunk = false;
        foreach (var line in TextLineReader.Read(stream, context, MaxLineBytes))
        {
            if (string.IsNullOrWhiteSpace(line.Text))
            {
                inJunk = false;
                continue;
            }
            if (line.Truncated)
            {
                context.Warn(line.Number, $"JSON entry is longer than {MaxLineBytes:N0} bytes; skipped");
                continue;
            }
            if (TryFill(line.Text, line.Number, entry))
            {
                inJunk = false;
                yield return entry;
                continue;
            }
            if (!inJunk) context.Warn(line.Number, "line is not a journal JSON entry (an object of journal fields); skipped", line.Text);
            inJunk = true;
        }
    }

    private static bool TryFill(string text, long lineNumber, JournalEntry entry)
    {
        text = text.TrimStart('\uFEFF'); // a byte order mark, when the file was re-saved by an editor
        if (!text.AsSpan().TrimStart().StartsWith('{')) return false;
        try
        {
            using var document = JsonDocument.Parse(text, Options);
            if (document.RootElement.ValueKind != JsonValueKind.Object) return false;
            entry.Start(lineNumber);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (!JournalFields.IsValidName(property.Name)) continue;
                ReadValue(entry, JournalFields.SlotOf(property.Name), property.Name, property.Value, arrayOfValues: true);
            }
            return entry.FieldCount > 0;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // Not JSON, or a string with an unpaired surrogate escape that cannot become .NET text.
            return false;
        }
    }

    private static void ReadValue(JournalEntry entry, int slot, string name, JsonElement value, bool arrayOfValues)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                entry.SetText(slot, name, value.GetString()!);
                break;
            case JsonValueKind.Null:
                entry.SetOmitted(slot, name);
                break;
            case JsonValueKind.Array when IsByteArray(value):
                SetByteArray(entry, slot, name, value);
                break;
            case JsonValueKind.Array when arrayOfValues:
                foreach (var item in value.EnumerateArray()) ReadValue(entry, slot, name, item, arrayOfValues: false);
                break;
            default:
                // Numbers, booleans, objects: not what journalctl writes; kept as their JSON text.
                entry.SetText(slot, name, value.GetRawText());
                break;
        }
    }

    /// <summary>A non-empty array of integers 0..255: a value that is not printable UTF-8.</summary>
    private static bool IsByteArray(JsonElement array)
    {
        if (array.GetArrayLength() == 0) return false;
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Number || !item.TryGetByte(out _)) return false;
        }
        return true;
    }

    private static void SetByteArray(JournalEntry entry, int slot, string name, JsonElement array)
    {
        var length = array.GetArrayLength();
        var bytes = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var i = 0;
            foreach (var item in array.EnumerateArray()) bytes[i++] = item.GetByte();
            entry.SetBytes(slot, System.Text.Encoding.ASCII.GetBytes(name), bytes.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }
}
