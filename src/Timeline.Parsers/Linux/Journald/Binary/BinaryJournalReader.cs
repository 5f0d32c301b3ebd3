using System.Globalization;
using Timeline.Core.Events;
using Timeline.Core.Ingest;

namespace Timeline.Parsers.Linux.Journald.Binary;

/// <summary>
/// Reads a binary journal file (<c>*.journal</c>, <c>*.journal~</c>; systemd's JOURNAL_FILE_FORMAT)
/// entry by entry into the same <see cref="JournalEntry"/> the export reader fills, with the fields
/// <c>journalctl -o export</c> shows for it: <c>__REALTIME_TIMESTAMP</c>, <c>__MONOTONIC_TIMESTAMP</c>
/// and <c>_BOOT_ID</c> from the ENTRY object, then every DATA field of the entry in stored order
/// (a DATA <c>_BOOT_ID</c> is left out, as journalctl does). The position of an entry is the byte
/// offset of its ENTRY object (<see cref="PositionKind.Record"/>).
/// <para>
/// Order: the entries the entry array chain links, in chain order (<see cref="EntryArrayChain"/>),
/// then those a scan finds written after the last linked one (<see cref="LinearScanRecovery"/>) —
/// each entry once, since the chain's offsets increase and the scan only takes larger ones. Damage
/// is warned with its offset and read around: a bad item or DATA object loses that field, a bad
/// linked entry is skipped, a broken chain hands over to the scan. Unknown incompatible header
/// flags refuse the file.
/// </para>
/// </summary>
public sealed class BinaryJournalReader : IDisposable
{
    /// <summary>Items kept per entry; journald writes at most 1,024 fields per entry (plus its own trusted ones).</summary>
    public const int MaxItems = 4096;

    /// <summary>Largest compressed payload read; journald's fields are far smaller (journald caps a line at 48 KiB).</summary>
    public const int MaxCompressedBytes = 16 * 1024 * 1024;

    private static ReadOnlySpan<byte> BootIdName => "_BOOT_ID"u8;

    private readonly JournalFileView _view;
    private readonly ParseContext _context;
    private readonly DataFieldCache _cache = new();
    private readonly PayloadDecompressor _decompressor = new();
    private readonly long[] _items = new long[MaxItems];
    private readonly List<string> _problems = [];
    private long _headerSize;
    private bool _compact;
    private Guid128 _lastBoot;
    private string? _lastBootText;

    public BinaryJournalReader(Stream seekable, ParseContext context)
    {
        _view = new JournalFileView(seekable);
        _context = context;
    }

    /// <summary>The magic <c>LPKSHHRH</c> that starts every journal file.</summary>
    public static bool HasSignature(ReadOnlySpan<byte> head) => head.StartsWith(JournalHeader.Signature);

    /// <summary>The header, once <see cref="Read"/> has started (null when it could not be read).</summary>
    public JournalHeader? Header { get; private set; }

    /// <summary>The ENTRY object of the entry last yielded (seqnum, clocks, xor hash: what a cursor is made of).</summary>
    public EntryObject Current { get; private set; }

    /// <summary>Entries reached through the chain and through the recovery scan, after a full read.</summary>
    public int LinkedEntries { get; private set; }

    public int RecoveredEntries { get; private set; }

    /// <summary>Yields <paramref name="entry"/> refilled for each readable entry of the file.</summary>
    public IEnumerable<JournalEntry> Read(JournalEntry entry)
    {
        if (!TryReadHeader()) yield break;
        var header = Header!;
        var chain = new EntryArrayChain(_view, header, _headerSize);
        long lastLinked = 0;
        foreach (var offset in chain.EntryOffsets())
        {
            _context.Cancellation.ThrowIfCancellationRequested();
            lastLinked = offset;
            if (!TryFill(offset, entry, linked: true)) continue;
            LinkedEntries++;
            yield return entry;
        }
        if (chain.Broken is not null)
        {
            Warn(chain.BrokenAt, $"the entry array chain is broken at offset {chain.BrokenAt}: {chain.Broken}; {LinkedEntries:N0} entries were read through it, the rest is searched by a scan of the objects");
        }

        var scan = new LinearScanRecovery(_view, _compact);
        foreach (var offset in scan.EntryOffsets(lastLinked == 0 ? _headerSize : lastLinked, lastLinked))
        {
            _context.Cancellation.ThrowIfCancellationRequested();
            if (!TryFill(offset, entry, linked: false)) continue;
            RecoveredEntries++;
            yield return entry;
        }
        Conclude(header, scan);
    }

