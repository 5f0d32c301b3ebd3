using System.Globalization;
using System.Text;

namespace Timeline.Parsers.Linux.Audit;

/// <summary>
/// The argv of an execution, from one or more EXECVE records of an event. The kernel
/// (<c>audit_log_execve_info</c>) writes <c>argc=N a0=… a1=…</c>; an argument longer than fits in one
/// record is written as <c>aN_len=TOTAL aN[0]=… aN[1]=…</c> pieces, and the argv continues in further
/// EXECVE records of the same event. Each value or piece is quoted or hex (see <see cref="AuditValue"/>);
/// pieces are joined as bytes so a UTF-8 character split between two pieces survives.
/// </summary>
public sealed class ExecveArguments
{
    private readonly SortedDictionary<int, MemoryStream> _arguments = [];
    private readonly Dictionary<int, long> _declaredLength = [];

    public int? Argc { get; private set; }

    public bool Any => Argc is not null || _arguments.Count > 0;

    /// <summary>Takes one field of an EXECVE record (argc, aN, aN_len, aN[i]); others are ignored.</summary>
    public void Add(AuditField field)
    {
        var name = field.Name;
        if (name == "argc")
        {
            if (int.TryParse(field.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var argc)) Argc = argc;
            return;
        }
        if (name.Length < 2 || name[0] != 'a' || !char.IsAsciiDigit(name[1])) return;
        var i = 1;
        while (i < name.Length && char.IsAsciiDigit(name[i])) i++;
        if (!int.TryParse(name.AsSpan(1, i - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var index)) return;
        if (i == name.Length || name[i] == '[')
        {
            if (i < name.Length && !AuditValue.IsExecveArgument(name)) return;
            if (!_arguments.TryGetValue(index, out var bytes)) _arguments[index] = bytes = new MemoryStream();
            bytes.Write(AuditValue.Bytes(field));
        }
        else if (name.AsSpan(i).SequenceEqual("_len") && long.TryParse(field.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var length))
        {
            _declaredLength[index] = length;
        }
    }

    /// <summary>
    /// How many arguments the argv spans: the highest index seen plus one. The index comes from the
    /// input (<c>a2000000000=…</c> is one field), so this can be far more than the arguments present:
    /// callers never materialise the argv densely (<see cref="Argument"/>, <see cref="CommandLine"/>).
    /// </summary>
    public long Count => _arguments.Count == 0 ? 0 : (long)_arguments.Keys.Max() + 1;

    /// <summary>Argument <paramref name="index"/> decoded; a missing one is empty.</summary>
    public string Argument(int index) =>
        _arguments.TryGetValue(index, out var bytes) ? AuditValue.BytesToText(bytes.GetBuffer().AsSpan(0, (int)bytes.Length)) : "";

    /// <summary>What is missing: arguments below argc never seen, a long argument shorter than its aN_len. Null when whole.</summary>
    public string? Gap()
    {
        if (Argc is { } argc)
        {
            // Counted over the arguments seen, not over argc: argc is a number from the input.
            var seenBelow = _arguments.Keys.Count(i => i < argc);
            var missing = argc - seenBelow;
            if (missing > 0) return $"{missing} of argc={argc} arguments never seen";
        }
        foreach (var (index, declared) in _declaredLength)
        {
            // aN_len counts the argument's bytes as written: hex pieces hold two characters per byte.
            var got = _arguments.TryGetValue(index, out var bytes) ? bytes.Length : 0;
            if (got != declared && got * 2 != declared) return $"argument a{index} has {got} of its a{index}_len={declared} bytes";
        }
        return null;
    }

    /// <summary>
    /// The command line: the arguments joined with spaces, a missing one empty; an argument that is
    /// empty or holds a space, a quote, a backslash or a control character is written in double quotes
    /// with <c>"</c> and <c>\</c> escaped by a backslash (ausearch -i prints such arguments in double
    /// quotes too). Built only up to <paramref name="maxChars"/> characters: the argument indexes come
    /// from the input, so an argv may claim far more (empty) arguments than the file holds bytes.
    /// <paramref name="cut"/> tells whether anything was left out.
    /// </summary>
    public string CommandLine(int maxChars, out bool cut)
    {
        var text = new StringBuilder();
        var count = Count;
        cut = false;
        for (long i = 0; i < count; i++)
        {
            if (text.Length > maxChars) { cut = true; break; }
            if (i > 0) text.Append(' ');
            Append(text, Argument((int)i));
        }
        if (text.Length > maxChars)
        {
            cut = true;
            text.Length = maxChars;
        }
        return text.ToString();
    }

    private static void Append(StringBuilder text, string argument)
    {
        if (argument.Length > 0 && !argument.Any(c => c is ' ' or '"' or '\'' or '\\' || char.IsControl(c)))
        {
            text.Append(argument);
            return;
        }
        text.Append('"');
        foreach (var c in argument)
        {
            if (c is '"' or '\\') text.Append('\\');
            text.Append(c);
        }
        text.Append('"');
    }
}
