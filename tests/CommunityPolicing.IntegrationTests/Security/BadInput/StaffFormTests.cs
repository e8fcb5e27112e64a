using System.Collections;
using CommunityPolicing.Web.Data;
using CommunityPolicing.Web.Domain;
using CommunityPolicing.Web.Features;
using CommunityPolicing.Web.Features.Analysis;
using CommunityPolicing.Web.Features.Appeals;
using CommunityPolicing.Web.Features.Associations;
using CommunityPolicing.Web.Features.BeatWork;
using CommunityPolicing.Web.Features.Officers;
using CommunityPolicing.Web.Features.Precincts;
using CommunityPolicing.Web.Features.Prevention;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace CommunityPolicing.IntegrationTests.Security.BadInput;

/// <summary>
/// The staff forms' create methods called straight with a valid form spoiled in one property at a time by a hostile
/// value of that property's type (text, forged or huge ids, out-of-range numbers and dates, undefined enum values):
/// the answer is a SaveResult (never an exception), and a refused form leaves the table as it was.
/// </summary>
[Collection(BadInputCollection.Name)]
public sealed class StaffFormTests(BadInputApp app, ITestOutputHelper output)
{
    private static readonly IReadOnlyList<Hostile> Texts = Hostile.Values(20261124, 20);

    private sealed record Target(string Name, string Account, Func<Ids, object> NewForm, Func<IServiceProvider, object, Task<SaveResult>> Save,
        Func<AppDbContext, Task<int>> Count);

    private sealed record Ids(int Department, int OtherDepartment, int Post17, int OtherPost, int Beat17, int OtherBeat, int Association, int Category);

    private static int _unique;

    private static readonly Target[] Targets =
    [
        new("AppealService.CreateAsync", Demo.Chief,
            ids => new AppealForm { Channel = AppealChannel.Phone, DepartmentId = ids.Department, CategoryId = ids.Category, Description = "Noise", IsAnonymous = true },
            (sp, f) => sp.GetRequiredService<AppealService>().CreateAsync((AppealForm)f), db => db.Appeals.CountAsync()),
        new("PrecinctService.SaveAsync", Demo.Chief,
            ids => new PrecinctForm { DepartmentId = ids.Department, Number = $"H{Interlocked.Increment(ref _unique)}", Name = "Hostile post", Address = "Abay 1", AuthorisedPosts = 2 },
            (sp, f) => sp.GetRequiredService<PrecinctService>().SaveAsync((PrecinctForm)f), db => db.Precincts.CountAsync()),
        new("PrecinctService.SaveBeatAsync", Demo.Chief,
            ids => new BeatForm { PrecinctId = ids.Post17, Name = $"Hostile beat {Interlocked.Increment(ref _unique)}", Population = 10, Households = 4 },
            (sp, f) => sp.GetRequiredService<PrecinctService>().SaveBeatAsync((BeatForm)f), db => db.Beats.CountAsync()),
        new("OfficerService.SaveAsync", Demo.Chief,
            ids => new OfficerForm { PrecinctId = ids.Post17, FullName = "Hostile Officer", Rank = "Captain", BadgeNumber = $"HB-{Interlocked.Increment(ref _unique)}" },
            (sp, f) => sp.GetRequiredService<OfficerService>().SaveAsync((OfficerForm)f), db => db.Officers.CountAsync()),
        new("AssociationService.SaveVolunteerAsync", Demo.Coordinator,
            ids => new VolunteerForm { AssociationId = ids.Association, FullName = "Hostile Volunteer", BirthDate = new DateTime(1990, 1, 1), JoinedOn = DateTime.Today },
            (sp, f) => sp.GetRequiredService<AssociationService>().SaveVolunteerAsync((VolunteerForm)f), db => db.Volunteers.CountAsync()),
        new("BeatWorkService.AddLogAsync", Demo.Officer17,
            _ => new LogForm { Kind = LogEntryKind.Reception, Date = DateTime.Today, Time = TimeSpan.FromHours(10), Note = "Reception" },
            (sp, f) => sp.GetRequiredService<BeatWorkService>().AddLogAsync((LogForm)f), db => db.LogEntries.CountAsync()),
        new("BeatWorkService.AddPlaceAsync", Demo.Chief,
            ids => new BeatPlaceForm { BeatId = ids.Beat17, Name = "School 5" },
            (sp, f) => sp.GetRequiredService<BeatWorkService>().AddPlaceAsync((BeatPlaceForm)f), db => db.BeatPlaces.CountAsync()),
        new("RecordService.AddAsync", Demo.Chief,
            ids => new RecordForm { PrecinctId = ids.Post17, FullName = "Hostile Person", BirthDate = new DateTime(2010, 5, 1), Grounds = "Court order", StartedOn = DateTime.Today },
            (sp, f) => sp.GetRequiredService<RecordService>().AddAsync((RecordForm)f), db => db.PreventiveRecords.CountAsync()),
        new("PreventionService.SaveAsync", Demo.Chief,
            ids => new ActivityForm { PrecinctId = ids.Post17, Title = "Lecture", PlannedOn = DateTime.Today.AddDays(3) },
            (sp, f) => sp.GetRequiredService<PreventionService>().SaveAsync((ActivityForm)f), db => db.PreventionActivities.CountAsync()),
        new("AnalysisService.SaveBriefingAsync", Demo.Chief,
            ids => new BriefingForm { PrecinctId = ids.Post17, Title = "Briefing", Text = "Watch the park", ValidUntil = DateTime.Today.AddDays(30) },
            (sp, f) => sp.GetRequiredService<AnalysisService>().SaveBriefingAsync((BriefingForm)f), db => db.Briefings.CountAsync()),
        new("AnalysisService.SaveMeetingAsync", Demo.Chief,
            ids => new MeetingForm { PrecinctId = ids.Post17, Minutes = "Agreed", HeldOn = DateTime.Today, PeriodFrom = DateTime.Today.AddMonths(-1), PeriodTo = DateTime.Today, Actions = [] },
            (sp, f) => sp.GetRequiredService<AnalysisService>().SaveMeetingAsync((MeetingForm)f), db => db.JointMeetings.CountAsync()),
    ];

