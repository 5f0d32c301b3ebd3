using System.Buffers.Binary;
using System.Globalization;
using System.Net;

namespace Timeline.Parsers.Linux.Audit;

/// <summary>
/// The SOCKADDR record's <c>saddr=</c>: the hex bytes of the <c>struct sockaddr</c> a process passed to
/// connect/bind/sendto. The family is 16-bit in host order (little-endian on x86_64 and aarch64:
/// <c>0200</c> = AF_INET, <c>0A00</c> = AF_INET6, <c>0100</c> = AF_UNIX); the port is big-endian; an IPv4
/// address follows the port, an IPv6 one follows the port and the 32-bit flow info (<c>sockaddr_in6</c>).
/// A Unix socket gives its path. Anything shorter than its family needs gives nothing.
/// </summary>
public static class SocketAddress
{
    public static (string? Ip, string? Port, string? UnixPath) Read(string hex)
    {
        var bytes = AuditValue.TryHexBytes(hex);
        if (bytes is null || bytes.Length < 2) return (null, null, null);
        var family = BinaryPrimitives.ReadUInt16LittleEndian(bytes);
        switch (family)
        {
            case 2 when bytes.Length >= 8:
                return (new IPAddress(bytes.AsSpan(4, 4)).ToString(), Port(bytes), null);
            case 10 when bytes.Length >= 24:
                return (new IPAddress(bytes.AsSpan(8, 16)).ToString(), Port(bytes), null);
            case 1 when bytes.Length > 2:
                var path = bytes.AsSpan(2);
                // An abstract socket starts with NUL; a path ends at the first NUL.
                var end = path.Length > 0 && path[0] == 0 ? path.Length : path.IndexOf((byte)0);
                return (null, null, AuditValue.BytesToText(end < 0 ? path : path[..end]));
            default:
                return (null, null, null);
        }
    }

    private static string Port(byte[] bytes) => BinaryPrimitives.ReadUInt16BigEndian(bytes.AsSpan(2)).ToString(CultureInfo.InvariantCulture);
}
