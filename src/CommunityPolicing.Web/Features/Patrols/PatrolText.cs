using System.Globalization;
using CommunityPolicing.Web.Components.Shared;
using CommunityPolicing.Web.Domain;
using Microsoft.Extensions.Localization;

namespace CommunityPolicing.Web.Features.Patrols;

public static class PatrolText
{
    /// <summary>A planning conflict in words: who, which other patrol (or this plan's own occurrence), and the limit.</summary>
    public static string Conflict(this IStringLocalizer l, PatrolConflict conflict) => conflict.Reason is { } reason
        ? l[conflict.Key, conflict.Who ?? "", l.Reason(reason)]
        : l[conflict.Key, conflict.Who ?? "", conflict.OtherPatrolId is 0 ? l["Conflict.ThisPlan"] : $"№ {conflict.OtherPatrolId}",
            conflict.Hours?.ToString("0.#", CultureInfo.CurrentCulture) ?? ""];

    /// <summary>"19:00–23:00" in the department's local time.</summary>
    public static string Times(TimeOnly start, TimeOnly end) => $"{start:HH\\:mm}–{end:HH\\:mm}";
}
