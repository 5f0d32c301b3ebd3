using System.Diagnostics;
using System.Globalization;
using Timeline.Report;

namespace Timeline.Pipeline;

/// <summary>
/// Reports are written to <c>&lt;target&gt;.partial-&lt;pid&gt;</c> in the target's folder and moved
/// over the target when complete, so a reader never sees half a report. A cancelled write deletes
/// its partial; a killed process cannot, so every write first removes the partials of processes
/// that no longer run (only files with our name pattern whose content is an output of ours or empty).
/// </summary>
public static class PartialOutputs
{
    public const string Infix = ".partial-";

    public static string PathFor(string target) =>
        target + Infix + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);

    /// <summary>Deletes stale partials in <paramref name="folder"/>; returns how many.</summary>
    public static int RemoveStale(string folder)
    {
        if (!Directory.Exists(folder)) return 0;
        var removed = 0;
        foreach (var path in Directory.EnumerateFiles(folder, "*" + Infix + "*"))
        {
            var name = Path.GetFileName(path);
            var at = name.LastIndexOf(Infix, StringComparison.Ordinal);
            if (!int.TryParse(name.AsSpan(at + Infix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)) continue;
            if (pid == Environment.ProcessId || Running(pid)) continue;
            try
            {
                if (!PreviousOutput.Is(path)) continue;
                File.Delete(path);
                removed++;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Another process's file we cannot remove: left as it is.
            }
        }
        return removed;
    }

    private static bool Running(int pid)
    {
        try
        {
            using var p = Process.GetProcessById(pid);
            return !p.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
