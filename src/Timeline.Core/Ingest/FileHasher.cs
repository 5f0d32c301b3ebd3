using System.Security.Cryptography;
using Timeline.Core.Limits;

namespace Timeline.Core.Ingest;

/// <summary>SHA-256 of the bytes on disk (the compressed bytes for a <c>.gz</c>), lower-case hex.</summary>
public static class FileHasher
{
    /// <summary>The whole file as it is now.</summary>
    public static string Sha256(string path) => Sha256(path, long.MaxValue, CancellationToken.None);

    /// <summary>
    /// The first <paramref name="length"/> bytes (the length taken when the file was opened: the bytes
    /// that will be parsed), read in chunks with a cancellation check between them.
    /// </summary>
    public static string Sha256(string path, long length, CancellationToken cancellation)
    {
        using var stream = new BoundedEvidenceStream(EvidenceOpener.OpenRaw(path), length, cancellation);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[Bounds.HashChunkBytes];
        int n;
        while ((n = stream.Read(buffer)) > 0) hash.AppendData(buffer, 0, n);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
