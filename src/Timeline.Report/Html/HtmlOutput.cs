namespace Timeline.Report.Html;

/// <summary>
/// Writes HTML where evidence can only enter encoded: <see cref="Text"/> and attribute values go
/// through <see cref="HtmlText"/>; <see cref="Markup"/> is for the report's own constant markup and
/// must never receive evidence. Tag, class and id names are the report's own constants.
/// </summary>
internal sealed class HtmlOutput(TextWriter writer)
{
    public TextWriter Writer => writer;

    /// <summary>The report's own markup (constants and numbers); never evidence.</summary>
    public HtmlOutput Markup(string trusted)
    {
        writer.Write(trusted);
        return this;
    }

    public HtmlOutput Text(string? evidence, int max = HtmlText.DefaultMax)
    {
        writer.Write(HtmlText.Text(evidence, max));
        return this;
    }

    public HtmlOutput Open(string tag, string? cls = null, string? id = null, params (string Name, string? Value)[] attributes)
    {
        writer.Write('<');
        writer.Write(tag);
        if (id is not null) writer.Write($" id=\"{HtmlText.Attribute(id)}\"");
        if (cls is not null) writer.Write($" class=\"{HtmlText.Attribute(cls)}\"");
        foreach (var (name, value) in attributes)
        {
            if (value is null) continue;
            // Not cut: attribute values are the report's own (anchors, data: URIs); evidence is cut by the caller.
            writer.Write($" {name}=\"{HtmlText.Attribute(value, int.MaxValue)}\"");
        }
        writer.Write('>');
        return this;
    }

    public HtmlOutput Close(string tag)
    {
        writer.Write("</");
        writer.Write(tag);
        writer.Write('>');
        return this;
    }

    /// <summary><c>&lt;tag class&gt;text&lt;/tag&gt;</c> with the text encoded.</summary>
    public HtmlOutput Element(string tag, string? evidence, string? cls = null, int max = HtmlText.DefaultMax) =>
        Open(tag, cls).Text(evidence, max).Close(tag);

    public HtmlOutput Line()
    {
        writer.Write('\n');
        return this;
    }
}
