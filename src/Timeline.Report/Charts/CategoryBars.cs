using ScottPlot;

namespace Timeline.Report.Charts;

/// <summary>Horizontal bars for named categories (hosts, rule levels, techniques), largest first, each labelled with its count.</summary>
internal static class CategoryBars
{
    public static void Add(Plot plot, IReadOnlyList<(string Label, double Value, Color Color)> items)
    {
        var bars = new List<Bar>();
        var ticks = new List<Tick>();
        for (var i = 0; i < items.Count; i++)
        {
            var position = items.Count - 1 - i;
            bars.Add(new Bar
            {
                Position = position,
                Value = items[i].Value,
                FillColor = items[i].Color,
                LineWidth = 0,
                Label = items[i].Value.ToString("N0", System.Globalization.CultureInfo.InvariantCulture),
            });
            ticks.Add(new Tick(position, ChartStyle.Label(items[i].Label, 40)));
        }
        var plottable = plot.Add.Bars(bars);
        plottable.Horizontal = true;
        plottable.ValueLabelStyle.FontName = ChartStyle.FontName;
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ticks.ToArray());
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Axes.Margins(left: 0, right: 0.15);
        plot.HideGrid();
    }

    public static int HeightFor(int count) => Math.Clamp(80 + count * 28, 160, 700);
}
