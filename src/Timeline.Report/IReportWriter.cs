using Timeline.Core.Store;

namespace Timeline.Report;

/// <summary>
/// One output format of <c>timeline report</c>. To add a format: write one class implementing this
/// interface with a public parameterless constructor in <c>Timeline.Report</c>; it is found by
/// <see cref="ReportFormats"/> (no list to edit) and <c>--format</c> accepts its <see cref="Format"/>.
/// </summary>
public interface IReportWriter
{
    /// <summary>The name given to <c>--format</c>, lower case, e.g. <c>html</c>.</summary>
    string Format { get; }

    /// <summary>The file name extension of the output, without the dot, e.g. <c>html</c>, <c>jsonl</c>.</summary>
    string Extension { get; }

    /// <summary>One line for <c>--help</c>.</summary>
    string Description { get; }

    /// <summary>
    /// Writes the report of the case to <paramref name="output"/> (left open). Reads the store only.
    /// Every string that came from evidence is encoded for the output's context.
    /// </summary>
    void Write(ICaseStore store, Stream output, ReportOptions options);
}
