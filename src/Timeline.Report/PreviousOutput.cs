using System.Text;

namespace Timeline.Report;

/// <summary>
/// Recognises a file that a report writer of ours wrote, by its first bytes, so a new report may
/// replace it without <c>--force</c> while any other file (evidence, a document, a case) is refused.
/// The marks are what every output starts with anyway, so the outputs carry no extra bytes:
/// HTML: the <c>&lt;meta name="generator" content="Timeline"&gt;</c> in its head; CSV: the header of
/// the event columns; JSONL: the event contract's first keys; Timesketch: a first line with our
/// <c>data_type</c> prefix. An empty file holds nothing to lose and counts as replaceable.
/// </summary>
public static class PreviousOutput
{
    private const int HeadBytes = 4096;

    public static bool Is(string path)
    {
        var head = new byte[HeadBytes];
        int n;
        using (var f = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
            n = f.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        if (n == 0) return true;
        var text = Encoding.UTF8.GetString(head, 0, n);
        var firstLine = text.Split('\n', 2)[0];
        return (text.StartsWith("<!DOCTYPE html>", StringComparison.Ordinal) && text.Contains("<meta name=\"generator\" content=\"Timeline\">", StringComparison.Ordinal))
            || firstLine.TrimEnd('\r') == "id,time,timeQuality,host,parser,message,fields,rules,phase,file,sha256,position"
            || (firstLine.StartsWith("{\"id\":\"", StringComparison.Ordinal) && firstLine.Contains("\",\"timeQuality\":\"", StringComparison.Ordinal))
            || (firstLine.StartsWith("{\"message\":", StringComparison.Ordinal) && firstLine.Contains("\"data_type\":\"timeline:", StringComparison.Ordinal));
    }
}
