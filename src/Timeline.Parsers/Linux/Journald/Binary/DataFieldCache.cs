namespace Timeline.Parsers.Linux.Journald.Binary;

/// <summary>A DATA object decoded once: the field's slot (or -1), name and kept value.</summary>
public sealed record DecodedField(int Slot, string Name, string Value, bool Lossy, bool Cut);

/// <summary>
/// The decoded fields of DATA objects that several entries share, by file offset. A journal stores
/// <c>_HOSTNAME=web01</c>, <c>_UID=0</c>, <c>_SYSTEMD_UNIT=ssh.service</c> … once and points every
/// entry at it, so an entry's fields are mostly cache hits and only its message is decoded. Objects
/// referenced by one entry (<c>n_entries</c> = 1: most messages) are not cached. Bounded by entry
/// count and characters; when full it is emptied and refilled by what is used next.
/// </summary>
public sealed class DataFieldCache
{
    public const int MaxEntries = 1 << 16;
    public const int MaxValueChars = 1024;
    private const long MaxTotalChars = 8L * 1024 * 1024;

    private readonly Dictionary<long, DecodedField> _fields = [];
    private long _chars;

    public bool TryGet(long offset, out DecodedField field) => _fields.TryGetValue(offset, out field!);

    /// <summary>Keeps a field shared by several entries, when it is short enough to be worth it.</summary>
    public void Add(long offset, DecodedField field)
    {
        if (field.Value.Length > MaxValueChars) return;
        if (_fields.Count >= MaxEntries || _chars + field.Value.Length > MaxTotalChars)
        {
            _fields.Clear();
            _chars = 0;
        }
        _fields[offset] = field;
        _chars += field.Value.Length;
    }
}
