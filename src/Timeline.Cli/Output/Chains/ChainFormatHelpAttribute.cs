using System.ComponentModel;
using Spectre.Console;

namespace Timeline.Cli.Output.Chains;

/// <summary><c>--help</c> for <c>chain --format</c>, generated from <see cref="ChainFormats"/> (attributes cannot be computed otherwise); help text is Spectre markup, so it is escaped.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ChainFormatHelpAttribute : DescriptionAttribute
{
    public override string Description => Markup.Escape(ChainFormats.Help);
}