    private void Conclude(JournalHeader header, LinearScanRecovery scan)
    {
        if (RecoveredEntries > 0)
        {
            Warn(0, $"{RecoveredEntries:N0} entries recovered by a linear scan of the objects: written but not linked into the entry array chain"
                + (header.State == (byte)JournalFileState.Online ? " (the file was online: copied while journald wrote it, or left by a crash)" : " (the chain is damaged)"));
        }
        if (scan.DamagedAt >= 0)
        {
            Warn(scan.DamagedAt, $"the object header at offset {scan.DamagedAt} is not valid ({scan.Damage}), or the file ends inside that object: the scan for unlinked entries stops there");
        }
        var read = (ulong)(LinkedEntries + RecoveredEntries);
        if (read < header.EntryCount)
        {
            Warn(0, $"the header counts {header.EntryCount:N0} entries but {read:N0} could be read: the file is truncated or damaged");
        }
        if (_view.Error is not null)
        {
            Warn(0, $"reading the file failed ({_view.Error.TrimEnd('.')}); the entries before the failure were read");
        }
    }

    private bool TryReadHeader()
    {
        if (!_view.TryRead(0, (int)Math.Min(JournalHeader.KnownSize, _view.Length), out var bytes) || bytes.Length < JournalHeader.MinimumSize)
        {
            Warn(0, $"the file ends inside the journal header ({_view.Length} bytes, at least {JournalHeader.MinimumSize} needed): nothing to read");
            return false;
        }
        if (!HasSignature(bytes))
        {
            Warn(0, "not a journal file: the LPKSHHRH signature is missing");
            return false;
        }
        var header = JournalHeader.Read(bytes);
        Header = header;
        _compact = header.Compact;
        if (header.UnknownIncompatible != 0)
        {
            Warn(0, $"the file uses incompatible format features this reader does not know (flags 0x{(uint)header.UnknownIncompatible:x}, from a newer systemd): it is not read, to avoid misreading it; export it with that system's journalctl -o export");
            return false;
        }
        _headerSize = (long)Math.Min(header.HeaderSize, long.MaxValue);
        if (header.HeaderSize < JournalHeader.MinimumSize || header.HeaderSize > (ulong)_view.Length || header.HeaderSize % 8 != 0)
        {
            Warn(0, $"the header size {header.HeaderSize} is not valid; objects are taken to start at {JournalHeader.MinimumSize}");
            _headerSize = JournalHeader.MinimumSize;
        }
        switch ((JournalFileState)header.State)
        {
            case JournalFileState.Offline or JournalFileState.Archived:
                break;
            case JournalFileState.Online:
                Warn(0, "the file is online (journald had it open when it was copied, or crashed): entries written after the last link are recovered by a scan");
                break;
            default:
                Warn(0, $"the file state {header.State} is not offline (0), online (1) or archived (2); read as online");
                break;
        }
        var declared = header.HeaderSize + header.ArenaSize;
        if (declared > (ulong)_view.Length && declared >= header.HeaderSize)
        {
            Warn(0, $"the file is {_view.Length:N0} bytes but its header says {declared:N0}: it is truncated; what is left is read");
        }
        return true;
    }

