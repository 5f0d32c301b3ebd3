using System.Security.Cryptography;

namespace Timeline.Core.Ingest.Archives;

/// <summary>
/// One member's bytes, copied once from the archive stream while hashing them (SHA-256), so the
/// parsers can open the content more than once (year pre-scan, then the parse). Up to
/// <see cref="ArchiveLimits.SpoolMemoryBytes"/> it stays in memory; beyond, it goes to the private
/// temporary folder (the archive reader has charged every byte to the <see cref="DecompressionBudget"/>).
/// </summary>
public sealed class MemberSpool : IDisposable
{
    private const int ChunkBytes = 1 << 16;
    private byte[]? _memory;
    private string? _file;

    public string Sha256 { get; }
    public long Length { get; }

    private MemberSpool(byte[]? memory, string? file, string sha, long length)
    {
        _memory = memory;
        _file = file;
        Sha256 = sha;
        Length = length;
    }

    public static MemberSpool Copy(Stream content, ArchiveLimits limits, PrivateTempFolder temp, CancellationToken cancellation)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[ChunkBytes];
        var memory = new MemoryStream();
        FileStream? spill = null;
        string? file = null;
        long length = 0;
        try
        {
            int n;
            while ((n = content.Read(buffer, 0, buffer.Length)) > 0)
            {
                cancellation.ThrowIfCancellationRequested();
                hash.AppendData(buffer, 0, n);
                length += n;
                if (spill is null && memory.Length + n > limits.SpoolMemoryBytes)
                {
                    file = temp.NewFile();
                    spill = new FileStream(file, FileMode.CreateNew, FileAccess.Write, FileShare.None, ChunkBytes);
                    memory.Position = 0;
                    memory.CopyTo(spill);
                    memory = new MemoryStream();
                }
                if (spill is not null) spill.Write(buffer, 0, n);
                else memory.Write(buffer, 0, n);
            }
            spill?.Dispose();
            return new MemberSpool(spill is null ? memory.ToArray() : null, file, Convert.ToHexStringLower(hash.GetHashAndReset()), length);
        }
        catch
        {
            spill?.Dispose();
            if (file is not null) File.Delete(file);
            throw;
        }
    }

    /// <summary>The content from the start, read-only (seekable: a nested zip is read through it).</summary>
    public Stream Open()
    {
        if (_memory is not null) return new MemoryStream(_memory, writable: false);
        if (_file is not null) return new FileStream(_file, FileMode.Open, FileAccess.Read, FileShare.Read, ChunkBytes, FileOptions.SequentialScan);
        throw new ObjectDisposedException(nameof(MemberSpool));
    }

    public void Dispose()
    {
        _memory = null;
        if (_file is not null)
        {
            try { File.Delete(_file); } catch (IOException) { }
            _file = null;
        }
    }
}
