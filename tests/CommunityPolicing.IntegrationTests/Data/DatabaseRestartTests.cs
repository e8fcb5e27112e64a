using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using CommunityPolicing.Testing;
using CommunityPolicing.Web.Data;
using CommunityPolicing.Web.Domain;
using CommunityPolicing.Web.Features.Appeals;
using CommunityPolicing.Web.Features.Precincts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPolicing.IntegrationTests.Data;

/// <summary>The app on its own PostgreSQL cluster, which the test stops and starts again.</summary>
public sealed class OutageApp : TestApp
{
    protected override string Name => "cp_outage";

    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.StartAsync(Name, privateCluster: true);
}

/// <summary>
/// PostgreSQL restarted under 20 public submitters and a member of staff editing: writes succeed again within
/// 10 s of the restart, every acknowledged write is stored exactly once, and no caller sees an exception.
/// </summary>
public sealed class DatabaseRestartTests(OutageApp app) : IClassFixture<OutageApp>
{
    private const int Writers = 20;

    private sealed record Ack(string Key, string TrackingCode, DateTime At);

    [Fact]
    public async Task Writes_resume_within_10_seconds_of_a_restart_and_no_acknowledged_write_is_lost_or_duplicated()
    {
        int departmentId;
        int precinctId;
        await using (var db = app.NewDbContext())
        {
            departmentId = await db.Departments.Where(d => d.Name == Demo.TarazDepartment).Select(d => d.Id).SingleAsync();
            precinctId = await db.Precincts.Where(p => p.DepartmentId == departmentId).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
        }

        var clock = Stopwatch.StartNew();
        var acks = new ConcurrentBag<Ack>();
        var refusals = new ConcurrentBag<(DateTime At, string Why)>();
        var exceptions = new ConcurrentBag<Exception>();
        using var stop = new CancellationTokenSource();

        var submitters = Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            await using var scope = await app.SignedInAsync(null);
            var appeals = scope.ServiceProvider.GetRequiredService<AppealService>();
            for (var n = 0; !stop.IsCancellationRequested; n++)
            {
                var key = $"outage-{w}-{n}";
                try
                {
                    var (result, code) = await appeals.SubmitPublicAsync(new AppealForm
                    {
                        Channel = AppealChannel.OnlinePortal,
                        DepartmentId = departmentId,
                        CategoryId = 3,
                        IsAnonymous = true,
                        Description = $"Шум во дворе ночью ({key})",
                        IdempotencyKey = "portal:" + key,
                    });
                    if (result.Succeeded)
                    {
                        acks.Add(new Ack(key, code!, DateTime.UtcNow));
                    }
                    else
                    {
                        refusals.Add((DateTime.UtcNow, string.Join(", ", result.Errors.Values)));
                        await Task.Delay(200);
                    }
                }
                catch (Exception e)
                {
                    exceptions.Add(e);
                }
            }
        })).ToList();

        // The chief edits a post's reception hours in a loop: the last acknowledged value is the one stored.
        string? lastSaved = null;
        var staff = Task.Run(async () =>
        {
            await using var scope = await app.SignedInAsync(Demo.Chief);
            var precincts = scope.ServiceProvider.GetRequiredService<PrecinctService>();
            for (var n = 0; !stop.IsCancellationRequested; n++)
            {
                try
                {
                    var form = (await precincts.GetFormAsync(precinctId))!;
                    form.ReceptionHours = $"Пн–Пт 09:00–18:00 ({n})";
                    var result = await precincts.SaveAsync(form);
                    if (result.Succeeded)
                    {
                        lastSaved = form.ReceptionHours;
                    }
                }
                catch (Exception e)
                {
                    exceptions.Add(e);
                }
            }
        });

        await Task.Delay(TimeSpan.FromSeconds(3));
        var cluster = app.Database.Cluster!;
        await cluster.StopAsync(); // pg_ctl stop -m fast: open connections are cut
        var stoppedAt = DateTime.UtcNow;
        await Task.Delay(TimeSpan.FromSeconds(2));
        await cluster.StartServerAsync();
        var restartedAt = DateTime.UtcNow;
        await Task.Delay(TimeSpan.FromSeconds(12));
        await stop.CancelAsync();
        await Task.WhenAll([.. submitters, staff]);

        Assert.Empty(exceptions.Select(e => e.ToString()));
        Assert.Contains(acks, a => a.At < stoppedAt);
        var firstAfter = acks.Where(a => a.At > restartedAt).Select(a => a.At).DefaultIfEmpty(DateTime.MaxValue).Min();
        Assert.True(firstAfter - restartedAt < TimeSpan.FromSeconds(10), $"first write after the restart: {firstAfter - restartedAt}");
        Assert.DoesNotContain(refusals, r => r.At > restartedAt.AddSeconds(10)); // and from then on every write succeeds

        await using var check = app.NewDbContext();
        var stored = await check.Appeals.Where(a => a.IdempotencyKey!.StartsWith("portal:outage-"))
            .GroupBy(a => a.IdempotencyKey!).Select(g => new { Key = g.Key, Count = g.Count(), Code = g.Min(a => a.TrackingCode) })
            .ToDictionaryAsync(x => x.Key["portal:".Length..]);
        var descriptions = await check.Appeals.Where(a => a.IdempotencyKey!.StartsWith("portal:outage-"))
            .GroupBy(a => a.Description).Where(g => g.Count() > 1).Select(g => g.Key).ToListAsync();
        Assert.Empty(descriptions); // no submission stored twice
        Assert.All(acks, a =>
        {
            Assert.True(stored.TryGetValue(a.Key, out var row), $"acknowledged {a.Key} is missing");
            Assert.Equal((1, a.TrackingCode), (row!.Count, row.Code));
        });
        Assert.Equal(lastSaved, await check.Precincts.Where(p => p.Id == precinctId).Select(p => p.ReceptionHours).SingleAsync());
        Console.WriteLine($"{acks.Count} appeals acknowledged, {refusals.Count} refused during the outage; {clock.Elapsed} in all");
    }

    [Fact]
    public async Task While_the_database_is_down_visitors_and_clients_get_a_try_again_answer_not_an_error_page()
    {
        // A host that gives up quickly, so the outage shows within the test's time.
        using var quick = app.Factory.WithWebHostBuilder(builder => builder
            .UseSetting("Database:RetryCount", "1").UseSetting("Database:RetryMaxDelaySeconds", "0.2"));
        using var client = quick.CreateClient();
        Assert.DoesNotContain("database-unavailable", await client.GetStringAsync("/public/appeal"));
        int precinctId;
        await using (var db = app.NewDbContext())
        {
            precinctId = await db.Precincts.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
        }

        await using var chief = await SignIn.ScopeAsync(quick.Services, Demo.Chief);
        var precincts = chief.ServiceProvider.GetRequiredService<PrecinctService>();
        var passport = (await precincts.GetFormAsync(precinctId))!;

        var cluster = app.Database.Cluster!;
        await cluster.StopAsync();
        try
        {
            var page = await client.GetAsync("/public/appeal");
            var open311 = await client.PostAsync("/open311/v2/requests.json",
                new FormUrlEncodedContent(new Dictionary<string, string> { ["service_code"] = "theft", ["description"] = "x" }));
            var staffSave = await Record.ExceptionAsync(() => precincts.SaveAsync(passport));

            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
            Assert.Contains("data-testid=\"database-unavailable\"", html);
            Assert.Contains("База данных сейчас недоступна", html); // the default culture's text
            Assert.Equal(HttpStatusCode.ServiceUnavailable, open311.StatusCode);
            // The staff pages' error boundary turns this into the same notice (ErrorNoticeTests).
            Assert.True(DatabaseOutage.Is(staffSave), staffSave?.ToString());
        }
        finally
        {
            await cluster.StartServerAsync();
        }

        Assert.DoesNotContain("database-unavailable", await client.GetStringAsync("/public/appeal"));
    }
}
