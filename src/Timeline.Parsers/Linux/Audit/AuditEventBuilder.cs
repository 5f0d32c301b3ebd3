using System.Globalization;
using System.Net;
using System.Text;
using Timeline.Core.Events;
using Timeline.Core.Ingest;
using Timeline.Core.Limits;
using Timeline.Core.Vocabulary;

namespace Timeline.Parsers.Linux.Audit;

/// <summary>
/// Turns the records of one audit event into one <see cref="EventRecord"/>. Fields keep the audit names
/// SigmaHQ's auditd rules test: the SYSCALL's fields as they are (its register arguments as
/// <c>syscall.a0</c>… so that <c>a0</c>… are the EXECVE argv), the syscall named per <c>arch</c>, EXECVE's
/// <c>argc</c>/<c>a0</c>… decoded, <c>cwd</c>, PATH items as <c>path0.name</c>…, <c>proctitle</c>
/// decoded, user-space fields (the <c>msg='…'</c> inside) as they are, ENRICHED fields under their
/// uppercase names. Marker fields <c>syscall.type</c>, <c>execve.type</c>, <c>pathN.type</c> say which
/// records the event holds (the mapping presents the event as each of them). Derived: <c>command</c>
/// (the decoded argv; sudo's <c>cmd</c>), <c>user</c>, <c>src_ip</c>, <c>success</c>.
/// </summary>
public static class AuditEventBuilder
{
    private const string UnsetId = "4294967295";

