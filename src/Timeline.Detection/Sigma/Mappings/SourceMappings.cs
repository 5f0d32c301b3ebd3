using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Timeline.Detection.Sigma.Mappings;

/// <summary>
/// All parser mappings, loaded from a directory tree whose relative paths mirror parser names
/// (<c>linux/auth.yml</c> ↔ <c>linux/auth</c>). A broken mapping file throws: it is our own data.
/// </summary>
public sealed class SourceMappings
{
    private readonly Dictionary<string, SourceMapping> _byParser;

    public SourceMappings(IEnumerable<SourceMapping> mappings) =>
        _byParser = mappings.ToDictionary(m => m.Parser, StringComparer.Ordinal);

    public IReadOnlyCollection<SourceMapping> All => _byParser.Values;

    public SourceMapping? For(string parser) => _byParser.GetValueOrDefault(parser);

    public static SourceMappings Load(string directory)
    {
        var list = new List<SourceMapping>();
        foreach (var file in Directory.EnumerateFiles(directory, "*.yml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = System.IO.Path.GetRelativePath(directory, file).Replace('\\', '/');
            var expected = relative[..^4];
            list.Add(LoadFile(file, File.ReadAllText(file), expected));
        }
        return new SourceMappings(list);
    }

    /// <summary>Reads one mapping document. The <c>parser:</c> key must equal <paramref name="expectedParser"/> when given.</summary>
    public static SourceMapping LoadFile(string path, string yaml, string? expectedParser = null)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException ex)
        {
            throw new InvalidDataException($"{path}:{ex.Start.Line}: {ex.Message}", ex);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            // YamlDotNet reports a duplicate key of a mapping (and some alias misuse) this way, not as a YamlException.
            throw new InvalidDataException($"{path}: {ex.Message}", ex);
        }
        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode root)
            throw new InvalidDataException($"{path}: a mapping file holds one map");
        var parser = YamlText.ChildText(root, "parser") ?? throw new InvalidDataException($"{path}: missing 'parser'");
        if (expectedParser is not null && parser != expectedParser)
            throw new InvalidDataException($"{path}: parser '{parser}' does not match the file path ('{expectedParser}')");
        var baseFields = ReadFields(YamlText.Child(root, "fields"));
        var derived = new Dictionary<string, string>(StringComparer.Ordinal);
        if (YamlText.Child(root, "derived") is YamlMappingNode d)
        {
            foreach (var (k, v) in d.Children)
            {
                var source = v is YamlMappingNode spec ? YamlText.ChildText(spec, "first_token_of") : null;
                derived[YamlText.KeyText(k)] = source ?? throw new InvalidDataException($"{path}:{YamlText.Line(v)}: derived fields support only 'first_token_of'");
            }
        }
        var keywords = YamlText.List(YamlText.Child(root, "keywords"));
        var entries = new List<SourceMappingEntry>();
        if (YamlText.Child(root, "logsources") is not YamlSequenceNode sources)
            throw new InvalidDataException($"{path}: missing 'logsources' list");
        foreach (var node in sources.Children.OfType<YamlMappingNode>())
        {
            var when = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
            if (YamlText.Child(node, "when") is YamlMappingNode w)
                foreach (var (k, v) in w.Children) when[YamlText.KeyText(k)] = YamlText.List(v);
            var fields = new Dictionary<string, string>(baseFields, StringComparer.Ordinal);
            foreach (var (k, v) in ReadFields(YamlText.Child(node, "fields"))) fields[k] = v;
            entries.Add(new SourceMappingEntry
            {
                LogSource = new LogSource(YamlText.ChildText(node, "product"), YamlText.ChildText(node, "category"), YamlText.ChildText(node, "service")),
                When = when,
                Fields = fields,
            });
        }
        return new SourceMapping
        {
            Parser = parser,
            LogSources = entries,
            FirstTokenOf = derived,
            KeywordsSearchFields = keywords.Contains("fields"),
            Path = path,
        };
    }

    private static Dictionary<string, string> ReadFields(YamlNode? node)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        if (node is YamlMappingNode map)
            foreach (var (k, v) in map.Children)
                if (YamlText.Scalar(v) is { } native) fields[YamlText.KeyText(k)] = native;
        return fields;
    }
}
