using CommunityPolicing.Testing;
using CommunityPolicing.Web.Domain;
using CommunityPolicing.Web.Features.Appeals;
using CommunityPolicing.Web.Features.Dashboards;
using CommunityPolicing.Web.Features.Patrols;
using CommunityPolicing.Web.Features.Reports;
using CommunityPolicing.Web.Security;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CommunityPolicing.Benchmarks;

internal sealed record HotPath(string Name, string User, double TargetMs, Func<IServiceProvider, DateOnly, Task<object?>> Call);

internal sealed record HotPathResult(HotPath Path, Timings Service, Timings Sql, int Statements)
{
    public double Ratio => Service.P50 / Sql.P50;
    public bool Met => Service.P95 <= Path.TargetMs && Ratio <= 1.5;
}

/// <summary>
/// The paths users wait on, each called through the app's own service in a signed-in scope (as a circuit calls it,
/// after its first render) and then as the bare SQL that call sent, replayed on Npgsql.
/// </summary>
internal static class HotPaths
{
    public static IReadOnlyList<HotPath> For(Subjects who) =>
    [
        new("Chief's dashboard, this month", who.Chief, 150, (s, today) => Dashboard(s).ChiefAsync(Period.Of(PeriodKind.Month, today)).Boxed()),
        new("Chief's dashboard, this year", who.Chief, 150, (s, today) => Dashboard(s).ChiefAsync(Period.Of(PeriodKind.Year, today)).Boxed()),
        new("Officer's dashboard", who.Officer, 150, (s, _) => s.GetRequiredService<OfficerDashboardService>().GetAsync().Boxed()),
        new("Appeal list, first page (chief)", who.Chief, 30, (s, _) => Appeals(s).ListAsync(new AppealListQuery()).Boxed()),
        new("Appeal list, last page 5,000 rows deep (chief)", who.Chief, 30, (s, _) => Appeals(s).ListAsync(new AppealListQuery(Page: 199)).Boxed()),
        new("Appeal list, first page (national)", who.Administrator, 30, (s, _) => Appeals(s).ListAsync(new AppealListQuery()).Boxed()),
        new("Appeal list, page 5,000, closed only (national)", who.Administrator, 30,
            (s, _) => Appeals(s).ListAsync(new AppealListQuery(Status: AppealStatus.Closed, Page: 4_999)).Boxed()),
        new("Full-text search \"bicycle\" (chief)", who.Chief, 30, (s, _) => Appeals(s).ListAsync(new AppealListQuery(Search: "bicycle")).Boxed()),
        new("Full-text search \"bicycle\" (national)", who.Administrator, 30, (s, _) => Appeals(s).ListAsync(new AppealListQuery(Search: "bicycle")).Boxed()),
        new("Patrol month calendar (chief)", who.Chief, 150, (s, today) =>
        {
            var first = new DateOnly(today.Year, today.Month, 1);
            return s.GetRequiredService<PatrolService>().CalendarAsync(first, first.AddMonths(1).AddDays(-1), new PatrolQuery()).Boxed();
        }),
        new("Quarterly report (chief)", who.Chief, 150, (s, today) =>
            s.GetRequiredService<QuarterReportService>().GetAsync(today.Year, (today.Month + 2) / 3, null).Boxed()),
    ];

    public static async Task<IReadOnlyList<HotPathResult>> RunAsync(BenchHost host, SqlCapture capture, NpgsqlDataSource source,
        IEnumerable<HotPath> paths, int iterations, TextWriter log, TextWriter? plans = null)
    {
        var ready = new List<(HotPath Path, AsyncServiceScope Scope, Func<Task> Call, Func<Task> Replay, IReadOnlyList<NpgsqlCommand> Commands)>();
        try
        {
            foreach (var path in paths)
            {
                var scope = await SignIn.ScopeAsync(host.Services, path.User);
                var services = scope.ServiceProvider;
                var today = await services.GetRequiredService<CurrentUser>().TodayAsync();
                if (await path.Call(services, today) is null)
                {
                    await scope.DisposeAsync();
                    throw new InvalidOperationException($"{path.Name}: {path.User} got nothing; is the generated database loaded?");
                }

                var commands = await capture.RecordAsync(() => path.Call(services, today));
                ready.Add((path, scope, () => path.Call(services, today), () => SqlCapture.ReplayAsync(source, commands), commands));
            }

            // Every path is warmed up before any is timed: the first one would otherwise share the two cores with what
            // the JIT and the host still do after start-up.
            foreach (var r in ready)
            {
                await Timings.WarmUpAsync(50, r.Call, r.Replay);
            }

            var results = new List<HotPathResult>();
            foreach (var r in ready)
            {
                var (service, sql) = await Timings.PairAsync(iterations, r.Call, r.Replay);
                var result = new HotPathResult(r.Path, service, sql, r.Commands.Count);
                log.WriteLine($"  {r.Path.Name}: service p50 {service.P50:F1} / p95 {service.P95:F1} ms, SQL p50 {sql.P50:F1} / p95 {sql.P95:F1} ms " +
                    $"({r.Commands.Count} statements), ratio {result.Ratio:F2}, allocated {service.AllocatedKb:F0} / {sql.AllocatedKb:F0} KB per call");
                results.Add(result);
                if (plans is not null)
                {
                    await plans.WriteLineAsync($"\n### {r.Path.Name}");
                    await SqlCapture.ExplainAsync(source, r.Commands, plans);
                }
            }

            return results;
        }
        finally
        {
            foreach (var r in ready)
            {
                await r.Scope.DisposeAsync();
            }
        }
    }

    private static DashboardService Dashboard(IServiceProvider services) => services.GetRequiredService<DashboardService>();

    private static AppealService Appeals(IServiceProvider services) => services.GetRequiredService<AppealService>();

    private static async Task<object?> Boxed<T>(this Task<T> task) => await task;
}
