namespace Timeline.Core.Vocabulary;

/// <summary>The <c>event</c> values of <c>linux/cron</c> events.</summary>
public static class CronEvents
{
    public const string ParserName = ParserNames.Cron;

    public const string Cmd = "cron_cmd";
    public const string CmdEnd = "cron_cmdend";
    public const string CmdOut = "cron_cmdout";
    public const string Replace = "cron_replace";
    public const string List = "cron_list";
    public const string Delete = "cron_delete";
    public const string BeginEdit = "cron_begin_edit";
    public const string EndEdit = "cron_end_edit";
    public const string Reload = "cron_reload";
    public const string Error = "cron_error";
    public const string Info = "cron_info";
    public const string Other = "other";
}
