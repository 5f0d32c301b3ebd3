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

    /// <summary>The arguments in order (a missing one is empty).</summary>
    public IReadOnlyList<string> Arguments()
    {
        var count = _arguments.Count == 0 ? 0 : _arguments.Keys.Max() + 1;
        var list = new string[count];
        for (var i = 0; i < count; i++)
            list[i] = _arguments.TryGetValue(i, out var bytes) ? AuditValue.BytesToText(bytes.GetBuffer().AsSpan(0, (int)bytes.Length)) : "";
        return list;
    }

    /// <summary>What is missing: arguments below argc never seen, a long argument shorter than its aN_len. Null when whole.</summary>
    public string? Gap()
    {
        if (Argc is { } argc)
        {
            var missing = 0;
            for (var i = 0; i < argc; i++) if (!_arguments.ContainsKey(i)) missing++;
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
    /// The command line: arguments joined with spaces; an argument that is empty or holds a space, a
    /// quote, a backslash or a control character is written in double quotes with <c>"</c> and <c>\</c>
    /// escaped by a backslash (ausearch -i prints such arguments in double quotes too).
    /// </summary>
    public static string Join(IReadOnlyList<string> arguments)
    {
        var text = new StringBuilder();
        foreach (var argument in arguments)
        {
            if (text.Length > 0) text.Append(' ');
            if (argument.Length > 0 && !argument.Any(c => c is ' ' or '"' or '\'' or '\\' || char.IsControl(c))) { text.Append(argument); continue; }
            text.Append('"');
            foreach (var c in argument)
            {
                if (c is '"' or '\\') text.Append('\\');
                text.Append(c);
            }
            text.Append('"');
        }
        return text.ToString();
    }
}