    public static EventRecord Build(IReadOnlyList<AuditRecord> records, ParseContext context, List<string> problems)
    {
        var first = records[0];
        var fields = new Dictionary<string, string>(64, StringComparer.Ordinal);
        var argv = new ExecveArguments();
        string? syscallType = null, mainType = null, kind = null, kindType = null;
        var types = new StringBuilder();
        var pathItems = 0;
        var skippedPaths = 0;
        var typeCount = 0;

        // The SYSCALL first: its process fields (pid, uid, auid, exe…) win over the same names elsewhere.
        foreach (var record in records) if (record.Type == "SYSCALL") { AddSyscall(record, fields); syscallType = "SYSCALL"; break; }
        foreach (var record in records)
        {
            if (record.Type == "EOE") continue;
            if (typeCount++ < 64) types.Append(types.Length > 0 ? " " : "").Append(record.Type);
            mainType ??= record.Type;
            var recordKind = AuditRecordKinds.Of(record.Type);
            if (kind is null && recordKind is not (AuditEvents.Syscall or AuditEvents.Exec or AuditEvents.Other)) { kind = recordKind; kindType = record.Type; }
            switch (record.Type)
            {
                case "SYSCALL":
                    break;
                case "EXECVE":
                    fields.TryAdd("execve.type", "EXECVE");
                    foreach (var f in record.Fields) if (!f.Enriched) argv.Add(f);
                    break;
                case "PATH":
                    var item = Item(record, pathItems);
                    pathItems++;
                    if (item >= Bounds.AuditPathItems) { skippedPaths++; break; }
                    var prefix = AuditFieldNames.PathPrefix + item.ToString(CultureInfo.InvariantCulture) + ".";
                    fields.TryAdd(prefix + "type", "PATH");
                    foreach (var f in record.Fields)
                        if (f.Name != "item" && !AuditValue.IsAbsent(f.Value)) fields.TryAdd(prefix + f.Name, AuditValue.Text(f));
                    break;
                case "SOCKADDR":
                    foreach (var f in record.Fields)
                    {
                        AddPlain(f, fields);
                        if (f.Name != "saddr" || f.Quoted) continue;
                        var (ip, port, unixPath) = SocketAddress.Read(f.Value);
                        if (ip is not null) fields.TryAdd(FieldNames.DstIp, ip);
                        if (port is not null) fields.TryAdd(FieldNames.DstPort, port);
                        if (unixPath is not null) fields.TryAdd(AuditFieldNames.SocketPath, unixPath);
                    }
                    break;
                case "PROCTITLE":
                    foreach (var f in record.Fields)
                        if (f.Name == "proctitle") fields.TryAdd(AuditFieldNames.Proctitle, AuditValue.Proctitle(f));
                    break;
                default:
                    foreach (var f in record.Fields) AddPlain(f, fields);
                    break;
            }
        }
        // The main type: the record that names the event (LOGIN beside its SYSCALL), else the SYSCALL, else the first.
        mainType = kindType ?? syscallType ?? mainType;
        fields.TryAdd(AuditFieldNames.Type, mainType ?? first.Type);
        fields.TryAdd(AuditFieldNames.Records, types.ToString());
        fields.TryAdd(AuditFieldNames.Serial, first.Serial.ToString(CultureInfo.InvariantCulture));
        if (first.Node is not null) fields.TryAdd(AuditFieldNames.Node, first.Node);
        if (skippedPaths > 0) problems.Add($"{skippedPaths} PATH records past the first {Bounds.AuditPathItems} kept only in the message");

        var syscallName = fields.GetValueOrDefault(AuditFieldNames.Syscall);
        var isExec = argv.Any || syscallName is "execve" or "execveat";
        kind = isExec ? AuditEvents.Exec : kind ?? (syscallType is not null ? AuditEvents.Syscall : AuditRecordKinds.Of(mainType ?? first.Type));

        if (argv.Any)
        {
            if (argv.Argc is { } argc) fields.TryAdd(AuditFieldNames.Argc, argc.ToString(CultureInfo.InvariantCulture));
            for (var i = 0; i < argv.Count && i < Bounds.AuditArgumentFields; i++)
                if (argv.Argument(i) is { Length: > 0 } argument) fields["a" + i.ToString(CultureInfo.InvariantCulture)] = argument;
            if (argv.Count > Bounds.AuditArgumentFields)
                problems.Add($"{argv.Count} arguments: a{Bounds.AuditArgumentFields} and later are only in command");
            var command = argv.CommandLine(Bounds.AuditCommandChars, out var cut);
            if (cut)
            {
                problems.Add($"the command line is longer than {Bounds.AuditCommandChars} characters; the first {Bounds.AuditCommandChars} are kept");
                command += "…";
            }
            fields[FieldNames.Command] = command;
            if (argv.Gap() is { } gap) problems.Add("the execution's argv is incomplete: " + gap);
        }
        else if (fields.GetValueOrDefault("cmd") is { } cmd) fields.TryAdd(FieldNames.Command, cmd);
        else if (isExec && fields.GetValueOrDefault(AuditFieldNames.Proctitle) is { } title) fields.TryAdd(FieldNames.Command, title);

        if (syscallType is not null && fields.GetValueOrDefault("items") is { } items
            && int.TryParse(items, NumberStyles.None, CultureInfo.InvariantCulture, out var expected) && pathItems < expected)
            problems.Add($"the SYSCALL names items={expected} but {pathItems} PATH records were seen");

        fields[FieldNames.Event] = kind;
        SetUser(fields, kind);
        if (fields.GetValueOrDefault("addr") is { } addr && IPAddress.TryParse(addr, out _)) fields.TryAdd(FieldNames.SrcIp, addr);
        var success = fields.GetValueOrDefault(AuditFieldNames.Success) ?? fields.GetValueOrDefault(AuditFieldNames.Result);
        fields[AuditFieldNames.Success] = success switch
        {
            "yes" or "success" or "1" => "yes",
            "no" or "failed" or "0" => "no",
            _ => success ?? "",
        };

        var set = new FieldSet(fields.Count);
        foreach (var (k, v) in fields) set.Add(k, v);
        return new EventRecord
        {
            Ticks = first.Ticks,
            SortTicks = first.Ticks,
            TimeQuality = TimeQuality.Exact,
            Host = context.HostFor(first.Node),
            Parser = ParserNames.Audit,
            Message = Message(records),
            Fields = set,
            Origin = context.OriginAt(first.Line),
        };
    }

