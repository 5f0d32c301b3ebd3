using Timeline.Core.Store;
using Timeline.Core.Events;
using Timeline.Core.Output;
using Timeline.Query.Evaluation;
using Timeline.Query.Fields;
using Timeline.Query.Syntax;

namespace Timeline.Query.Output;

/// <summary>
/// The columns of <c>--fields a,b,c</c>: every name is resolved like a query field (unknown names
/// are an error with suggestions), and each cell is the field's value(s) joined by ", ". The raw
/// text is returned: whoever prints it makes it safe for its medium.
/// </summary>
public sealed class ColumnSet : IEventColumns
{
    private ColumnSet(IReadOnlyList<QueryField> fields)
    {
        Fields = fields;
        Names = fields.Select(f => f.Name).ToList();
    }

    public IReadOnlyList<QueryField> Fields { get; }

    public IReadOnlyList<string> Names { get; }

    public static ColumnSet Parse(string list, FieldCatalog catalog)
    {
        var fields = new List<QueryField>();
        var at = 0;
        foreach (var part in list.Split(','))
        {
            var name = part.Trim();
            if (name.Length == 0) throw new QuerySyntaxException("empty field name in --fields", list, at);
            fields.Add(catalog.Resolve(name, list, at + part.IndexOf(name, StringComparison.Ordinal)));
            at += part.Length + 1;
        }
        return new ColumnSet(fields);
    }

    public string Cell(QueryField field, EventRecord e, EventFindings findings) => field.Kind switch
    {
        FieldKind.Time => TimeText.PositionOf(e, tableStyle: false),
        _ => string.Join(", ", FieldValues.All(field, e, findings)),
    };

    public IReadOnlyList<string?> Cells(EventRecord e, EventFindings findings) => Fields.Select(f => (string?)Cell(f, e, findings)).ToList();
}
