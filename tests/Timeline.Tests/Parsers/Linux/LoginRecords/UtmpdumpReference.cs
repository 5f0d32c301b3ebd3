using System.Diagnostics;
using System.Globalization;
using Timeline.Tests.Support;

namespace Timeline.Tests.Parsers.Linux.LoginRecords;

/// <summary>
/// util-linux's <c>utmpdump</c> (Debian package util-linux, essential: on every Debian machine and in
/// CI) as the reference reader of 384-byte files: one line per record,
/// <c>[type] [pid] [id] [user] [line] [host] [address] [time]</c>, strings padded with spaces and
/// non-printable bytes shown as <c>?</c>.
/// </summary>
public static class UtmpdumpReference
{
    public sealed record Line(int Type, int Pid, string Id, string User, string Tty, string Host, string Address, DateTimeOffset Time);

    public static string? Tool() => ContinuousIntegration.RequireTool("/usr/bin/utmpdump", "util-linux");

    public static IReadOnlyList<Line> Read(string tool, string file)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(file);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.StandardError.ReadToEnd();
        process.WaitForExit();
        var lines = new List<Line>();
        foreach (var text in output.Split('\n'))
        {
            if (!text.StartsWith('[')) continue;
            var cells = text.TrimEnd().TrimStart('[').TrimEnd(']').Split("] [");
            // The time: 2026-11-30T03:15:02,118760+00:00 (microseconds after the comma).
            var time = DateTimeOffset.ParseExact(cells[7].Replace(',', '.'), "yyyy-MM-dd'T'HH:mm:ss.ffffffzzz", CultureInfo.InvariantCulture);
            lines.Add(new Line(int.Parse(cells[0], CultureInfo.InvariantCulture), int.Parse(cells[1], CultureInfo.InvariantCulture),
                cells[2].TrimEnd(), cells[3].TrimEnd(), cells[4].TrimEnd(), cells[5].TrimEnd(), cells[6].TrimEnd(), time));
        }
        return lines;
    }
}
