using System.Net;
using Timeline.Core.Events;
using Timeline.Core.Vocabulary;

namespace Timeline.Parsers.Linux.LoginRecords;

/// <summary>
/// Where a login came from, from a record's host text and (utmp) its <c>ut_addr_v6</c>: the address
/// field wins for <c>src_ip</c> (IPv4 when only its first word is set, IPv6 otherwise; all zero = none),
/// else the host text when it is an address; a host text that is a name goes to <c>src_host</c>, an X
/// display (<c>:0</c>, <c>:0.0</c>) to <c>display</c>. Addresses are only taken from strict shapes
/// (dotted quad, or text with a colon that parses as IPv6): .NET would read <c>"1"</c> as 0.0.0.1.
/// </summary>
public static class LoginSource
{
    public static void Set(FieldSet fields, string host, ReadOnlySpan<byte> address)
    {
        var ip = FromAddressField(address);
        var hostIp = AsAddress(host);
        fields.Set(FieldNames.SrcIp, ip ?? hostIp);
        if (host.Length == 0 || hostIp is not null) return;
        fields.Set(host.StartsWith(':') ? LoginRecordFields.Display : FieldNames.SrcHost, host);
    }

    /// <summary>The address of a 16-byte <c>ut_addr_v6</c> (network order), or null when all zero.</summary>
    public static string? FromAddressField(ReadOnlySpan<byte> address)
    {
        if (address.Length != 16 || address.IndexOfAnyExcept((byte)0) < 0) return null;
        return address[4..].IndexOfAnyExcept((byte)0) < 0
            ? new IPAddress(address[..4]).ToString()
            : new IPAddress(address).ToString();
    }

    /// <summary>
    /// The text as a normalised address when it is strictly one, else null. A dotted quad is four
    /// decimal numbers 0–255 as <c>inet_ntop</c> writes them: a part with a leading zero
    /// (<c>092.0.2.10</c>) is not one — <c>inet_aton</c> and .NET read it as octal (<c>010</c> = 8, and
    /// <c>092</c> is no number), other tools as decimal — so such text stays the host text as written.
    /// </summary>
    public static string? AsAddress(string text)
    {
        if (text.Length is 0 or > 64) return null;
        if (text.Contains(':'))
        {
            return IPAddress.TryParse(text, out var v6) && v6.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? v6.ToString() : null;
        }
        var parts = text.Split('.');
        if (parts.Length != 4) return null;
        var bytes = new byte[4];
        for (var i = 0; i < 4; i++)
        {
            var part = parts[i];
            if (part.Length is 0 or > 3 || !part.All(char.IsAsciiDigit) || (part.Length > 1 && part[0] == '0')) return null;
            var value = int.Parse(part, System.Globalization.CultureInfo.InvariantCulture);
            if (value > 255) return null;
            bytes[i] = (byte)value;
        }
        return new IPAddress(bytes).ToString();
    }
}
