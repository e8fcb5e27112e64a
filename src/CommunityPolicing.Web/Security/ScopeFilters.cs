using System.Linq.Expressions;
using CommunityPolicing.Web.Domain;

namespace CommunityPolicing.Web.Security;

/// <summary>
/// The row-level filters every registry query starts from, so scope is enforced in SQL.
/// Administrators see everything; everyone else sees their department; a user with no department sees nothing.
/// </summary>
public static class ScopeFilters
{
    public static IQueryable<Precinct> VisibleTo(this IQueryable<Precinct> query, UserScope scope) =>
        scope.IsAdministrator ? query
        : scope.DepartmentId is int department && (scope.IsChief || scope.IsOfficer) ? query.Where(p => p.DepartmentId == department)
        : query.Where(_ => false);

    public static IQueryable<Beat> VisibleTo(this IQueryable<Beat> query, UserScope scope) =>
        scope.IsAdministrator ? query
        : scope.DepartmentId is int department && (scope.IsChief || scope.IsOfficer) ? query.Where(b => b.Precinct!.DepartmentId == department)
        : query.Where(_ => false);

    public static IQueryable<Officer> VisibleTo(this IQueryable<Officer> query, UserScope scope) =>
        scope.IsAdministrator ? query
        : scope.DepartmentId is int department && (scope.IsChief || scope.IsOfficer) ? query.Where(o => o.Precinct!.DepartmentId == department)
        : query.Where(_ => false);

    public static IQueryable<Department> VisibleTo(this IQueryable<Department> query, UserScope scope) =>
        scope.IsAdministrator ? query
        : scope.DepartmentId is int department && (scope.IsChief || scope.IsOfficer) ? query.Where(d => d.Id == department)
        : query.Where(_ => false);

    /// <summary>
    /// Appeals: administrators all, chiefs their department, officers their post's appeals except complaints
    /// about officers (those go to the chief, never to an officer), coordinators none.
    /// </summary>
    public static IQueryable<Appeal> VisibleTo(this IQueryable<Appeal> query, UserScope scope) =>
        scope.IsAdministrator ? query
        : scope.IsChief && scope.DepartmentId is int department ? query.Where(a => a.DepartmentId == department)
        : scope.IsOfficer && scope.PrecinctId is int precinct ? query.Where(a => a.PrecinctId == precinct).Where(OfficersMaySee)
        : query.Where(_ => false);

    /// <summary>Of their post's appeals, those an officer may see; compiled queries of an officer's own appeals use it too.</summary>
    public static readonly Expression<Func<Appeal, bool>> OfficersMaySee = a => !a.Category!.IsComplaintAboutOfficer;

    /// <summary>
    /// Associations: administrators all, chiefs their department's, officers those serving their post,
    /// coordinators their own.
    /// </summary>
    public static IQueryable<Association> VisibleTo(this IQueryable<Association> query, UserScope scope) =>
        scope.IsAdministrator ? query
        : scope.IsChief && scope.DepartmentId is int department ? query.Where(a => a.DepartmentId == department)
        : scope.IsOfficer && scope.PrecinctId is int precinct ? query.Where(a => a.Precincts.Any(p => p.Id == precinct))
        : scope.IsCoordinator ? query.Where(a => scope.AssociationIds.Contains(a.Id))
        : query.Where(_ => false);

    /// <summary>
    /// Patrols: administrators all, chiefs their department's, officers their post's and those they are on,
    /// coordinators their associations'.
    /// </summary>
    public static IQueryable<Patrol> VisibleTo(this IQueryable<Patrol> query, UserScope scope) =>
        scope.IsAdministrator ? query
        : scope.IsChief && scope.DepartmentId is int department ? query.Where(p => p.DepartmentId == department)
        : scope.IsOfficer && scope.PrecinctId is int precinct
            ? query.Where(p => p.PrecinctId == precinct || p.Participants.Any(x => x.OfficerId != null && x.OfficerId == scope.OfficerId))
        : scope.IsCoordinator ? query.Where(p => p.AssociationId != null && scope.AssociationIds.Contains(p.AssociationId.Value))
        : query.Where(_ => false);

    /// <summary>
    /// Persons on preventive record: the responsible post's officers, juvenile-affairs inspectors for juveniles of
    /// their department, and the chief. Not administrators: running the system is no reason to read these.
    /// </summary>
    public static IQueryable<PreventiveRecord> VisibleTo(this IQueryable<PreventiveRecord> query, UserScope scope) =>
        scope.IsChief && scope.DepartmentId is int department ? query.Where(r => r.DepartmentId == department)
        : scope.IsJuvenileInspector && scope.DepartmentId is int own
            ? query.Where(r => r.DepartmentId == own && r.Category == RecordCategory.JuvenileAtRisk)
        : scope.IsOfficer && scope.PrecinctId is int precinct ? query.Where(r => r.PrecinctId == precinct)
        : query.Where(_ => false);

    /// <summary>Officer's log: officers their own entries, chiefs their department's, administrators all.</summary>
    public static IQueryable<LogEntry> VisibleTo(this IQueryable<LogEntry> query, UserScope scope) =>
        scope.IsAdministrator ? query
        : scope.IsChief && scope.DepartmentId is int department ? query.Where(e => e.Officer!.Precinct!.DepartmentId == department)
        : scope.IsOfficer && scope.OfficerId is int officer ? query.Where(e => e.OfficerId == officer)
        : query.Where(_ => false);

    /// <summary>Prevention plans: the department's for chiefs and officers (officers plan their post's), all for administrators.</summary>
    public static IQueryable<PreventionActivity> VisibleTo(this IQueryable<PreventionActivity> query, UserScope scope) =>
        scope.IsAdministrator ? query
        : scope.DepartmentId is int department && (scope.IsChief || scope.IsOfficer) ? query.Where(a => a.DepartmentId == department)
        : query.Where(_ => false);
}
