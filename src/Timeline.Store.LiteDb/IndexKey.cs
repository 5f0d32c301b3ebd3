using System.Security.Cryptography;
using System.Text;
using Timeline.Core.Limits;

namespace Timeline.Store.LiteDb;

/// <summary>
/// The key a value is indexed under. LiteDB refuses an index key over 1,023 bytes, and one such
/// value (a hostile syslog host, a journald <c>_HOSTNAME</c> inflated by <c>\xNN</c> escaping) would
/// fail the whole write. Values up to <see cref="Bounds.IndexKeyBytes"/> UTF-8 bytes are their own
/// key; a longer value is keyed by its start, the marker <see cref="Marker"/> and the SHA-256 of the
/// whole value, so two long values that share a start keep apart. The document keeps the full value
/// beside the key: a lookup seeks the key, then checks the full value.
/// </summary>
public static class IndexKey
{
    /// <summary>Between the kept start and the hash of a bounded key; U+001F never occurs in a host or parser name we keep unescaped.</summary>
    public const string Marker = "\u001f…sha256:";

    /// <summary>Characters of the value's start a bounded key keeps (at most 4 UTF-8 bytes each, so the key stays under the bound).</summary>
    private const int KeptChars = (Bounds.IndexKeyBytes - 64 - 16) / 4;

    public static bool IsBounded(string value) => Encoding.UTF8.GetByteCount(value) > Bounds.IndexKeyBytes;

    public static string Of(string value)
    {
        if (!IsBounded(value)) return value;
        var keep = value.Length > KeptChars ? KeptChars : value.Length;
        // Never cut a surrogate pair in half.
        if (keep > 0 && char.IsHighSurrogate(value[keep - 1])) keep--;
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
        return value[..keep] + Marker + hash;
    }
}
