namespace Timeline.Parsers.Live.Systemctl;

/// <summary>
/// The header of a systemctl table and where its columns start. systemctl left-aligns every cell
/// under its header word and sizes columns to the widest cell, so a row is cut at the header's
/// column starts (descriptions and timer times contain spaces). The first two characters of a
/// list-units row hold the <c>●</c> (or <c>*</c>) mark of a failed or not-found unit.
/// </summary>
public sealed record SystemctlColumns(bool Timers, int[] Starts, string[] Names)
{
    private static readonly string[] UnitHeader = ["UNIT", "LOAD", "ACTIVE", "SUB", "DESCRIPTION"];
    private static readonly string[] TimerHeader = ["NEXT", "LEFT", "LAST", "PASSED", "UNIT", "ACTIVATES"];

    public static SystemctlColumns? TryRead(string line)
    {
        var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        bool units = words.SequenceEqual(UnitHeader), timers = words.SequenceEqual(TimerHeader);
        if (!units && !timers) return null;
        var starts = new int[words.Length];
        var from = 0;
        for (var i = 0; i < words.Length; i++)
        {
            starts[i] = line.IndexOf(words[i], from, StringComparison.Ordinal);
            from = starts[i] + words[i].Length;
        }
        // list-units: the mark column sits before UNIT; the unit cell starts at the row's first word.
        if (units) starts[0] = 0;
        return new SystemctlColumns(timers, starts, words);
    }

    /// <summary>The cells of a row, trimmed; null when the row is shorter than the last column's start.</summary>
    public string[]? Cells(string row)
    {
        if (row.Length <= Starts[^1]) return null;
        var cells = new string[Starts.Length];
        for (var i = 0; i < Starts.Length; i++)
        {
            var end = i + 1 < Starts.Length ? Starts[i + 1] : row.Length;
            cells[i] = row[Starts[i]..end].Trim();
        }
        return cells;
    }
}
