using Xunit;

namespace Timeline.Tests.Support;

/// <summary>
/// Reads RFC 4180 text back into records, strictly: records end with CRLF, quoted cells may hold
/// commas, doubled quotes and line breaks, and an unterminated quote or a last record without its
/// CRLF fails the test. The one CSV reader the tests use to check what our writers produced.
/// </summary>
public static class CsvRecords
{
    public static List<List<string>> Parse(string text)
    {
        var records = new List<List<string>>();
        var record = new List<string>();
        var cell = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { cell.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else cell.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { record.Add(cell.ToString()); cell.Clear(); }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                record.Add(cell.ToString());
                cell.Clear();
                records.Add(record);
                record = [];
                i++;
            }
            else cell.Append(c);
        }
        Assert.False(quoted, "unterminated quoted cell");
        Assert.Empty(record);
        return records;
    }
}
