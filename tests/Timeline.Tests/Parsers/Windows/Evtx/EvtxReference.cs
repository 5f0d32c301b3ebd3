using System.Diagnostics;
using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace Timeline.Tests.Parsers.Windows.Evtx;

/// <summary>
/// What the reference parser libevtx says about a file: <c>evtxexport -f xml FILE</c> prints a banner
/// line, then one XML document per record:
/// <code>
/// evtxexport 20181227
///
/// &lt;Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event"&gt;
///   &lt;System&gt; ... &lt;TimeCreated SystemTime="2026-04-20T10:00:35.646624200Z"/&gt; ... &lt;/System&gt;
///   &lt;EventData&gt; &lt;Data Name="RuleName"&gt;-&lt;/Data&gt; ... &lt;/EventData&gt;
/// &lt;/Event&gt;
/// </code>
/// Failures are reported on stderr ("Unable to export file.") after the records exported so far.
/// </summary>
internal sealed record EvtxReference(IReadOnlyList<ReferenceRecord> Records, bool Failed, string Error)
{
    public static string? ToolPath()
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':'))
        {
            var candidate = Path.Combine(dir, "evtxexport");
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }

    public static EvtxReference Export(string tool, string file)
    {
        var info = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add("-f");
        info.ArgumentList.Add("xml");
        info.ArgumentList.Add(file);
        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        var error = stderr.GetAwaiter().GetResult();
        return new EvtxReference(Parse(stdout), process.ExitCode != 0 || error.Contains("Unable to export", StringComparison.Ordinal), error.Trim());
    }

    private static List<ReferenceRecord> Parse(string output)
    {
        var records = new List<ReferenceRecord>();
        var start = output.IndexOf("<Event", StringComparison.Ordinal);
        if (start < 0) return records;
        var settings = new XmlReaderSettings { CheckCharacters = false, ConformanceLevel = ConformanceLevel.Fragment };
        using var reader = XmlReader.Create(new StringReader(output[start..]), settings);
        reader.MoveToContent();
        while (!reader.EOF)
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "Event")
            {
                records.Add(ReferenceRecord.From((XElement)XNode.ReadFrom(reader)));
                continue;
            }
            reader.Read();
        }
        return records;
    }
}

/// <summary>One record as evtxexport renders it, reduced to the values the comparison checks.</summary>
internal sealed record ReferenceRecord(Dictionary<string, string> System, List<KeyValuePair<string, string>> Data)
{
    public static ReferenceRecord From(XElement e)
    {
        var system = new Dictionary<string, string>(StringComparer.Ordinal);
        var sys = Child(e, "System");
        if (sys is not null)
        {
            foreach (var child in sys.Elements())
            {
                var name = child.Name.LocalName;
                foreach (var a in child.Attributes())
                {
                    var key = (name, a.Name.LocalName) switch
                    {
                        ("Provider", "Name") => "Provider",
                        ("Provider", "Guid") => "ProviderGuid",
                        ("Provider", "EventSourceName") => "EventSourceName",
                        ("EventID", "Qualifiers") => "EventIDQualifiers",
                        ("TimeCreated", "SystemTime") => "TimeCreated",
                        ("Correlation", var n) => n,
                        ("Execution", var n) => n,
                        ("Security", "UserID") => "UserID",
                        _ => null,
                    };
                    if (key is not null && a.Value.Length > 0) system[key] = a.Value;
                }
                if (!child.HasElements && child.Value.Length > 0 && name is "EventID" or "Version" or "Level" or "Task" or "Opcode" or "Keywords" or "EventRecordID" or "Channel" or "Computer")
                    system[name] = child.Value;
            }
        }
        var data = new List<KeyValuePair<string, string>>();
        var unnamed = 0;
        foreach (var section in e.Elements().Where(x => x.Name.LocalName is "EventData" or "UserData"))
        {
            foreach (var leaf in section.Descendants().Where(d => !d.HasElements))
            {
                string name;
                if (leaf.Name.LocalName == "Data")
                {
                    var attr = leaf.Attribute("Name")?.Value;
                    name = string.IsNullOrEmpty(attr) ? "Data" + (++unnamed).ToString(CultureInfo.InvariantCulture) : attr;
                }
                else name = leaf.Name.LocalName;
                var index = data.FindIndex(p => p.Key == name);
                var value = leaf.Value;
                if (index < 0) data.Add(new(name, value));
                else if (value.Length > 0) data[index] = new(name, data[index].Value.Length == 0 ? value : data[index].Value + ", " + value);
            }
        }
        return new ReferenceRecord(system, data);
    }

    private static XElement? Child(XElement e, string name) => e.Elements().FirstOrDefault(x => x.Name.LocalName == name);
}
