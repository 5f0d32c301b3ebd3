namespace Timeline.Core.Events;

/// <summary>Event ids are <c>&lt;12 hex of file SHA-256&gt;-&lt;position&gt;</c>, e.g. <c>3f9a1c0d2b7e-42</c>.</summary>
public static class EventIds
{
    public const int HashPrefixLength = 12;

    public static string Make(string sha256, long position) =>
        string.Concat(sha256.AsSpan(0, Math.Min(HashPrefixLength, sha256.Length)), "-", position.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public static bool TryParse(string id, out string hashPrefix, out long position)
    {
        hashPrefix = "";
        position = 0;
        var dash = id.LastIndexOf('-');
        if (dash <= 0) return false;
        hashPrefix = id[..dash];
        return long.TryParse(id.AsSpan(dash + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out position);
    }
}
