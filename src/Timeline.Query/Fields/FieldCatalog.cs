using Timeline.Query.Syntax;

namespace Timeline.Query.Fields;

/// <summary>
/// The field names a query may use: the event's own (time, host, parser, message, id, file,
/// sha256, timeQuality), the findings shortcuts (rule, level, tag, phase) and the normalized fields
/// stored with events. Common stored names are known up front; any other name is looked up in the
/// case (the field keys of its blocks), so a name no event carries is an error with suggestions.
/// </summary>
public sealed class FieldCatalog
{
    private static readonly Dictionary<string, QueryField> Builtins = new(StringComparer.OrdinalIgnoreCase)
    {
        ["time"] = new("time", FieldKind.Time),
        ["timestamp"] = new("time", FieldKind.Time),
        ["host"] = new("host", FieldKind.Host),
        ["parser"] = new("parser", FieldKind.Parser),
        ["message"] = new("message", FieldKind.Message),
        ["id"] = new("id", FieldKind.Id),
        ["file"] = new("file", FieldKind.File),
        ["sha256"] = new("sha256", FieldKind.Sha256),
        ["timeQuality"] = new("timeQuality", FieldKind.TimeQuality),
        ["rule"] = new("rule", FieldKind.Rule),
        ["level"] = new("level", FieldKind.Level),
        ["tag"] = new("tag", FieldKind.Tag),
        ["phase"] = new("phase", FieldKind.Phase),
    };

    /// <summary>Normalized names the Linux parsers write (README "Formats"); others are found in the case.</summary>
    public static readonly IReadOnlyList<string> CommonStored =
    [
        "user", "src_ip", "src_port", "src_host", "dst_ip", "dst_port", "event", "program", "pid", "facility", "severity",
        "auth_method", "key_type", "key_fp", "key_comment", "key_options", "command", "invalid_user", "tty", "pwd",
        "target_user", "target_group", "uid", "gid", "by_user", "by_uid", "session_id", "count", "group", "home", "shell",
        "reason", "ruser", "logname", "pam_module", "pam_service", "cron_user", "cron_target", "path", "schedule", "table",
        "unit", "library", "history_file",
    ];

    private readonly Func<IReadOnlySet<string>> _caseFields;
    private IReadOnlySet<string>? _loaded;

    /// <param name="caseFields">The field names stored in the case; called at most once, and only for names not known up front.</param>
    public FieldCatalog(Func<IReadOnlySet<string>> caseFields) => _caseFields = caseFields;

    /// <summary>A catalog that knows only the built-in and common names (for parsing without a case).</summary>
    public static FieldCatalog Offline { get; } = new(() => new HashSet<string>());

    private IReadOnlySet<string> CaseFields => _loaded ??= _caseFields();

    public QueryField Resolve(string name, string query, int position)
    {
        if (Builtins.TryGetValue(name, out var builtin)) return builtin;
        if (CommonStored.Contains(name, StringComparer.Ordinal)) return new QueryField(name, FieldKind.Stored);
        if (CaseFields.Contains(name)) return new QueryField(name, FieldKind.Stored);
        var folded = CommonStored.Concat(CaseFields).FirstOrDefault(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));
        if (folded is not null) return new QueryField(folded, FieldKind.Stored);
        var close = CloseMatches.Of(name, Builtins.Keys.Concat(CommonStored).Concat(CaseFields));
        var hint = close.Count > 0 ? "; did you mean " + string.Join(", ", close) + "?" : "; known fields include time, host, parser, message, user, src_ip, event, rule, tag, phase";
        throw new QuerySyntaxException($"unknown field '{name}'{hint}", query, Math.Max(0, position), name.Length);
    }
}
