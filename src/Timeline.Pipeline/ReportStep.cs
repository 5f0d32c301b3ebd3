using System.Diagnostics;
using Timeline.Core.Store;
using Timeline.Report;

namespace Timeline.Pipeline;

/// <summary>
/// Step 4: the report or an export of a case, by format (<see cref="ReportFormats"/>), written
/// through a temporary file that replaces the target only when complete (<see cref="PartialOutputs"/>),
/// never over evidence, the case or a file we did not write (<see cref="OutputGuard"/>).
/// </summary>
public static class ReportStep
{
    /// <summary>The default output: <c>report.&lt;ext&gt;</c> in the folder of a file case (else the current folder).</summary>
    public static string DefaultPath(string caseLocation, string format)
    {
        var writer = Writer(format);
        var folder = Path.GetDirectoryName(Path.GetFullPath(caseLocation)) ?? Directory.GetCurrentDirectory();
        return Path.Combine(folder, "report." + writer.Extension);
    }

    public static ReportResult Write(ICaseStore store, ReportRequest request)
    {
        var writer = Writer(request.Format);
        var target = Path.GetFullPath(request.OutPath ?? DefaultPath(store.Location, request.Format));
        OutputGuard.Check(store, target, request.Force);
        var folder = Path.GetDirectoryName(target);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
            PartialOutputs.RemoveStale(folder);
        }
        var temp = PartialOutputs.PathFor(target);
        var clock = Stopwatch.StartNew();
        try
        {
            using (var file = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
                writer.Write(store, file, new ReportOptions { Cancellation = request.Cancellation });
            File.Move(temp, target, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
        return new ReportResult(writer.Format, target, new FileInfo(target).Length, clock.Elapsed);
    }

    /// <summary>Writes the report to a stream the caller owns (standard output).</summary>
    public static void Write(ICaseStore store, Stream output, ReportRequest request) =>
        Writer(request.Format).Write(store, output, new ReportOptions { Cancellation = request.Cancellation });

    private static IReportWriter Writer(string format) =>
        ReportFormats.Find(format) ?? throw new ArgumentException($"unknown report format '{format}'", nameof(format));
}
