namespace CommunityPolicing.Web.Domain;

/// <summary>
/// Which steps an appeal may take: Registered → Assigned → InProgress → Answered → Closed, plus Redirected
/// (to the competent body) and Extended (a new due date, status unchanged).
/// </summary>
public static class AppealWorkflow
{
    /// <summary>The statuses of an appeal still waiting for its answer (or redirection): the clock runs on these.</summary>
    public static readonly AppealStatus[] Open = [AppealStatus.Registered, AppealStatus.Assigned, AppealStatus.InProgress];

    public static bool IsOpen(AppealStatus status) => Open.Contains(status);

    private static readonly Dictionary<AppealEventKind, AppealStatus[]> AllowedFrom = new()
    {
        [AppealEventKind.Assigned] = Open,
        [AppealEventKind.Started] = [AppealStatus.Assigned],
        [AppealEventKind.Extended] = Open,
        [AppealEventKind.Redirected] = Open,
        [AppealEventKind.Answered] = Open,
        [AppealEventKind.Closed] = [AppealStatus.Answered, AppealStatus.Redirected],
        [AppealEventKind.Rated] = [AppealStatus.Answered, AppealStatus.Closed],
    };

    public static bool CanApply(AppealStatus status, AppealEventKind step) =>
        AllowedFrom.TryGetValue(step, out var from) && from.Contains(status);

    /// <summary>The status after a step; Extended and Rated keep the status.</summary>
    public static AppealStatus After(AppealStatus status, AppealEventKind step) => step switch
    {
        AppealEventKind.Assigned => AppealStatus.Assigned,
        AppealEventKind.Started => AppealStatus.InProgress,
        AppealEventKind.Redirected => AppealStatus.Redirected,
        AppealEventKind.Answered => AppealStatus.Answered,
        AppealEventKind.Closed => AppealStatus.Closed,
        _ => status,
    };

    public static IEnumerable<AppealEventKind> NextSteps(AppealStatus status) =>
        AllowedFrom.Where(step => step.Value.Contains(status) && step.Key != AppealEventKind.Rated).Select(step => step.Key);
}
