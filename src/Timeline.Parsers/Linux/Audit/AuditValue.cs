using System.Text;
using System.Text.Unicode;

namespace Timeline.Parsers.Linux.Audit;

/// <summary>
/// Decodes audit field values. The kernel (<c>audit_log_untrustedstring</c>) and libaudit
/// (<c>audit_encode_nv_string</c>) write a string field in double quotes when it is plain, and as
/// uppercase hex of its bytes, unquoted, when it holds a double quote, a space, a control byte or a
/// byte over 0x7E — so an attacker's argument with spaces, quotes or newlines arrives hex-encoded.
/// Only string fields are decoded: a SYSCALL's <c>a0=7ffd…</c> is a register, not text.
/// </summary>
public static class AuditValue
{
    // String fields of kernel and user-space records (audit-userspace lib/fieldtab.h interprets these as
    // "escaped" strings); EXECVE's aN / aN[i] are recognised by shape.
    private static readonly HashSet<string> StringFields = new(StringComparer.Ordinal)
    {
        "comm", "exe", "name", "cwd", "proctitle", "key", "path", "dir", "watch", "ocomm", "cmd", "acct",
        "old-name", "new-name", "new_group", "grp", "unit", "data", "hostname", "terminal",
    };

    /// <summary>Values that mean "none": the field is left out (absent means unknown).</summary>
    public static bool IsAbsent(string value) => value is "(null)" or "?" or "";

    /// <summary>Whether <paramref name="name"/> is an EXECVE argument (<c>a3</c>, <c>a3[0]</c>).</summary>
    public static bool IsExecveArgument(string name)
    {
        if (name.Length < 2 || name[0] != 'a' || !char.IsAsciiDigit(name[1])) return false;
        var i = 1;
        while (i < name.Length && char.IsAsciiDigit(name[i])) i++;
        if (i == name.Length) return true;
        if (name[i] != '[' || name[^1] != ']') return false;
        for (var j = i + 1; j < name.Length - 1; j++) if (!char.IsAsciiDigit(name[j])) return false;
        return name.Length > i + 2;
    }

    /// <summary>The text of a field: quoted as is; a bare value of a string field decoded from hex when it is hex.</summary>
    public static string Text(AuditField field)
    {
        if (field.Quoted || field.Enriched) return field.Value;
        if (!StringFields.Contains(field.Name)) return field.Value;
        return TryHexBytes(field.Value) is { } bytes ? BytesToText(bytes) : field.Value;
    }

    /// <summary>The bytes of a string value: hex decoded when bare and hex, else the UTF-8 of the text.</summary>
    public static byte[] Bytes(AuditField field) =>
        !field.Quoted && TryHexBytes(field.Value) is { } bytes ? bytes : Encoding.UTF8.GetBytes(field.Value);

    /// <summary>PROCTITLE: hex (or quoted) argv with NUL separators; shown with spaces, as ausearch -i does.</summary>
    public static string Proctitle(AuditField field)
    {
        var bytes = Bytes(field);
        var length = bytes.Length;
        while (length > 0 && bytes[length - 1] == 0) length--;
        for (var i = 0; i < length; i++) if (bytes[i] == 0) bytes[i] = (byte)' ';
        return BytesToText(bytes.AsSpan(0, length));
    }

    /// <summary>Even-length uppercase/lowercase hex → bytes, else null.</summary>
    public static byte[]? TryHexBytes(string value)
    {
        if (value.Length == 0 || value.Length % 2 != 0) return null;
        foreach (var c in value) if (!char.IsAsciiHexDigit(c)) return null;
        return Convert.FromHexString(value);
    }

    /// <summary>UTF-8 text; bytes that are not valid UTF-8 are kept visible as <c>\xNN</c> instead of being replaced.</summary>
    public static string BytesToText(ReadOnlySpan<byte> bytes)
    {
        if (Utf8.IsValid(bytes)) return Encoding.UTF8.GetString(bytes);
        var text = new StringBuilder(bytes.Length + 16);
        var pos = 0;
        while (pos < bytes.Length)
        {
            var status = System.Text.Rune.DecodeFromUtf8(bytes[pos..], out var rune, out var used);
            if (status == System.Buffers.OperationStatus.Done) { text.Append(rune.ToString()); pos += used; }
            else { text.Append("\\x").Append(bytes[pos].ToString("X2", System.Globalization.CultureInfo.InvariantCulture)); pos++; }
        }
        return text.ToString();
    }
}