    [Fact]
    public async Task Staff_forms_answer_every_hostile_value_with_a_result_and_save_nothing_when_refused()
    {
        var ids = await IdsAsync();
        var failures = new List<string>();
        var calls = 0;
        var saved = 0;
        await using var db = app.NewDbContext();
        foreach (var target in Targets)
        {
            await using var scope = await app.SignedInAsync(target.Account);
            var baseline = await target.Save(scope.ServiceProvider, target.NewForm(ids));
            Assert.True(baseline.Succeeded, $"{target.Name}: the valid form is refused: {string.Join(", ", baseline.Errors)}");

            // An idempotency key sent again returns the first appeal by design (PublicPortalTests), so it is not spoiled here.
            foreach (var property in target.NewForm(ids).GetType().GetProperties().Where(p => p.CanWrite && p.Name is not ("Id" or "IdempotencyKey")))
            {
                foreach (var value in ValuesFor(property.PropertyType, ids))
                {
                    var form = target.NewForm(ids);
                    property.SetValue(form, value);
                    var before = await target.Count(db);
                    calls++;
                    SaveResult result;
                    try
                    {
                        result = await target.Save(scope.ServiceProvider, form);
                    }
                    catch (Exception e)
                    {
                        failures.Add($"{target.Name} {property.Name}={Show(value)}: {e.GetType().Name} {e.Message[..Math.Min(e.Message.Length, 200)]}");
                        continue;
                    }

                    var after = await target.Count(db);
                    saved += result.Succeeded ? 1 : 0;
                    if (after != before + (result.Succeeded ? 1 : 0))
                    {
                        failures.Add($"{target.Name} {property.Name}={Show(value)}: {(result.Succeeded ? "saved" : "refused")} but {after - before} rows");
                    }

                    if (!result.Succeeded && result.Errors.Values.Any(string.IsNullOrEmpty))
                    {
                        failures.Add($"{target.Name} {property.Name}={Show(value)}: an error without a message");
                    }
                }
            }
        }

        output.WriteLine($"{calls} calls, {saved} saved");
        Assert.True(calls >= 1500, $"only {calls} inputs");
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(60)));
    }

    private static IEnumerable<object?> ValuesFor(Type type, Ids ids)
    {
        var inner = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string))
        {
            return Texts.Select(t => (object?)t.Text).Append(null);
        }

        if (inner == typeof(int))
        {
            return new object?[] { 0, -1, int.MinValue, int.MaxValue, 1_000_000, ids.OtherDepartment, ids.OtherPost, ids.OtherBeat }
                .Concat(type != inner ? [null] : []);
        }

        if (inner == typeof(uint))
        {
            return [0u, uint.MaxValue];
        }

        if (inner == typeof(double))
        {
            return new object?[] { double.NaN, double.PositiveInfinity, double.NegativeInfinity, double.MaxValue, -91d, 181d, double.Epsilon }
                .Concat(type != inner ? [null] : []);
        }

        if (inner == typeof(decimal))
        {
            return [decimal.MaxValue, decimal.MinValue, -1m, 0.0000001m, 100_000m];
        }

        if (inner == typeof(DateTime))
        {
            return new object?[] { DateTime.MinValue, DateTime.MaxValue, new DateTime(1900, 1, 1), DateTime.Today.AddYears(200), DateTime.Today.AddYears(-200) }
                .Concat(type != inner ? [null] : []);
        }

        if (inner == typeof(DateOnly))
        {
            return [DateOnly.MinValue, DateOnly.MaxValue];
        }

        if (inner == typeof(TimeSpan))
        {
            return [TimeSpan.FromHours(-1), TimeSpan.FromHours(25), TimeSpan.MaxValue, TimeSpan.MinValue, null];
        }

        if (inner.IsEnum)
        {
            return [Enum.ToObject(inner, -1), Enum.ToObject(inner, 999)];
        }

        if (type == typeof(IReadOnlyCollection<int>))
        {
            return [new[] { -1, 0, int.MaxValue }, new[] { ids.OtherPost, ids.OtherBeat }, Enumerable.Range(1, 10_000).ToArray()];
        }

        if (type == typeof(IReadOnlyCollection<string>))
        {
            return [new[] { "no-such-user", "'; DROP TABLE asp_net_users;--" }, new[] { new string('x', 100_000) }];
        }

        if (type == typeof(List<ActionForm>))
        {
            return Texts.Take(40).Select(t => (object?)new List<ActionForm> { new() { Text = t.Text, Owner = t.Text, DueOn = DateTime.MaxValue } })
                .Append(Enumerable.Range(0, 2000).Select(_ => new ActionForm { Text = "x", Owner = "y", DueOn = DateTime.Today }).ToList());
        }

        if (type == typeof(List<AttachmentUpload>))
        {
            return [new List<AttachmentUpload> { new("../../etc/passwd", "<script>"u8.ToArray()) }, new List<AttachmentUpload> { new("a.pdf", []) }];
        }

        return []; // bool and the like: every value is valid
    }

    private static string Show(object? value) => value switch
    {
        null => "null",
        string s => new Hostile("", s).ToString(),
        IEnumerable e => $"[{e.Cast<object>().Count()} items]",
        _ => value.ToString() ?? "",
    };

    private async Task<Ids> IdsAsync()
    {
        await using var db = app.NewDbContext();
        var taraz = await db.Departments.SingleAsync(d => d.Name == Demo.TarazDepartment);
        var post17 = await db.Precincts.SingleAsync(p => p.DepartmentId == taraz.Id && p.Number == "17");
        var otherPost = await db.Precincts.Where(p => p.DepartmentId != taraz.Id).OrderBy(p => p.Id).FirstAsync();
        var coordinator = await db.Users.Where(u => u.Email == Demo.Coordinator).Select(u => u.Id).SingleAsync();
        return new Ids(taraz.Id, otherPost.DepartmentId, post17.Id, otherPost.Id,
            await db.Beats.Where(b => b.PrecinctId == post17.Id).OrderBy(b => b.Id).Select(b => b.Id).FirstAsync(),
            await db.Beats.Where(b => b.PrecinctId == otherPost.Id).OrderBy(b => b.Id).Select(b => b.Id).FirstAsync(),
            await db.Associations.Where(a => a.Coordinators.Any(c => c.UserId == coordinator)).OrderBy(a => a.Id).Select(a => a.Id).FirstAsync(),
            await db.AppealCategories.Where(c => c.Code == "theft").Select(c => c.Id).SingleAsync());
    }
}
