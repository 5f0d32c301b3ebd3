namespace Timeline.Query.Evaluation;

/// <summary>
/// How a word or phrase matches a value, as Timesketch's analysed fields do: case-insensitive, at
/// word boundaries. <c>root</c> matches <c>root</c> and <c>sudo root</c> but not <c>rootkit</c>;
/// <c>xmrig</c> matches <c>/tmp/.x/xmrig -o pool</c>; <c>203.0.113.45</c> does not match
/// <c>203.0.113.450</c>. A boundary is the start or end of the value or any character that is not a
/// letter or digit.
/// </summary>
public static class TextMatch
{
    public static bool Contains(string value, string needle)
    {
        if (needle.Length == 0) return value.Length == 0;
        var from = 0;
        while (from <= value.Length - needle.Length)
        {
            var at = value.IndexOf(needle, from, StringComparison.OrdinalIgnoreCase);
            if (at < 0) return false;
            var end = at + needle.Length;
            var startOk = at == 0 || !char.IsLetterOrDigit(value[at - 1]) || !char.IsLetterOrDigit(needle[0]);
            var endOk = end == value.Length || !char.IsLetterOrDigit(value[end]) || !char.IsLetterOrDigit(needle[^1]);
            if (startOk && endOk) return true;
            from = at + 1;
        }
        return false;
    }
}
