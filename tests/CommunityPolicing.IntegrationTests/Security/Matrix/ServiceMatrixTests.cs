using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using CommunityPolicing.Web;
using CommunityPolicing.Web.Domain;
using CommunityPolicing.Web.Features.Admin;
using CommunityPolicing.Web.Features.Analysis;
using CommunityPolicing.Web.Features.Appeals;
using CommunityPolicing.Web.Features.Associations;
using CommunityPolicing.Web.Features.BeatWork;
using CommunityPolicing.Web.Features.Dashboards;
using CommunityPolicing.Web.Features.Notifications;
using CommunityPolicing.Web.Features.Officers;
using CommunityPolicing.Web.Features.Patrols;
using CommunityPolicing.Web.Features.PersonalData;
using CommunityPolicing.Web.Features.Precincts;
using CommunityPolicing.Web.Features.Prevention;
using CommunityPolicing.Web.Features.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace CommunityPolicing.IntegrationTests.Security.Matrix;

/// <summary>
/// Every read method of every feature service, called by every account with another scope's keys: the result, as
/// JSON, carries none of that scope's tokens. The methods come from the services by reflection; a public method in
/// neither table fails the first test.
/// </summary>
[Collection(MatrixCollection.Name)]
public sealed class ServiceMatrixTests(MatrixApp app)
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);
    private static readonly DateOnly YearStart = new(Today.Year, 1, 1);
    private static readonly DateOnly YearEnd = new(Today.Year, 12, 31);

    private static T S<T>(IServiceProvider sp) where T : notnull => sp.GetRequiredService<T>();

    /// <summary>Each read method and its calls with keys of the marked scopes.</summary>
    private static readonly Dictionary<string, Func<IServiceProvider, Foreign, Task<object?[]>>> Reads = new()
    {
        ["AuditService.ListAsync"] = async (sp, _) => [await S<AuditService>(sp).ListAsync(new AuditQuery(EntityKey: null, PageSize: 200))],
        ["AuditService.EntityTypesAsync"] = async (sp, _) => [await S<AuditService>(sp).EntityTypesAsync()],
        ["ReferenceDataService.CategoriesAsync"] = async (sp, _) => [await S<ReferenceDataService>(sp).CategoriesAsync()],
        ["ReferenceDataService.CalendarAsync"] = async (sp, _) => [await S<ReferenceDataService>(sp).CalendarAsync(Jurisdiction.Kazakhstan, Today.Year)],
        ["ReferenceDataService.TopicRulesAsync"] = async (sp, _) => [await S<ReferenceDataService>(sp).TopicRulesAsync()],
        ["UserAdminService.ListAsync"] = async (sp, _) => [await S<UserAdminService>(sp).ListAsync(new UserListQuery(PageSize: 500))],
        ["UserAdminService.GetFormAsync"] = async (sp, _) => [await S<UserAdminService>(sp).GetFormAsync("no-such-user")],
        ["AnalysisService.PrecinctsAsync"] = async (sp, _) => [await S<AnalysisService>(sp).PrecinctsAsync()],
        ["AnalysisService.SummaryAsync"] = async (sp, f) =>
        [
            await S<AnalysisService>(sp).SummaryAsync(f.PostB, YearStart, YearEnd), await S<AnalysisService>(sp).SummaryAsync(f.Post30, YearStart, YearEnd),
            await S<AnalysisService>(sp).SummaryAsync(null, YearStart, YearEnd),
        ],
        ["AnalysisService.MeetingsAsync"] = async (sp, f) => [await S<AnalysisService>(sp).MeetingsAsync(f.PostB), await S<AnalysisService>(sp).MeetingsAsync(f.Post30)],
        ["AnalysisService.BriefingsAsync"] = async (sp, f) =>
            [await S<AnalysisService>(sp).BriefingsAsync(), await S<AnalysisService>(sp).BriefingsAsync(f.PostB), await S<AnalysisService>(sp).BriefingsAsync(f.Post30)],
        ["AnalysisService.AssociationsAsync"] = async (sp, f) => [await S<AnalysisService>(sp).AssociationsAsync(f.PostB), await S<AnalysisService>(sp).AssociationsAsync(f.Post30)],
        ["AnalysisService.MayWriteAsync"] = async (sp, f) => [await S<AnalysisService>(sp).MayWriteAsync(f.PostB) ? "ZXQB writable" : null],
        ["AppealService.ListAsync"] = async (sp, f) =>
        [
            await S<AppealService>(sp).ListAsync(new AppealListQuery(PageSize: 1000)),
            await S<AppealService>(sp).ListAsync(new AppealListQuery(PrecinctId: f.PostB)), await S<AppealService>(sp).ListAsync(new AppealListQuery(PrecinctId: f.Post30)),
            await S<AppealService>(sp).ListAsync(new AppealListQuery(Search: "ZXQ")), await S<AppealService>(sp).ListAsync(new AppealListQuery(OfficerId: f.OfficerB)),
        ],
        ["AppealService.MineDueAsync"] = async (sp, _) => [await S<AppealService>(sp).MineDueAsync(DateOnly.MinValue, DateOnly.MaxValue, 1000)],
        ["AppealService.ExportAsync"] = async (sp, f) => [await S<AppealService>(sp).ExportAsync(new AppealListQuery()), await S<AppealService>(sp).ExportAsync(new AppealListQuery(BeatId: f.BeatB))],
        ["AppealService.GetAsync"] = async (sp, f) =>
            [await S<AppealService>(sp).GetAsync(f.AppealB.Id), await S<AppealService>(sp).GetAsync(f.AppealP.Id), await S<AppealService>(sp).GetAsync(f.AppealC.Id)],
        ["AppealService.GetAttachmentAsync"] = async (sp, f) =>
        [
            await S<AppealService>(sp).GetAttachmentAsync(f.AppealB.Id, f.AttachmentB), await S<AppealService>(sp).GetAttachmentAsync(f.AppealP.Id, f.AttachmentP),
            await S<AppealService>(sp).GetAttachmentAsync(f.AppealC.Id, f.AttachmentB),
        ],
        ["AppealService.TrackAsync"] = async (sp, f) => [await S<AppealService>(sp).TrackAsync(f.AppealB.TrackingCode), await S<AppealService>(sp).TrackAsync(f.AppealC.TrackingCode)],
        ["AppealService.CategoriesAsync"] = async (sp, _) => [await S<AppealService>(sp).CategoriesAsync()],
        ["AppealService.PublicPlacesAsync"] = async (sp, _) => [await S<AppealService>(sp).PublicPlacesAsync(CultureInfo.InvariantCulture)],
        ["AssociationService.ListAsync"] = async (sp, _) => [await S<AssociationService>(sp).ListAsync(0, 500)],
        ["AssociationService.GetAsync"] = async (sp, f) => [await S<AssociationService>(sp).GetAsync(f.AssociationB), await S<AssociationService>(sp).GetAsync(f.AssociationP)],
        ["AssociationService.HoursExportAsync"] = async (sp, f) =>
            [await S<AssociationService>(sp).HoursExportAsync(f.AssociationB), await S<AssociationService>(sp).HoursExportAsync(f.AssociationP)],
        ["AssociationService.MonthReportAsync"] = async (sp, f) =>
        [
            await S<AssociationService>(sp).MonthReportAsync(f.AssociationB, new DateOnly(Today.Year, Today.Month, 1)),
            await S<AssociationService>(sp).MonthReportAsync(f.AssociationP, new DateOnly(Today.Year, Today.Month, 1)),
        ],
        ["AssociationService.GetFormAsync"] = async (sp, f) => [await S<AssociationService>(sp).GetFormAsync(f.AssociationB), await S<AssociationService>(sp).GetFormAsync(f.AssociationP)],
        ["AssociationService.CoordinatorOptionsAsync"] = async (sp, _) => [await S<AssociationService>(sp).CoordinatorOptionsAsync()],
        ["AssociationService.TrainingsAsync"] = async (sp, _) => [await S<AssociationService>(sp).TrainingsAsync(0, 500)],
        ["AssociationService.GetTrainingAsync"] = async (sp, f) => [await S<AssociationService>(sp).GetTrainingAsync(f.TrainingB)],
        ["AssociationService.GetVolunteerAsync"] = async (sp, f) => [await S<AssociationService>(sp).GetVolunteerAsync(f.VolunteerB), await S<AssociationService>(sp).GetVolunteerAsync(f.VolunteerP)],
        ["AssociationService.GetVolunteerFormAsync"] = async (sp, f) =>
            [await S<AssociationService>(sp).GetVolunteerFormAsync(f.VolunteerB), await S<AssociationService>(sp).GetVolunteerFormAsync(f.VolunteerP)],
        ["AssociationService.RosterAsync"] = async (sp, f) => [await S<AssociationService>(sp).RosterAsync(f.AssociationB), await S<AssociationService>(sp).RosterAsync(f.AssociationP)],
        ["BeatWorkService.LogAsync"] = async (sp, f) => [await S<BeatWorkService>(sp).LogAsync(null, 0, 500), await S<BeatWorkService>(sp).LogAsync(f.OfficerB)],
        ["BeatWorkService.MyBeatsAsync"] = async (sp, _) => [await S<BeatWorkService>(sp).MyBeatsAsync()],
        ["BeatWorkService.GetLogFormAsync"] = async (sp, f) => [await S<BeatWorkService>(sp).GetLogFormAsync(f.LogB), await S<BeatWorkService>(sp).GetLogFormAsync(f.LogP)],
        ["BeatWorkService.LinkableAppealsAsync"] = async (sp, _) => [await S<BeatWorkService>(sp).LinkableAppealsAsync()],
        ["BeatWorkService.MyBeatsAtAGlanceAsync"] = async (sp, _) => [await S<BeatWorkService>(sp).MyBeatsAtAGlanceAsync()],
        ["BeatWorkService.PassportAsync"] = async (sp, f) => [await S<BeatWorkService>(sp).PassportAsync(f.BeatB)],
        ["DashboardService.ChiefAsync"] = async (sp, _) => [await S<DashboardService>(sp).ChiefAsync(Period.Of(PeriodKind.Year, Today))],
        ["DashboardService.AdminAsync"] = async (sp, _) => [await S<DashboardService>(sp).AdminAsync()],
        ["OfficerDashboardService.GetAsync"] = async (sp, _) => [await S<OfficerDashboardService>(sp).GetAsync()],
        // The subject export never includes preventive records; the query's own echo is in lower case, the record's name is not.
        ["PersonalDataService.SearchAsync"] = async (sp, _) => [await S<PersonalDataService>(sp).SearchAsync(new PersonQuery { Name = "zxqp-rec person" })],
        ["PersonalDataService.ExportAsync"] = async (sp, _) =>
            [await S<PersonalDataService>(sp).ExportAsync(new PersonQuery { Name = "zxqp-rec person" }) is { } file ? Encoding.UTF8.GetString(file) : null],
        ["DashboardService.ByBeatAsync"] = async (sp, f) =>
            [await S<DashboardService>(sp).ByBeatAsync(f.PostB, Period.Of(PeriodKind.Year, Today)), await S<DashboardService>(sp).ByBeatAsync(f.Post30, Period.Of(PeriodKind.Year, Today))],
        ["NotificationService.GetAsync"] = async (sp, _) => [await S<NotificationService>(sp).GetAsync(100)],
        ["NotificationService.UnreadAsync"] = async (sp, _) => [await S<NotificationService>(sp).UnreadAsync()],
        ["NotificationService.NewlyAssignedAsync"] = async (sp, _) => [await S<NotificationService>(sp).NewlyAssignedAsync(100)],
        ["OfficerService.ListAsync"] = async (sp, f) =>
            [await S<OfficerService>(sp).ListAsync(new OfficerListQuery(PageSize: 1000)), await S<OfficerService>(sp).ListAsync(new OfficerListQuery(PrecinctId: f.PostB))],
        ["OfficerService.GetAsync"] = async (sp, f) => [await S<OfficerService>(sp).GetAsync(f.OfficerB)],
        ["OfficerService.GetFormAsync"] = async (sp, f) => [await S<OfficerService>(sp).GetFormAsync(f.OfficerB)],
        ["PatrolService.ListAsync"] = async (sp, f) =>
        [
            await S<PatrolService>(sp).ListAsync(new PatrolQuery(), 0, 1000), await S<PatrolService>(sp).ListAsync(new PatrolQuery { AssociationId = f.AssociationB }),
            await S<PatrolService>(sp).ListAsync(new PatrolQuery { PrecinctId = f.PostB }), await S<PatrolService>(sp).ListAsync(new PatrolQuery { PrecinctId = f.Post30 }),
        ],
        ["PatrolService.ExportAsync"] = async (sp, f) => [await S<PatrolService>(sp).ExportAsync(new PatrolQuery()), await S<PatrolService>(sp).ExportAsync(new PatrolQuery { AssociationId = f.AssociationB })],
        ["PatrolService.CalendarAsync"] = async (sp, f) => [await S<PatrolService>(sp).CalendarAsync(Today.AddDays(-30), Today.AddDays(30), new PatrolQuery())],
        ["PatrolService.GetAsync"] = async (sp, f) => [await S<PatrolService>(sp).GetAsync(f.PatrolB), await S<PatrolService>(sp).GetAsync(f.PatrolP)],
        ["PatrolService.GetFormAsync"] = async (sp, f) => [await S<PatrolService>(sp).GetFormAsync(f.PatrolB), await S<PatrolService>(sp).GetFormAsync(f.PatrolP)],
        ["PatrolService.AwaitingReportAsync"] = async (sp, _) => [await S<PatrolService>(sp).AwaitingReportAsync()],
        ["PatrolService.AwaitingReportCountAsync"] = async (sp, _) => [await S<PatrolService>(sp).AwaitingReportCountAsync()],
        ["PatrolService.UpcomingAsync"] = async (sp, _) => [await S<PatrolService>(sp).UpcomingAsync(1000)],
        ["PatrolService.CoverageAsync"] = async (sp, _) => [await S<PatrolService>(sp).CoverageAsync(10_000)],
        ["PatrolService.OptionsAsync"] = async (sp, f) =>
            [await S<PatrolService>(sp).OptionsAsync(f.PostB, f.AssociationB), await S<PatrolService>(sp).OptionsAsync(f.Post30, f.AssociationP)],
        ["PatrolService.HotSpotsAsync"] = async (sp, f) =>
            [await S<PatrolService>(sp).HotSpotsAsync(f.PostB, []), await S<PatrolService>(sp).HotSpotsAsync(f.PostB, [f.BeatB]), await S<PatrolService>(sp).HotSpotsAsync(f.Post30, [])],
        ["PatrolService.OutcomesByMonthAsync"] = async (sp, _) => [await S<PatrolService>(sp).OutcomesByMonthAsync(12)],
        ["PatrolService.TodayAsync"] = async (sp, _) => [await S<PatrolService>(sp).TodayAsync()],
        ["PrecinctService.ListAsync"] = async (sp, f) =>
            [await S<PrecinctService>(sp).ListAsync(new PrecinctListQuery(PageSize: 1000)), await S<PrecinctService>(sp).ListAsync(new PrecinctListQuery(DepartmentId: f.DepartmentB))],
        ["PrecinctService.GetPassportAsync"] = async (sp, f) => [await S<PrecinctService>(sp).GetPassportAsync(f.PostB)],
        ["PrecinctService.GetFormAsync"] = async (sp, f) => [await S<PrecinctService>(sp).GetFormAsync(f.PostB)],
        ["PrecinctService.GetBeatAsync"] = async (sp, f) => [await S<PrecinctService>(sp).GetBeatAsync(f.BeatB)],
        ["PrecinctService.DepartmentsAsync"] = async (sp, _) => [await S<PrecinctService>(sp).DepartmentsAsync()],
        ["PrecinctService.PrecinctOptionsAsync"] = async (sp, _) => [await S<PrecinctService>(sp).PrecinctOptionsAsync()],
        ["PrecinctService.OfficerOptionsAsync"] = async (sp, f) => [await S<PrecinctService>(sp).OfficerOptionsAsync(f.PostB)],
        ["PrecinctService.BeatOptionsAsync"] = async (sp, f) => [await S<PrecinctService>(sp).BeatOptionsAsync(f.PostB), await S<PrecinctService>(sp).BeatOptionsAsync(null)],
        ["PrecinctService.SummaryAsync"] = async (sp, _) => [await S<PrecinctService>(sp).SummaryAsync()],
        ["PreventionService.QuarterAsync"] = async (sp, f) =>
        [
            await S<PreventionService>(sp).QuarterAsync(Today, null), await S<PreventionService>(sp).QuarterAsync(Today, f.PostB),
            await S<PreventionService>(sp).QuarterAsync(Today, f.Post30),
        ],
        ["PreventionService.ProgressAsync"] = async (sp, f) =>
        [
            await S<PreventionService>(sp).ProgressAsync(Today, null), await S<PreventionService>(sp).ProgressAsync(Today, f.PostB),
            await S<PreventionService>(sp).ProgressAsync(Today, f.Post30),
        ],
        ["PreventionService.OptionsAsync"] = async (sp, f) => [await S<PreventionService>(sp).OptionsAsync(f.PostB)],
        ["RecordService.ExportAsync"] = async (sp, _) => [await S<RecordService>(sp).ExportAsync()],
        ["RecordService.ListAsync"] = async (sp, _) => [await S<RecordService>(sp).ListAsync(false, true, 0, 1000)],
        ["RecordService.GetAsync"] = async (sp, f) => [await S<RecordService>(sp).GetAsync(f.RecordB), await S<RecordService>(sp).GetAsync(f.RecordP)],
        ["QuarterReportService.GetAsync"] = async (sp, f) =>
        [
            await S<QuarterReportService>(sp).GetAsync(Today.Year, (Today.Month - 1) / 3 + 1, null),
            await S<QuarterReportService>(sp).GetAsync(Today.Year, (Today.Month - 1) / 3 + 1, f.PostB),
            await S<QuarterReportService>(sp).GetAsync(Today.Year, (Today.Month - 1) / 3 + 1, f.Post30),
        ],
        ["CalendarFeedService.ListAsync"] = async (sp, f) =>
            [await S<CalendarFeedService>(sp).ListAsync(f.AssociationB, null), await S<CalendarFeedService>(sp).ListAsync(null, f.OfficerB)],
        ["CalendarFeedService.IcsAsync"] = async (sp, _) =>
            [(await S<CalendarFeedService>(sp).IcsAsync("not-a-token", "http://localhost", S<IStringLocalizer<SharedResource>>(sp))).Ics],
    };

    /// <summary>Methods that change data: they take the same scope checks, proven per feature and for forged keys in BadInputTests.</summary>
    private static readonly HashSet<string> Writes =
    [
        "ReferenceDataService.SaveCategoryAsync", "ReferenceDataService.AddCalendarDayAsync", "ReferenceDataService.RemoveCalendarDayAsync",
        "ReferenceDataService.SaveTopicRuleAsync", "UserAdminService.SaveAsync", "UserAdminService.LockAsync", "UserAdminService.UnlockAsync",
        "UserAdminService.ResetPasswordAsync", "UserAdminService.ResetTwoFactorAsync", "AnalysisService.SaveMeetingAsync", "AnalysisService.SetActionDoneAsync", "AnalysisService.SaveBriefingAsync",
        "AppealService.CreateAsync", "AppealService.RegisterAtIntakeAsync", "AppealService.SubmitPublicAsync", "AppealService.AttachAsync", "AppealService.AssignAsync", "AppealService.StartAsync",
        "AppealService.AnswerAsync", "AppealService.ExtendAsync", "AppealService.RedirectAsync", "AppealService.CloseAsync", "AppealService.RateAsync",
        "AssociationService.SaveMonthPlanAsync", "AssociationService.SaveAsync", "AssociationService.SaveVolunteerAsync", "AssociationService.ImportMembersAsync",
        "AssociationService.RecordTrainingAsync", "BeatWorkService.AddLogAsync", "BeatWorkService.CorrectLogAsync", "BeatWorkService.AddPlaceAsync", "BeatWorkService.AddContactAsync",
        "NotificationService.MarkAllReadAsync", "NotificationService.MarkAppealReadAsync", "OfficerService.SaveAsync", "PatrolService.PlanAsync", "PatrolService.MoveAsync", "PatrolService.RespondAsync",
        "PatrolService.ReportAsync", "PrecinctService.SaveAsync", "PrecinctService.SaveEquipmentAsync", "PrecinctService.SaveBeatAsync",
        "PreventionService.SaveAsync", "PreventionService.MarkDoneAsync", "RecordService.AddAsync", "RecordService.CheckAsync", "RecordService.RemoveAsync",
        "CalendarFeedService.CreateAsync", "CalendarFeedService.RevokeAsync",
    ];

    private static readonly JsonSerializerOptions Json = new()
    {
        IncludeFields = true,
        ReferenceHandler = ReferenceHandler.IgnoreCycles,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(), new PeriodConverter() },
    };

    /// <summary>A period as its dates: its Previous is computed, endlessly.</summary>
    private sealed class PeriodConverter : JsonConverter<Period>
    {
        public override Period Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => throw new NotSupportedException();

        public override void Write(Utf8JsonWriter writer, Period value, JsonSerializerOptions options) =>
            writer.WriteStringValue($"{value.From:yyyy-MM-dd}..{value.To:yyyy-MM-dd}");
    }

    [Fact]
    public void Every_public_method_of_every_feature_service_is_in_the_matrix()
    {
        var services = typeof(Program).Assembly.GetTypes()
            .Where(t => t.IsClass && t.IsPublic && t.Namespace?.StartsWith("CommunityPolicing.Web.Features", StringComparison.Ordinal) == true
                && t.Name.EndsWith("Service", StringComparison.Ordinal))
            .ToList();
        var methods = services.SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => !m.IsSpecialName).Select(m => $"{t.Name}.{m.Name}")).Distinct().ToList();

        Assert.Contains("DashboardService.ChiefAsync", methods);
        var missing = methods.Where(m => !Reads.ContainsKey(m) && !Writes.Contains(m)).Order().ToList();
        Assert.True(missing.Count == 0, $"Service methods the access matrix does not cover: {string.Join(", ", missing)}");
        var stale = Reads.Keys.Concat(Writes).Where(m => !methods.Contains(m)).ToList();
        Assert.True(stale.Count == 0, $"Methods in the matrix the services no longer have: {string.Join(", ", stale)}");
    }

    [Theory]
    [InlineData(Scopes.Anonymous)]
    [InlineData(Demo.Admin)]
    [InlineData(Demo.Chief)]
    [InlineData(Demo.Officer17)]
    [InlineData(Demo.Officer30)]
    [InlineData(Demo.Coordinator)]
    public async Task No_service_read_returns_another_scopes_records(string account)
    {
        var ids = app.Ids;
        var tokens = Scopes.ForeignTokens(account, ids);
        var failures = new List<string>();
        foreach (var (method, call) in Reads)
        {
            await using var scope = await app.SignedInAsync(account == Scopes.Anonymous ? null : account);
            var results = await call(scope.ServiceProvider, ids);
            for (var i = 0; i < results.Length; i++)
            {
                var json = JsonSerializer.Serialize(results[i], Json);
                if (Scopes.Leak(json, tokens) is { } token)
                {
                    failures.Add($"{method} call {i + 1}: {token} in {json[..Math.Min(json.Length, 300)]}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>Reads of accounts and the audit trail, which carry no scope tokens: empty for everyone they are not for.</summary>
    [Theory]
    [InlineData(Scopes.Anonymous)]
    [InlineData(Demo.Chief)]
    [InlineData(Demo.Officer17)]
    [InlineData(Demo.Coordinator)]
    public async Task Account_and_audit_reads_are_empty_outside_their_roles(string account)
    {
        await using var scope = await app.SignedInAsync(account == Scopes.Anonymous ? null : account);
        var sp = scope.ServiceProvider;
        var coordinators = await S<AssociationService>(sp).CoordinatorOptionsAsync();

        Assert.Equal(0, (await S<UserAdminService>(sp).ListAsync(new UserListQuery())).Total);
        Assert.Equal(0, (await S<AuditService>(sp).ListAsync(new AuditQuery())).Total);
        Assert.Null(await S<DashboardService>(sp).AdminAsync());
        if (account == Demo.Chief)
        {
            Assert.Contains(coordinators, c => c.Name.Contains(Demo.Coordinator, StringComparison.Ordinal)); // the chief attaches them
        }
        else
        {
            Assert.Empty(coordinators);
        }
    }

    /// <summary>
    /// The one role that reads the audit trail must not find personal data in it: a chief's change of an applicant's
    /// contacts and a record's grounds (written through the app, so audited) shows there by field name only.
    /// </summary>
    [Fact]
    public async Task The_audit_trail_read_by_administrators_names_personal_fields_without_their_values()
    {
        var ids = app.Ids;
        await using (var chief = await app.SignedInAsync(Demo.Chief))
        await using (var db = await S<IDbContextFactory<Web.Data.AppDbContext>>(chief.ServiceProvider).CreateDbContextAsync())
        {
            var appeal = await db.Appeals.SingleAsync(a => a.Id == ids.AppealP.Id);
            appeal.ApplicantName = "ZXQA applicant";
            appeal.ApplicantEmail = "zxqa@example.org";
            var record = await db.PreventiveRecords.SingleAsync(r => r.Id == ids.RecordP);
            record.Grounds = "ZXQA grounds";
            record.CheckEveryDays++;
            await db.SaveChangesAsync();
        }

        await using var admin = await app.SignedInAsync(Demo.Admin);
        var trail = await S<AuditService>(admin.ServiceProvider).ListAsync(new AuditQuery(PageSize: 200));

        Assert.DoesNotContain("ZXQA", JsonSerializer.Serialize(trail, Json), StringComparison.OrdinalIgnoreCase);
        Assert.Contains(trail.Items, a => a.EntityType == nameof(Appeal) && a.EntityKey == ids.AppealP.Id.ToString()
            && a.PersonalFields is ["ApplicantName", "ApplicantEmail"] or ["ApplicantEmail", "ApplicantName"]);
        Assert.Contains(trail.Items, a => a.EntityType == nameof(PreventiveRecord) && a.PersonalFields is ["Grounds"]
            && a.NewValues!.Contains("CheckEveryDays", StringComparison.Ordinal));
    }

    /// <summary>The tokens do come back where they belong, so the absences above are not vacuous.</summary>
    [Fact]
    public async Task The_owners_get_the_marked_records_from_the_same_calls()
    {
        var ids = app.Ids;
        await using var admin = await app.SignedInAsync(Demo.Admin);
        await using var officer30 = await app.SignedInAsync(Demo.Officer30);

        var everything = JsonSerializer.Serialize(await Task.WhenAll(Reads.Values.Select(async call => await call(admin.ServiceProvider, ids))), Json);
        Assert.Contains("ZXQB appeal", everything);
        Assert.Contains("ZXQB Volunteer", everything);
        Assert.Contains("ZXQB log", everything);
        Assert.Contains("ZXQB minutes", everything);
        Assert.Contains("ZXQB meeting point", everything);
        Assert.Contains("ZXQP-REC", JsonSerializer.Serialize(await officer30.ServiceProvider.GetRequiredService<RecordService>().GetAsync(ids.RecordP), Json));
    }

    /// <summary>The chief's dashboard counts the department's appeals and nothing else, checked against SQL.</summary>
    [Fact]
    public async Task The_chiefs_dashboard_counts_only_the_departments_appeals()
    {
        var ids = app.Ids;
        await using var chief = await app.SignedInAsync(Demo.Chief);
        var period = Period.Of(PeriodKind.Year, Today);
        var dashboard = (await chief.ServiceProvider.GetRequiredService<DashboardService>().ChiefAsync(period))!;

        await using var db = app.NewDbContext();
        var taraz = await db.Departments.SingleAsync(d => d.Name == Demo.TarazDepartment);
        var (from, to) = LocalTime.Range(taraz.TimeZoneId, period.From, period.To);
        var received = await db.Appeals.CountAsync(a => a.DepartmentId == taraz.Id && a.RegisteredAt >= from && a.RegisteredAt < to);
        var everywhere = await db.Appeals.CountAsync(a => a.RegisteredAt >= from && a.RegisteredAt < to);
        var complaints = await db.Appeals.CountAsync(a => a.DepartmentId == taraz.Id && a.RegisteredAt >= from && a.RegisteredAt < to && a.Category!.IsComplaintAboutOfficer);
        var tarazPosts = await db.Precincts.Where(p => p.DepartmentId == taraz.Id).Select(p => p.Id).ToListAsync();
        var tarazBeats = await db.Beats.Where(b => tarazPosts.Contains(b.PrecinctId)).Select(b => b.Id).ToListAsync();

        Assert.True(everywhere > received, "the other department has appeals in the period");
        Assert.Equal(received, dashboard.Appeals.Received);
        Assert.Equal(received, dashboard.ByPrecinct.Sum(p => p.Received));
        Assert.Equal(received, dashboard.Categories.Sum(c => c.Count));
        Assert.Equal(complaints, dashboard.Appeals.Complaints);
        Assert.All(dashboard.ByPrecinct, p => Assert.Contains(p.Key!.Value, tarazPosts.Append(0))); // 0: appeals not yet at a post
        Assert.All(dashboard.PatrolHours, h => Assert.Contains(h.BeatId, tarazBeats));
        Assert.Equal(await db.Precincts.CountAsync(p => p.DepartmentId == taraz.Id), dashboard.Staffing.Posts);
        Assert.DoesNotContain(dashboard.ByPrecinct, p => p.Key == ids.PostB);
    }
}
