using Timeline.Core.Ingest;

namespace Timeline.Parsers.Linux.Syslog;

/// <summary>
/// Chooses the grammar for a message: a grammar claiming the message prefix (PAM lines under any
/// program), else the grammar registered for the program name, else <see cref="GenericSyslogGrammar"/>.
/// Built once from every <see cref="ISyslogMessageGrammar"/> in this assembly; two grammars
/// claiming the same program is a programming error and throws.
/// </summary>
public sealed class SyslogGrammarTable
{
    private static readonly Lazy<SyslogGrammarTable> Instance = new(() => new SyslogGrammarTable(
        new Catalog<ISyslogMessageGrammar>(g => g.Name, typeof(SyslogGrammarTable).Assembly).All));

    private readonly Dictionary<string, ISyslogMessageGrammar> _byProgram = new(StringComparer.Ordinal);
    private readonly (string Prefix, ISyslogMessageGrammar Grammar)[] _byPrefix;
    private readonly string _prefixFirstChars;

    public SyslogGrammarTable(IEnumerable<ISyslogMessageGrammar> grammars)
    {
        var prefixes = new List<(string, ISyslogMessageGrammar)>();
        foreach (var grammar in grammars)
        {
            foreach (var program in grammar.Programs)
            {
                if (!_byProgram.TryAdd(program, grammar))
                    throw new InvalidOperationException($"Program '{program}' is claimed by two syslog grammars: {_byProgram[program].Name} and {grammar.Name}.");
            }
            foreach (var prefix in grammar.MessagePrefixes) prefixes.Add((prefix, grammar));
        }
        _byPrefix = [.. prefixes];
        _prefixFirstChars = new string([.. _byPrefix.Select(p => p.Prefix[0]).Distinct()]);
    }

    public static SyslogGrammarTable Default => Instance.Value;

    public ISyslogMessageGrammar Generic { get; } = new GenericSyslogGrammar();

    public IReadOnlyCollection<string> Programs => _byProgram.Keys;

    public ISyslogMessageGrammar For(string program, ReadOnlySpan<char> message)
    {
        if (!message.IsEmpty && _prefixFirstChars.Contains(message[0]))
        {
            foreach (var (prefix, grammar) in _byPrefix)
            {
                if (message.StartsWith(prefix, StringComparison.Ordinal)) return grammar;
            }
        }
        return _byProgram.TryGetValue(program, out var found) ? found : Generic;
    }
}
