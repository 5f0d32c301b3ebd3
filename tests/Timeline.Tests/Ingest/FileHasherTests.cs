using System.Diagnostics;
using System.Security.Cryptography;
using Timeline.Core.Ingest;
using Timeline.Tests.Support;
using Xunit;

namespace Timeline.Tests.Ingest;

public sealed class FileHasherTests
{
    [Fact]
    public void HashesExactlyTheGivenLength()
    {
        var path = Path.Combine(Some.TempDir(), "grows.log");
        File.WriteAllText(path, "first part\nappended later\n");
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData("first part\n"u8)), FileHasher.Sha256(path, 11, CancellationToken.None));
    }

    [Fact]
    public void CancellationStopsHashingAHugeFilePromptly()
    {
        var path = Path.Combine(Some.TempDir(), "huge.img");
        using (var f = File.Create(path)) f.SetLength(64L * 1024 * 1024 * 1024); // sparse: 64 GiB of zeros, minutes to hash
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var clock = Stopwatch.StartNew();
        Assert.ThrowsAny<OperationCanceledException>(() => FileHasher.Sha256(path, new FileInfo(path).Length, cancel.Token));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"hashing stopped {clock.Elapsed.TotalSeconds:N1} s after the start");
        File.Delete(path);
    }
}
