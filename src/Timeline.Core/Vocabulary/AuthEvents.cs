namespace Timeline.Core.Vocabulary;

/// <summary>The <c>event</c> values of <c>linux/auth</c> events (listed with their line shapes in README.md).</summary>
public static class AuthEvents
{
    public const string ParserName = ParserNames.Auth;

    public const string Other = "other";
    public const string SshFailed = "ssh_failed";
    public const string SshAccepted = "ssh_accepted";
    public const string SshPostponed = "ssh_postponed";
    public const string SshPartial = "ssh_partial";
    public const string SshInvalidUser = "ssh_invalid_user";
    public const string SshMaxAuthExceeded = "ssh_max_auth_exceeded";
    public const string SshDisconnect = "ssh_disconnect";
    public const string SshConnectionClosed = "ssh_connection_closed";
    public const string SshNegotiationFailed = "ssh_negotiation_failed";
    public const string SshTooManyFailures = "ssh_too_many_failures";
    public const string SshSessionStart = "ssh_session_start";
    public const string SshUserNotAllowed = "ssh_user_not_allowed";
    public const string SshTimeout = "ssh_timeout";
    public const string SshRefusedConnect = "ssh_refused_connect";
    public const string SshConnection = "ssh_connection";
    public const string SshNoIdentification = "ssh_no_identification";
    public const string PamAuthFailure = "pam_auth_failure";
    public const string PamMoreFailures = "pam_more_failures";
    public const string PamCheckPass = "pam_check_pass";
    public const string PamTally = "pam_tally";
    public const string SessionOpen = "session_open";
    public const string SessionClose = "session_close";
    public const string LogindNewSession = "logind_new_session";
    public const string LogindSessionRemoved = "logind_session_removed";
    public const string LogindLoggedOut = "logind_logged_out";
    public const string Sudo = "sudo";
    public const string SudoFailed = "sudo_failed";
    public const string Su = "su";
    public const string SuFailed = "su_failed";
    public const string UserAdd = "user_add";
    public const string UserDelete = "user_delete";
    public const string UserModify = "user_modify";
    public const string GroupAdd = "group_add";
    public const string GroupDelete = "group_delete";
    public const string GroupMemberAdd = "group_member_add";
    public const string GroupMemberDelete = "group_member_delete";
    public const string PasswordChange = "password_change";
}
