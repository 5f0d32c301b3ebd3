using System.ComponentModel;
using Spectre.Console;
using Timeline.Core.Output;

namespace Timeline.Cli.Output;

/// <summary>
/// The formats of <c>query --format</c>: the terminal <c>table</c> and every machine row format of
/// the catalog (<see cref="EventRowFormats"/>) — adding a row format is adding its file.
/// </summary>
public static class QueryFormats
{
    public const string Table = "table";

    public static IReadOnlyList<string> Names => [Table, .. EventRowFormats.Names];

    public static bool Exists(string name) => name == Table || EventRowFormats.Find(name) is not null;

    public static string Help =>
        string.Join("; ", Names.Select(n => n + ": " + (n == Table ? EventTable.Description : EventRowFormats.Find(n)!.Description))) + ".";
}

/// <summary><c>--help</c> for <c>query --format</c>, generated from <see cref="QueryFormats"/> (attributes cannot be computed otherwise); help text is Spectre markup, so it is escaped.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class QueryFormatHelpAttribute : DescriptionAttribute
{
    public override string Description => Markup.Escape(QueryFormats.Help);
}
