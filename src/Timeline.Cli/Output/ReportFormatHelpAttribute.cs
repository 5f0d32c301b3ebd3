using System.ComponentModel;
using Spectre.Console;
using Timeline.Report;

namespace Timeline.Cli.Output;

/// <summary><c>--help</c> for <c>report --format</c>, generated from the writers' catalog (<see cref="ReportFormats"/>).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ReportFormatHelpAttribute : DescriptionAttribute
{
    public override string Description => Markup.Escape(ReportFormats.Help);
}