    /// <summary>Fills <paramref name="entry"/> from the ENTRY object at <paramref name="offset"/>; false (warned) when it is not one.</summary>
    private bool TryFill(long offset, JournalEntry entry, bool linked)
    {
        if (!_view.TryRead(offset, EntryObject.ItemsOffset, out var bytes))
        {
            Warn(offset, $"the {(linked ? "linked " : "")}entry at offset {offset} lies beyond the end of the file; skipped");
            return false;
        }
        var header = ObjectHeader.Read(bytes);
        if (header.Type != JournalObjectType.Entry || !header.IsPlausible(offset, _view.Length, _compact))
        {
            Warn(offset, $"the {(linked ? "linked " : "")}object at offset {offset} is not a valid entry (type {(byte)header.Type}, size {header.Size}); skipped");
            return false;
        }
        var current = EntryObject.Read(bytes, header.Size, _compact);
        Current = current;
        _problems.Clear();
        var count = Math.Min(current.ItemCount, MaxItems);
        if (current.ItemCount > MaxItems) _problems.Add($"{current.ItemCount:N0} items, only the first {MaxItems:N0} read");
        var itemBytes = EntryObject.ItemBytes(_compact);
        if (!_view.TryRead(offset + EntryObject.ItemsOffset, count * itemBytes, out var items))
        {
            Warn(offset, $"the items of the entry at offset {offset} are cut by the end of the file; skipped");
            return false;
        }
        for (var i = 0; i < count; i++) _items[i] = (long)Math.Min(EntryObject.ItemOffset(items, i, _compact), long.MaxValue);

        entry.Start(offset, PositionKind.Record);
        entry.SetDecoded(JournalFields.RealtimeTimestamp, JournalFields.Names[JournalFields.RealtimeTimestamp], current.Realtime.ToString(CultureInfo.InvariantCulture), false, false);
        entry.SetDecoded(-1, "__MONOTONIC_TIMESTAMP", current.Monotonic.ToString(CultureInfo.InvariantCulture), false, false);
        if (_lastBootText is null || current.BootId != _lastBoot)
        {
            _lastBoot = current.BootId;
            _lastBootText = current.BootId.ToString();
        }
        entry.SetDecoded(JournalFields.BootId, JournalFields.Names[JournalFields.BootId], _lastBootText, false, false);
        for (var i = 0; i < count; i++) AddField(_items[i], entry);
        if (_problems.Count > 0)
        {
            Warn(offset, $"the entry at offset {offset} has {_problems.Count} damaged field(s), left out: {string.Join("; ", _problems.Take(3))}{(_problems.Count > 3 ? "; …" : "")}");
        }
        return true;
    }

    /// <summary>Adds the field of the DATA object at <paramref name="offset"/> to the entry, or notes why it cannot.</summary>
    private void AddField(long offset, JournalEntry entry)
    {
        if (_cache.TryGet(offset, out var known))
        {
            entry.SetDecoded(known.Slot, known.Name, known.Value, known.Lossy, known.Cut);
            return;
        }
        if ((offset & 7) != 0 || offset < _headerSize || !_view.TryRead(offset, ObjectHeader.Bytes, out var head))
        {
            _problems.Add($"item offset {offset} is not a valid object offset");
            return;
        }
        var header = ObjectHeader.Read(head);
        var payloadOffset = DataObject.PayloadOffset(_compact);
        if (header.Type != JournalObjectType.Data || !header.IsPlausible(offset, _view.Length, _compact))
        {
            _problems.Add($"the object at {offset} is not a valid DATA object (type {(byte)header.Type}, size {header.Size})");
            return;
        }
        var compressed = (header.Flags & ObjectFlags.Compression) != 0;
        var payloadSize = header.Size - (ulong)payloadOffset;
        if (compressed && payloadSize > MaxCompressedBytes)
        {
            _problems.Add($"the DATA object at {offset} has a {payloadSize:N0}-byte compressed payload (bound {MaxCompressedBytes:N0})");
            return;
        }
        // An uncompressed payload is read only as far as a value is kept.
        var take = compressed ? (int)payloadSize : (int)Math.Min(payloadSize, (ulong)PayloadDecompressor.MaxOutputBytes);
        if (!_view.TryRead(offset, payloadOffset + take, out var bytes))
        {
            _problems.Add($"the DATA object at {offset} is cut by the end of the file");
            return;
        }
        var shared = DataObject.EntryCount(bytes) > 1;
        var payload = bytes[payloadOffset..];
        if (compressed && !_decompressor.TryDecompress(header.Flags, payload, out payload, out var error))
        {
            _problems.Add($"the DATA object at {offset}: {error}");
            return;
        }
        var eq = payload[..Math.Min(payload.Length, JournalFields.MaxNameLength + 1)].IndexOf((byte)'=');
        if (eq < 0 || !JournalFields.IsValidName(payload[..eq]))
        {
            _problems.Add($"the DATA object at {offset} does not start with a field name and '='");
            return;
        }
        var name = payload[..eq];
        if (name.SequenceEqual(BootIdName)) return; // the ENTRY object's boot id is the one shown, as journalctl does
        var slot = JournalFields.SlotOf(name);
        if (!shared)
        {
            entry.SetBytes(slot, name, payload[(eq + 1)..]);
            return;
        }
        var nameText = slot >= 0 ? JournalFields.Names[slot] : entry.NameOf(name);
        var value = entry.Decode(slot, payload[(eq + 1)..], out var lossy, out var cut);
        var field = new DecodedField(slot, nameText, value, lossy, cut);
        _cache.Add(offset, field);
        entry.SetDecoded(slot, nameText, value, lossy, cut);
    }

    private void Warn(long offset, string message) => _context.Warn(offset, message, kind: PositionKind.Record);

    public void Dispose() => _decompressor.Dispose();
}
