using System.Security.Cryptography;

namespace Timeline.Core.Ingest;

/// <summary>SHA-256 of the bytes on disk (the compressed bytes for a <c>.gz</c>), lower-case hex.</summary>
public static class FileHasher
{
    public static string Sha256(string path)
    {
        using var stream = EvidenceOpener.OpenRaw(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
