using System.Diagnostics;
using System.Formats.Tar;
using System.IO.Compression;
using System.Text;

namespace Timeline.Tests.Ingest.Archives;

/// <summary>Builds test archives in the test (no committed binaries): tar with System.Formats.Tar, zip with ZipArchive, gzip in-box, zstd with SharpCompress, xz with the xz tool (no .NET xz writer).</summary>
public static class ArchiveBuilder
{
    public static readonly DateTimeOffset MemberTime = new(2024, 3, 2, 12, 0, 0, TimeSpan.Zero);

    public static byte[] Tar(params (string Name, string Content)[] members) => Tar(members.Select(m => (m.Name, Encoding.UTF8.GetBytes(m.Content))).ToArray());

    public static byte[] Tar(params (string Name, byte[] Content)[] members)
    {
        var ms = new MemoryStream();
        using (var tar = new TarWriter(ms, TarEntryFormat.Pax, leaveOpen: true))
        {
            foreach (var (name, content) in members)
            {
                var entry = new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(content), ModificationTime = MemberTime };
                tar.WriteEntry(entry);
            }
        }
        return ms.ToArray();
    }

    public static byte[] Gzip(byte[] data)
    {
        var ms = new MemoryStream();
        using (var gz = new GZipStream(ms, CompressionLevel.Fastest, leaveOpen: true)) gz.Write(data);
        return ms.ToArray();
    }

    public static byte[] Zstd(byte[] data)
    {
        var ms = new MemoryStream();
        using (var z = new SharpCompress.Compressors.ZStandard.CompressionStream(ms, 3, leaveOpen: true)) z.Write(data);
        return ms.ToArray();
    }

    /// <summary>xz has no .NET writer in the packages we use: the xz tool (xz-utils, installed by .ci/run).</summary>
    public static byte[] Xz(byte[] data)
    {
        var psi = new ProcessStartInfo("xz", "-z -c -T1") { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        using var p = Process.Start(psi)!;
        var output = new MemoryStream();
        var reader = p.StandardOutput.BaseStream.CopyToAsync(output);
        p.StandardInput.BaseStream.Write(data);
        p.StandardInput.Close();
        reader.Wait();
        p.WaitForExit();
        return output.ToArray();
    }

    public static byte[] Zip(params (string Name, string Content)[] members) => Zip(members.Select(m => (m.Name, Encoding.UTF8.GetBytes(m.Content))).ToArray());

    public static byte[] Zip(params (string Name, byte[] Content)[] members) => Zip(streamed: false, members);

    /// <summary>
    /// streamed: written to a stream that cannot seek, as a collector writing to a pipe or socket does — each member's
    /// sizes then follow its data in a data descriptor instead of standing in its local header.
    /// </summary>
    public static byte[] Zip(bool streamed, params (string Name, byte[] Content)[] members)
    {
        var ms = new MemoryStream();
        using (var zip = new ZipArchive(streamed ? new ForwardOnlyStream(ms) : ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in members)
            {
                var entry = zip.CreateEntry(name);
                entry.LastWriteTime = MemberTime;
                using var s = entry.Open();
                s.Write(content);
            }
        }
        return ms.ToArray();
    }

    private sealed class ForwardOnlyStream(Stream inner) : Stream
    {
        private long _written;
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _written; set => throw new NotSupportedException(); }
        public override void Flush() => inner.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count)
        {
            inner.Write(buffer, offset, count);
            _written += count;
        }
    }

    /// <summary>Sets the "encrypted" flag (general purpose bit 0) of every entry, in the local headers and the central directory.</summary>
    public static byte[] MarkEncrypted(byte[] zip)
    {
        var bytes = (byte[])zip.Clone();
        for (var i = 0; i + 4 < bytes.Length; i++)
        {
            if (bytes[i] != 'P' || bytes[i + 1] != 'K') continue;
            if (bytes[i + 2] == 3 && bytes[i + 3] == 4) bytes[i + 6] |= 1;
            else if (bytes[i + 2] == 1 && bytes[i + 3] == 2) bytes[i + 8] |= 1;
        }
        return bytes;
    }
}
