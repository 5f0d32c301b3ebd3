using Timeline.Core.Vocabulary;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using Timeline.Core.Limits;
using Timeline.Detection.Sigma.Correlations;
using Timeline.Detection.Sigma.Modifiers;

namespace Timeline.Detection.Sigma;

/// <summary>
/// Loads Sigma rules from files and directories (recursively, <c>.yml</c>/<c>.yaml</c>). YAML is read
/// schemaless with <see cref="YamlStream"/>, one file may hold several documents (correlations with their
/// base rules, legacy <c>action: global</c> collections). Every failing document becomes a
/// <see cref="RuleLoadError"/> with file, line, reason and feature; nothing is skipped silently.
/// Rule files are untrusted input: their size, YAML depth and node count (aliases expanded), the
/// values and regexes per rule and the condition depth are bounded (<see cref="Bounds"/>; feature
/// <c>bounds:…</c>), so a hostile rule costs an error, never the process.
/// </summary>
public static class RuleLoader
{
    /// <summary>Loads every rule file under the given files or directories.</summary>
    public static RuleSet Load(IEnumerable<string> paths, RuleLoadOptions? options = null)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
                files.AddRange(Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                    .Where(IsRuleFile).Order(StringComparer.Ordinal));
            else files.Add(path);
        }
        var builder = new Builder(options ?? new RuleLoadOptions());
        foreach (var file in files)
        {
            string text;
            try
            {
                var size = new FileInfo(file).Length;
                if (size > Bounds.RuleFileBytes)
                {
                    builder.Fail(file, 0, TooLarge(size), "bounds:file-size");
                    builder.Files++;
                    continue;
                }
                text = File.ReadAllText(file);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                builder.Fail(file, 0, "cannot read file: " + ex.Message, "io");
                builder.Files++;
                continue;
            }
            builder.AddFile(file, text);
        }
        return builder.Finish();
    }

    /// <summary>Loads rules from YAML text (one or more documents), reporting errors under <paramref name="path"/>.</summary>
    public static RuleSet LoadText(string yaml, string path = "inline.yml", RuleLoadOptions? options = null)
    {
        var builder = new Builder(options ?? new RuleLoadOptions());
        builder.AddFile(path, yaml);
        return builder.Finish();
    }

    private static string TooLarge(long bytes) =>
        $"rule file is {bytes:N0} bytes; files over {Bounds.RuleFileBytes:N0} bytes are not read (the largest SigmaHQ rule is ~300 KB)";

    private static bool IsRuleFile(string path) =>
        path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase);

    private sealed class Builder(RuleLoadOptions options)
    {
        private readonly List<SigmaRule> _rules = [];
        private readonly List<CorrelationRule> _correlations = [];
        private readonly List<RuleLoadError> _errors = [];
        private readonly Matching.MatchDiagnostics _diagnostics = options.NewDiagnostics();
        private readonly List<string> _warnings = [];

        public int Files { get; set; }

        public void Fail(string path, int line, string reason, string feature) => _errors.Add(new RuleLoadError(path, line, reason, feature));

        public void AddFile(string path, string text)
        {
            Files++;
            var bytes = System.Text.Encoding.UTF8.GetByteCount(text);
            if (bytes > Bounds.RuleFileBytes)
            {
                Fail(path, 0, TooLarge(bytes), "bounds:file-size");
                return;
            }
            if (YamlSizeCheck.Check(text) is { } tooBig)
            {
                Fail(path, tooBig.Line, tooBig.Reason, "bounds:yaml");
                return;
            }
            var stream = new YamlStream();
            try
            {
                stream.Load(new StringReader(text));
            }
            catch (YamlException ex)
            {
                Fail(path, (int)ex.Start.Line, "YAML syntax: " + ex.Message, "yaml");
                return;
            }
            catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
            {
                // YamlDotNet's representation model throws these, not YamlException, for event sequences
                // its node builder does not expect (an empty key in a block sequence followed by a
                // mapping line: "- :" then "b: c"; found by afl, issue 11).
                Fail(path, LastGoodLine(text), "YAML syntax: " + ex.Message, "yaml");
                return;
            }
            YamlMappingNode? global = null;
            YamlMappingNode? previous = null;
            foreach (var document in stream.Documents)
            {
                if (document.RootNode is not YamlMappingNode root)
                {
                    if (document.RootNode is YamlScalarNode { Value: null or "" }) continue;
                    Fail(path, YamlText.Line(document.RootNode), "a rule document must be a map", "document");
                    continue;
                }
                var action = YamlText.ChildText(root, "action");
                switch (action)
                {
                    case "global":
                        global = Without(root, "action");
                        continue;
                    case "reset":
                        global = null;
                        continue;
                    case "repeat":
                        if (previous is null) { Fail(path, YamlText.Line(root), "'action: repeat' without a previous rule", "collection"); continue; }
                        root = Merge(previous, Without(root, "action"));
                        break;
                    case null:
                        break;
                    default:
                        Fail(path, YamlText.Line(root), $"unknown collection action '{action}'", "collection");
                        continue;
                }
                if (global is not null && action != "repeat") root = Merge(global, root);
                previous = root;
                try
                {
                    AddDocument(path, root);
                }
                catch (RuleLoadException ex)
                {
                    Fail(path, ex.Line, ex.Message, ex.Feature);
                }
            }
        }

        private void AddDocument(string path, YamlMappingNode root)
        {
            var line = YamlText.Line(root);
            if (YamlText.Child(root, "correlation") is YamlMappingNode correlation)
            {
                _correlations.Add(CorrelationBuilder.Build(path, root, correlation));
                return;
            }
            if (YamlText.Child(root, "detection") is not YamlMappingNode detection)
            {
                if (YamlText.Child(root, "filter") is not null)
                    throw new RuleLoadException(line, "Sigma filter documents are not supported", "filter");
                throw new RuleLoadException(line, "document has no detection section", "document");
            }
            var context = new DetectionContext(options.Placeholders, _diagnostics);
            var (predicate, aggregation, timeframe) = new DetectionBuilder(context).Build(detection);
            _warnings.AddRange(context.Warnings.Select(w => $"{path}: {w}"));
            var logsource = YamlText.Child(root, "logsource") as YamlMappingNode;
            var rule = new SigmaRule
            {
                Id = YamlText.ChildText(root, "id") ?? System.IO.Path.GetFileNameWithoutExtension(path),
                Name = YamlText.ChildText(root, "name"),
                Title = YamlText.ChildText(root, "title") ?? System.IO.Path.GetFileNameWithoutExtension(path),
                Level = (YamlText.ChildText(root, "level") ?? RuleLevels.Informational).ToLowerInvariant(),
                Status = YamlText.ChildText(root, "status") ?? "",
                Description = YamlText.ChildText(root, "description") ?? "",
                Tags = YamlText.List(YamlText.Child(root, "tags")),
                Author = YamlText.ChildText(root, "author") ?? "",
                FalsePositives = YamlText.List(YamlText.Child(root, "falsepositives")),
                LogSource = logsource is null
                    ? new LogSource(null, null, null)
                    : new LogSource(YamlText.ChildText(logsource, "product"), YamlText.ChildText(logsource, "category"), YamlText.ChildText(logsource, "service")),
                Detection = predicate,
                Aggregation = aggregation,
                Timeframe = timeframe,
                Path = path,
                Line = line,
            };
            _rules.Add(rule);
            if (aggregation is not null) _correlations.Add(CorrelationBuilder.FromAggregation(rule, aggregation));
        }

        public RuleSet Finish()
        {
            // Correlations must reference loaded rules (by id or name); drop and report those that do not.
            var known = new HashSet<string>(StringComparer.Ordinal);
            foreach (var r in _rules) { known.Add(r.Id); if (r.Name is not null) known.Add(r.Name); }
            foreach (var c in _correlations) { known.Add(c.Id); if (c.Name is not null) known.Add(c.Name); }
            var correlations = new List<CorrelationRule>();
            foreach (var c in _correlations)
            {
                var missing = c.RuleReferences.FirstOrDefault(r => !known.Contains(r));
                if (missing is null) correlations.Add(c);
                else Fail(c.Path, c.Line, $"correlation references unknown rule '{missing}'", "correlation:reference");
            }
            return new RuleSet
            {
                Rules = _rules,
                Correlations = correlations,
                Errors = _errors,
                Warnings = _warnings,
                FilesTotal = Files,
                Diagnostics = _diagnostics,
            };
        }

        // YamlDotNet reports some structural errors without a position: find the last event the parser accepted.
        private static int LastGoodLine(string text)
        {
            var parser = new Parser(new StringReader(text));
            var line = 0;
            try
            {
                while (parser.MoveNext()) line = (int)parser.Current!.End.Line;
            }
            catch (Exception ex) when (ex is YamlException or InvalidOperationException)
            {
                if (ex is YamlException y && y.Start.Line > 0) line = (int)y.Start.Line;
            }
            return line;
        }

        private static YamlMappingNode Without(YamlMappingNode map, string key)
        {
            var copy = new YamlMappingNode();
            foreach (var (k, v) in map.Children)
                if (YamlText.KeyText(k) != key) copy.Add(k, v);
            return copy;
        }

        // Deep merge for legacy collections: the later document's keys win; nested maps merge.
        private static YamlMappingNode Merge(YamlMappingNode baseMap, YamlMappingNode over)
        {
            var result = new YamlMappingNode();
            foreach (var (k, v) in baseMap.Children) result.Add(k, v);
            foreach (var (k, v) in over.Children)
            {
                var key = YamlText.KeyText(k);
                var existing = result.Children.FirstOrDefault(p => YamlText.KeyText(p.Key) == key);
                if (existing.Key is not null)
                {
                    result.Children.Remove(existing.Key);
                    result.Add(k, existing.Value is YamlMappingNode a && v is YamlMappingNode b ? Merge(a, b) : v);
                }
                else result.Add(k, v);
            }
            return result;
        }
    }
}
