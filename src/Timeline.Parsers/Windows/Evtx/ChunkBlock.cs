namespace Timeline.Parsers.Windows.Evtx;

/// <summary>The raw bytes of one 64 KiB chunk slot (a pooled buffer; shorter at a truncated end).</summary>
internal sealed record ChunkBlock(byte[] Buffer, int Length, int Index, long FileOffset);
