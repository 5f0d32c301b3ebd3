using Timeline.Core.Ingest;

namespace Timeline.Parsers.Linux.LoginRecords;

/// <summary>
/// The fixed-size character arrays of utmp and lastlog records (<c>ut_user[32]</c>, <c>ll_host[256]</c>):
/// NUL-terminated when shorter than the array, <b>not</b> terminated when they fill it (a 32-byte user
/// name is legal). Writers copy with <c>strncpy</c>, so the bytes after the terminator are NUL; bytes
/// left there are a sign of a wrong layout or a damaged record. The text is UTF-8 as the writer got it
/// from the attacker (user names at a login prompt are typed by anyone); invalid bytes are kept as
/// <c>\xNN</c>, control characters are kept and escaped by every output.
/// </summary>
public static class FixedText
{
    public static string Read(ReadOnlySpan<byte> field)
    {
        var end = field.IndexOf((byte)0);
        var text = end < 0 ? field : field[..end];
        return text.IsEmpty ? "" : TextLineReader.Decode(text, out _, out _);
    }

    /// <summary>True when every byte after the first NUL is NUL too (strncpy padding).</summary>
    public static bool IsNulPadded(ReadOnlySpan<byte> field)
    {
        var end = field.IndexOf((byte)0);
        return end < 0 || field[end..].IndexOfAnyExcept((byte)0) < 0;
    }

    /// <summary>True when the text before the terminator has no byte below 0x20 or 0x7F (what a tool wrote, not garbage).</summary>
    public static bool IsPrintable(ReadOnlySpan<byte> field)
    {
        var end = field.IndexOf((byte)0);
        var text = end < 0 ? field : field[..end];
        foreach (var b in text)
        {
            if (b < 0x20 || b == 0x7F) return false;
        }
        return true;
    }
}