    private static void AddSyscall(AuditRecord record, Dictionary<string, string> fields)
    {
        fields.TryAdd("syscall.type", "SYSCALL");
        string? arch = null, number = null;
        foreach (var f in record.Fields)
        {
            if (f.Inner || f.Enriched) { AddPlain(f, fields); continue; }
            switch (f.Name)
            {
                case "a0" or "a1" or "a2" or "a3":
                    fields.TryAdd(AuditFieldNames.SyscallArgumentPrefix + f.Name, f.Value);
                    break;
                case "arch":
                    arch = SyscallTable.ArchName(f.Value);
                    fields.TryAdd(AuditFieldNames.Arch, arch ?? f.Value);
                    break;
                case "syscall":
                    number = f.Value;
                    break;
                default:
                    AddPlain(f, fields);
                    break;
            }
        }
        if (number is null) return;
        fields.TryAdd(AuditFieldNames.SyscallNumber, number);
        var name = SyscallTable.Name(arch, number) ?? EnrichedSyscall(record) ?? number;
        fields.TryAdd(AuditFieldNames.Syscall, name);
    }

    private static string? EnrichedSyscall(AuditRecord record)
    {
        foreach (var f in record.Fields) if (f.Enriched && f.Name == "SYSCALL") return f.Value;
        return null;
    }

    private static void AddPlain(AuditField f, Dictionary<string, string> fields)
    {
        if (AuditValue.IsAbsent(f.Value)) return;
        fields.TryAdd(f.Name, AuditValue.Text(f));
    }

    private static int Item(AuditRecord record, int fallback)
    {
        foreach (var f in record.Fields)
            if (f.Name == "item" && int.TryParse(f.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var item)) return item;
        return fallback;
    }

    /// <summary>
    /// <c>user</c>: for logins and authentications the account tried (<c>acct</c>, as sshd's "Failed
    /// password for X" gives X); otherwise the login user — <c>auid</c> when set (it survives su and sudo),
    /// else <c>uid</c> — by its ENRICHED name when the log has one, else the number.
    /// </summary>
    private static void SetUser(Dictionary<string, string> fields, string kind)
    {
        var acct = fields.GetValueOrDefault(AuditFieldNames.Account);
        if (acct is not null && AuditRecordKinds.IsAboutAccount(kind)) { fields[FieldNames.User] = acct; return; }
        if (acct is not null) fields.TryAdd(FieldNames.TargetUser, acct);
        var auid = fields.GetValueOrDefault(AuditFieldNames.Auid);
        string? user;
        if (auid is not null && auid != UnsetId && auid != "-1")
            user = Named(fields.GetValueOrDefault("AUID")) ?? auid;
        else
            user = Named(fields.GetValueOrDefault("UID")) ?? fields.GetValueOrDefault(FieldNames.Uid);
        if (user is not null) fields.TryAdd(FieldNames.User, user);
    }

    private static string? Named(string? enriched) => enriched is null or "unset" || enriched.StartsWith("unknown(", StringComparison.Ordinal) ? null : enriched;

    /// <summary>The records' lines, newline-separated: the first whole, the others while the total stays under the bound.</summary>
    private static string Message(IReadOnlyList<AuditRecord> records)
    {
        if (records.Count == 1) return records[0].Text;
        var text = new StringBuilder(records[0].Text);
        var shown = 1;
        for (var i = 1; i < records.Count; i++)
        {
            var line = records[i].Text;
            if (text.Length + 1 + line.Length > Bounds.AuditMessageChars) break;
            text.Append('\n').Append(line);
            shown++;
        }
        if (shown < records.Count) text.Append("\n… ").Append(records.Count - shown).Append(" more records");
        return text.ToString();
    }
}
