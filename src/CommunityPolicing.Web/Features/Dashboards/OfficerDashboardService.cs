using CommunityPolicing.Web.Features.Appeals;
using CommunityPolicing.Web.Features.BeatWork;
using CommunityPolicing.Web.Features.Notifications;
using CommunityPolicing.Web.Features.Patrols;
using CommunityPolicing.Web.Features.Prevention;
using CommunityPolicing.Web.Security;

namespace CommunityPolicing.Web.Features.Dashboards;

/// <summary>The officer's dashboard from the features' own services, so it shows exactly what their pages show.</summary>
public sealed class OfficerDashboardService(
    CurrentUser currentUser, AppealService appeals, PatrolService patrols, PreventionService prevention, RecordService records, BeatWorkService beatWork,
    NotificationService notifications)
{
    public async Task<OfficerDashboard> GetAsync(CancellationToken ct = default)
    {
        var scope = await currentUser.GetScopeAsync(ct);
        var today = await currentUser.TodayAsync(ct);
        return new OfficerDashboard(today,
            await appeals.MineDueAsync(DateOnly.MinValue, today.AddDays(-1), 5, ct),
            await appeals.MineDueAsync(today, today.AddDays(3), 5, ct),
            await patrols.UpcomingAsync(5, ct),
            await patrols.AwaitingReportCountAsync(ct),
            await prevention.ProgressAsync(today, scope.PrecinctId, ct),
            await records.ListAsync(dueOnly: true, pageSize: 5, ct: ct),
            await beatWork.MyBeatsAtAGlanceAsync(ct),
            await notifications.NewlyAssignedAsync(5, ct));
    }
}
