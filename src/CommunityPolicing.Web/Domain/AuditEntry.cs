namespace CommunityPolicing.Web.Domain;

public static class AuditActions
{
    public const string Insert = "Insert";
    public const string Update = "Update";
    public const string Delete = "Delete";
    public const string SignIn = "SignIn";
    public const string SignInFailed = "SignInFailed";
    public const string SignOut = "SignOut";
    public const string AccessDenied = "AccessDenied";
    public const string Lockout = "Lockout";
    public const string Export = "Export";
    public const string Read = "Read";
    public const string TwoFactorSignIn = "TwoFactorSignIn";
    public const string RecoveryCodeSignIn = "RecoveryCodeSignIn";
    public const string TwoFactorFailed = "TwoFactorFailed";
    public const string TwoFactorEnabled = "TwoFactorEnabled";
    public const string RecoveryCodesRenewed = "RecoveryCodesRenewed";
    public const string TwoFactorReset = "TwoFactorReset";
    public const string ReauthenticationFailed = "ReauthenticationFailed";
    public const string PasswordChanged = "PasswordChanged";
    public const string Anonymise = "Anonymise";

    /// <summary>The one sanctioned change of recorded rows: personal values removed from the trail (migration AuditWithoutPersonalValues).</summary>
    public const string Redact = "Redact";
}

/// <summary>One append-only audit row; the database rejects UPDATE and DELETE on this table.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public string? UserId { get; set; }
    public string? UserName { get; set; }
    public string? Role { get; set; }
    public required string Action { get; set; }
    public string? EntityType { get; set; }
    public string? EntityKey { get; set; }
    public string? OldValues { get; set; }
    public string? NewValues { get; set; }

    /// <summary>Personal fields (<see cref="PersonalAttribute"/>) the change set, altered or removed: named, their values not kept.</summary>
    public string[]? PersonalFields { get; set; }
}
