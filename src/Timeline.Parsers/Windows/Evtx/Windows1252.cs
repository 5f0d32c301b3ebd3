using System.Runtime.CompilerServices;
namespace Timeline.Parsers.Windows.Evtx;

/// <summary>
/// Code page 1252, the default for ANSI string values (evtxexport's default too). It is Latin-1 except
/// for 0x80..0x9F; a small table avoids registering a global code-page provider.
/// </summary>
internal static class Windows1252
{
    private const string High = "\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F"
        + "\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178";

    /// <summary>Decodes up to the first NUL.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static string Decode(ReadOnlySpan<byte> data)
    {
        var nul = data.IndexOf((byte)0);
        if (nul >= 0) data = data[..nul];
        return string.Create(data.Length, data.ToArray(), static (chars, bytes) =>
        {
            for (var i = 0; i < bytes.Length; i++)
            {
                var b = bytes[i];
                chars[i] = b is >= 0x80 and <= 0x9F ? High[b - 0x80] : (char)b;
            }
        });
    }
}
