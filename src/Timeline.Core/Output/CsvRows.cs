using System.Text;
using Timeline.Core.Events;
using Timeline.Core.Store;

namespace Timeline.Core.Output;

/// <summary>
/// Events as RFC 4180 CSV (<see cref="CsvText"/>: CRLF, UTF-8 without BOM, formula injection
/// neutralised): a header of the column names, then one row per event.
/// </summary>
public sealed class CsvRows : IEventRowFormat
{
    public string Name => "csv";
    public string Description => "one CSV row per event (RFC 4180, safe to open in a spreadsheet)";

    public IEventRowWriter Open(Stream output, IEventColumns columns) => new Writer(output, columns);

    private sealed class Writer : IEventRowWriter
    {
        private readonly StreamWriter _out;
        private readonly IEventColumns _columns;

        public Writer(Stream output, IEventColumns columns)
        {
            _out = new StreamWriter(output, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\r\n" };
            _columns = columns;
            _out.WriteLine(CsvText.Row(columns.Names));
        }

        public void Write(EventRecord e, EventFindings findings) => _out.WriteLine(CsvText.Row(_columns.Cells(e, findings)));

        public void Dispose() => _out.Dispose();
    }
}
