namespace Timeline.Core.Ingest.Archives;

/// <summary>
/// The decompression-bomb guard of one outer archive: the decompressed bytes of all its members
/// (nested ones included) against the absolute bound and against the compressed bytes read so far
/// (the ratio bound, checked once enough was decompressed for the ratio to mean something).
/// </summary>
public sealed class DecompressionBudget(ArchiveLimits limits, Func<long> compressedRead)
{
    public long Decompressed { get; private set; }

    public void Take(long bytes, string member)
    {
        Decompressed += bytes;
        if (Decompressed > limits.MaxTotalBytes)
            throw new ArchiveBoundException($"decompression bomb refused at member '{member}': the archive decompresses to more than {limits.MaxTotalBytes:N0} bytes");
        if (Decompressed > limits.RatioAfterBytes)
        {
            var compressed = Math.Max(1, compressedRead());
            if (Decompressed / compressed > limits.MaxRatio)
                throw new ArchiveBoundException($"decompression bomb refused at member '{member}': {Decompressed:N0} bytes from {compressed:N0} compressed (ratio over {limits.MaxRatio:N0}:1)");
        }
    }
}
