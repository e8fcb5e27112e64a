using CommunityPolicing.Testing;
using CommunityPolicing.Web.Domain;
using CommunityPolicing.Web.Features.Appeals;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPolicing.IntegrationTests.Features.Appeals;

[Collection(AppCollection.Name)]
public sealed class AppealServiceTests(TestApp app)
{
    private const int Theft = 3;
    private const int ComplaintAboutOfficer = 9;

    /// <summary>The centre of a beat of post 17 that has an officer, from its boundary.</summary>
    private async Task<(int BeatId, int OfficerId, double Lat, double Lon)> StaffedBeatOf17Async()
    {
        await using var db = app.NewDbContext();
        var beat = await db.Beats.Where(b => b.Precinct!.Number == "17" && b.Precinct.Department!.Name == Demo.TarazDepartment
            && b.OfficerId != null && b.BoundaryGeoJson != null).OrderBy(b => b.Id).FirstAsync();
        var centre = BeatBoundary.Parse(beat.BoundaryGeoJson!)!.Centroid;
        return (beat.Id, beat.OfficerId!.Value, centre.Y, centre.X);
    }

    private static AppealForm Form(double lat, double lon, int category = Theft) => new()
    {
        Channel = AppealChannel.InPerson,
        CategoryId = category,
        ApplicantName = "Ахметова Гульнара",
        ApplicantPhone = "+7 701 555 12 34",
        Description = "Украли велосипед из подъезда",
        Address = "ул. Сулейманова, 7",
        Latitude = lat,
        Longitude = lon,
    };

    [Fact]
    public async Task An_appeal_with_coordinates_is_routed_to_the_beat_and_its_officer_with_a_15_working_day_deadline()
    {
        var (beatId, officerId, lat, lon) = await StaffedBeatOf17Async();
        await using var scope = await app.SignedInAsync(Demo.Chief);
        var appeals = scope.ServiceProvider.GetRequiredService<AppealService>();

        var saved = await appeals.CreateAsync(Form(lat, lon));

        Assert.True(saved.Succeeded, string.Join(", ", saved.Errors.Values));
        var appeal = (await appeals.GetAsync(saved.Id))!;
        Assert.Equal((beatId, officerId, AppealStatus.Assigned), (appeal.BeatId!.Value, appeal.OfficerId!.Value, appeal.Status));
        var registeredOn = LocalTime.Date(appeal.RegisteredAt, "Asia/Almaty");
        await using var db = app.NewDbContext();
        var calendar = new WorkCalendar(await db.CalendarDays.Where(d => d.Jurisdiction == Jurisdiction.Kazakhstan).ToListAsync());
        Assert.Equal(calendar.AddWorkingDays(registeredOn, 15), appeal.DueDate);
        Assert.Matches(@"^\d{4}-\d{6}$", appeal.RegistrationNumber);
        Assert.Equal([AppealEventKind.Registered, AppealEventKind.Assigned], appeal.Timeline.Select(t => t.Kind));
    }

    [Fact]
    public async Task A_complaint_about_an_officer_goes_to_the_chief_and_never_to_the_beats_officers()
    {
        var (_, _, lat, lon) = await StaffedBeatOf17Async();
        await using var chief = await app.SignedInAsync(Demo.Chief);
        var saved = await chief.ServiceProvider.GetRequiredService<AppealService>().CreateAsync(Form(lat, lon, ComplaintAboutOfficer));

        var appeal = (await chief.ServiceProvider.GetRequiredService<AppealService>().GetAsync(saved.Id))!;
        Assert.Null(appeal.OfficerId);
        Assert.Equal(AppealStatus.Registered, appeal.Status);

        await using var officer = await app.SignedInAsync(Demo.Officer17);
        var officerAppeals = officer.ServiceProvider.GetRequiredService<AppealService>();
        Assert.Null(await officerAppeals.GetAsync(saved.Id));
        Assert.Equal(0, (await officerAppeals.ListAsync(new AppealListQuery(Search: appeal.RegistrationNumber))).Total);
    }

    [Theory]
    [InlineData(Demo.Officer17, "17")]
    [InlineData(Demo.Officer30, "30")]
    public async Task Officers_see_only_their_posts_appeals(string email, string post)
    {
        await using var scope = await app.SignedInAsync(email);

        var page = await scope.ServiceProvider.GetRequiredService<AppealService>().ListAsync(new AppealListQuery(PageSize: 100));

        Assert.NotEmpty(page.Items);
        Assert.All(page.Items, a => Assert.Equal(post, a.Precinct));
    }

    [Fact]
    public async Task Chiefs_see_their_department_coordinators_nothing_administrators_everything()
    {
        await using var chief = await app.SignedInAsync(Demo.Chief);
        await using var coordinator = await app.SignedInAsync(Demo.Coordinator);
        await using var admin = await app.SignedInAsync(Demo.Admin);
        await using var db = app.NewDbContext();

        var chiefTotal = (await chief.ServiceProvider.GetRequiredService<AppealService>().ListAsync(new AppealListQuery())).Total;
        var adminTotal = (await admin.ServiceProvider.GetRequiredService<AppealService>().ListAsync(new AppealListQuery())).Total;
        var coordinatorPage = await coordinator.ServiceProvider.GetRequiredService<AppealService>().ListAsync(new AppealListQuery());

        Assert.Equal(await db.Appeals.CountAsync(a => a.Department!.Name == Demo.TarazDepartment), chiefTotal);
        Assert.Equal(await db.Appeals.CountAsync(), adminTotal);
        Assert.Equal(0, coordinatorPage.Total);
        var foreign = await db.Appeals.Where(a => a.Department!.Name != Demo.TarazDepartment).Select(a => a.Id).FirstAsync();
        Assert.Null(await chief.ServiceProvider.GetRequiredService<AppealService>().GetAsync(foreign));
    }

    [Fact]
    public async Task The_list_starts_with_the_newest_by_registration_time_and_says_what_and_where_to_those_who_work_it()
    {
        await using var chief = await app.SignedInAsync(Demo.Chief);
        await using var admin = await app.SignedInAsync(Demo.Admin);
        await using var db = app.NewDbContext();
        var expected = await db.Appeals.Where(a => a.Department!.Name == Demo.TarazDepartment)
            .OrderByDescending(a => a.RegisteredAt).ThenByDescending(a => a.Id).Take(25)
            .Select(a => new { a.Id, a.Description, Place = a.Address ?? a.Beat!.Name }).ToListAsync();
        Assert.NotEqual(expected.Select(a => a.Id).OrderDescending(), expected.Select(a => a.Id)); // the demo's numbers are not in time order

        var page = await chief.ServiceProvider.GetRequiredService<AppealService>().ListAsync(new AppealListQuery());

        Assert.Equal(expected.Select(a => a.Id), page.Items.Select(a => a.Id));
        Assert.All(page.Items.Zip(expected), pair =>
        {
            Assert.StartsWith(pair.First.Summary!, pair.Second.Description);
            Assert.InRange(pair.First.Summary!.Length, 1, AppealRow.SummaryLength);
            Assert.Equal(pair.Second.Place, pair.First.Place);
        });
        var adminRows = (await admin.ServiceProvider.GetRequiredService<AppealService>().ListAsync(new AppealListQuery(PageSize: 100))).Items;
        Assert.All(adminRows, row => Assert.Null(row.Summary)); // the applicant's words stay with those who work the appeal
    }

    [Fact]
    public async Task The_total_is_the_same_on_a_full_page_the_last_page_and_past_the_end()
    {
        await using var chief = await app.SignedInAsync(Demo.Chief);
        var appeals = chief.ServiceProvider.GetRequiredService<AppealService>();
        await using var db = app.NewDbContext();
        var count = await db.Appeals.CountAsync(a => a.Department!.Name == Demo.TarazDepartment);
        var size = new[] { 7, 8, 9, 11, 13 }.First(n => count % n != 0); // so the last page is a short one

        var first = await appeals.ListAsync(new AppealListQuery(PageSize: size));
        var last = await appeals.ListAsync(new AppealListQuery(Page: count / size, PageSize: size));
        var beyond = await appeals.ListAsync(new AppealListQuery(Page: count / size + 1, PageSize: size));
        var whole = await appeals.ListAsync(new AppealListQuery(PageSize: count + 1));

        Assert.Equal(size, first.Items.Count);
        Assert.Equal(count % size, last.Items.Count);
        Assert.Empty(beyond.Items);
        Assert.Equal(count, whole.Items.Count);
        Assert.All(new[] { first, last, beyond, whole }, page => Assert.Equal(count, page.Total));
    }

    [Fact]
    public async Task Filters_search_and_overdue_work_in_the_database()
    {
        await using var scope = await app.SignedInAsync(Demo.Chief);
        var appeals = scope.ServiceProvider.GetRequiredService<AppealService>();

        var overdue = await appeals.ListAsync(new AppealListQuery(OverdueOnly: true, PageSize: 200));
        var byWord = await appeals.ListAsync(new AppealListQuery(Search: "велосипед", PageSize: 200));
        var answered = await appeals.ListAsync(new AppealListQuery(Status: AppealStatus.Answered, PageSize: 200));

        Assert.NotEmpty(overdue.Items);
        Assert.All(overdue.Items, a => Assert.True(a.Overdue(overdue.Today)));
        Assert.NotEmpty(byWord.Items);
        Assert.All(answered.Items, a => Assert.Equal(AppealStatus.Answered, a.Status));
        var number = byWord.Items[0].RegistrationNumber;
        Assert.Equal(number, (await appeals.ListAsync(new AppealListQuery(Search: number))).Items.Single().RegistrationNumber);
    }

    [Fact]
    public async Task The_officer_works_the_appeal_through_to_the_answer_and_unlawful_or_stale_steps_are_refused()
    {
        var (_, _, lat, lon) = await StaffedBeatOf17Async();
        await using var chief = await app.SignedInAsync(Demo.Chief);
        var id = (await chief.ServiceProvider.GetRequiredService<AppealService>().CreateAsync(Form(lat, lon))).Id;
        await using var officer = await app.SignedInAsync(Demo.Officer17);
        var appeals = officer.ServiceProvider.GetRequiredService<AppealService>();
        var appeal = (await appeals.GetAsync(id))!;

        Assert.DoesNotContain(AppealEventKind.Extended, appeal.AllowedSteps); // the chief decides extensions
        Assert.Equal("Appeal.StepNotAllowed", (await appeals.CloseAsync(id, null, appeal.Version)).Errors[""]);
        Assert.True((await appeals.StartAsync(id, appeal.Version)).Succeeded);
        Assert.True((await appeals.StartAsync(id, appeal.Version)).Errors.ContainsKey("")); // already in progress

        var started = (await appeals.GetAsync(id))!;
        Assert.Equal("Validation.Required", (await appeals.AnswerAsync(id, " ", null, started.Version)).Errors[""]);
        Assert.True((await appeals.AnswerAsync(id, "Проведена проверка, велосипед найден.", "Проверка проведена", started.Version)).Succeeded);
        Assert.True((await appeals.AnswerAsync(id, "second", null, started.Version)).Errors.ContainsKey("")); // answered already

        var answered = (await appeals.GetAsync(id))!;
        Assert.Equal(AppealStatus.Answered, answered.Status);
        Assert.Equal([AppealEventKind.Registered, AppealEventKind.Assigned, AppealEventKind.Started, AppealEventKind.Answered],
            answered.Timeline.Select(t => t.Kind));
        await using var db = app.NewDbContext();
        var name = await db.Users.Where(u => u.Email == Demo.Officer17).Select(u => u.FullName).SingleAsync();
        Assert.Equal(name, answered.Timeline[^1].UserName); // the person by name, not the sign-in address
    }

    [Fact]
    public async Task A_stale_version_is_a_conflict()
    {
        var (_, _, lat, lon) = await StaffedBeatOf17Async();
        await using var chief = await app.SignedInAsync(Demo.Chief);
        var appeals = chief.ServiceProvider.GetRequiredService<AppealService>();
        var id = (await appeals.CreateAsync(Form(lat, lon))).Id;
        var version = (await appeals.GetAsync(id))!.Version;

        Assert.True((await appeals.StartAsync(id, version)).Succeeded);
        Assert.True((await appeals.RedirectAsync(id, "Акимат", null, version)).Conflict);
    }

    [Fact]
    public async Task The_chief_extends_within_the_legal_limit_only()
    {
        var (_, _, lat, lon) = await StaffedBeatOf17Async();
        await using var chief = await app.SignedInAsync(Demo.Chief);
        var appeals = chief.ServiceProvider.GetRequiredService<AppealService>();
        var appeal = (await appeals.GetAsync((await appeals.CreateAsync(Form(lat, lon))).Id))!;
        var limit = appeal.LatestExtension!.Value;

        Assert.Equal("Appeal.ExtensionTooLong", (await appeals.ExtendAsync(appeal.Id, limit.AddDays(1), "Экспертиза", appeal.Version)).Errors[""]);
        Assert.True((await appeals.ExtendAsync(appeal.Id, limit, "Назначена экспертиза", appeal.Version)).Succeeded);

        var extended = (await appeals.GetAsync(appeal.Id))!;
        Assert.Equal(limit, extended.DueDate);
        Assert.Contains("Назначена экспертиза", extended.Timeline[^1].Note);
        Assert.Null(extended.LatestExtension);
    }

    [Fact]
    public async Task A_public_appeal_is_routed_by_its_location_tracked_by_code_and_rated_once()
    {
        var (beatId, _, lat, lon) = await StaffedBeatOf17Async();
        await using var visitor = await app.SignedInAsync(null);
        var appeals = visitor.ServiceProvider.GetRequiredService<AppealService>();
        await using var db = app.NewDbContext();
        var otherDepartment = await db.Departments.Where(d => d.Name != Demo.TarazDepartment).Select(d => d.Id).FirstAsync();
        var form = Form(lat, lon);
        form.Channel = AppealChannel.OnlinePortal;
        form.DepartmentId = otherDepartment; // the location decides

        var (saved, code) = await appeals.SubmitPublicAsync(form);

        Assert.True(saved.Succeeded);
        var stored = await db.Appeals.Include(a => a.Department).SingleAsync(a => a.TrackingCode == code);
        Assert.Equal((Demo.TarazDepartment, beatId), (stored.Department!.Name, stored.BeatId!.Value));
        var tracked = (await appeals.TrackAsync(code!.ToLowerInvariant()))!;
        Assert.Equal(AppealStatus.Assigned, tracked.Status);
        Assert.False(tracked.CanRate);
        Assert.Equal("Appeal.RatingNotAllowed", (await appeals.RateAsync(code, 5, null)).Errors["Rating"]);

        await using var officer = await app.SignedInAsync(Demo.Officer17);
        var officerAppeals = officer.ServiceProvider.GetRequiredService<AppealService>();
        var version = (await officerAppeals.GetAsync(stored.Id))!.Version;
        Assert.True((await officerAppeals.AnswerAsync(stored.Id, "Велосипед найден и возвращён.", null, version)).Succeeded);

        var answered = (await appeals.TrackAsync(code))!;
        Assert.Equal("Велосипед найден и возвращён.", answered.Answer);
        Assert.True(answered.CanRate);
        Assert.Equal("Validation.Range", (await appeals.RateAsync(code, 6, null)).Errors["Rating"]);
        Assert.True((await appeals.RateAsync(code, 2, "Долго")).Succeeded);
        Assert.Equal("Appeal.RatingNotAllowed", (await appeals.RateAsync(code, 5, null)).Errors["Rating"]);
        Assert.Equal(2, (await appeals.TrackAsync(code))!.Rating);
    }

    [Fact]
    public async Task Only_the_applicant_rates_staff_are_refused_even_with_the_tracking_code()
    {
        var (_, _, lat, lon) = await StaffedBeatOf17Async();
        await using var visitor = await app.SignedInAsync(null);
        var appeals = visitor.ServiceProvider.GetRequiredService<AppealService>();
        var form = Form(lat, lon);
        form.Channel = AppealChannel.OnlinePortal;
        var (_, code) = await appeals.SubmitPublicAsync(form);
        await using var db = app.NewDbContext();
        var id = await db.Appeals.Where(a => a.TrackingCode == code).Select(a => a.Id).SingleAsync();
        await using var officer = await app.SignedInAsync(Demo.Officer17);
        var officerAppeals = officer.ServiceProvider.GetRequiredService<AppealService>();
        Assert.True((await officerAppeals.AnswerAsync(id, "Велосипед найден.", null, (await officerAppeals.GetAsync(id))!.Version)).Succeeded);

        foreach (var staff in new[] { Demo.Officer17, Demo.Chief, Demo.Admin })
        {
            await using var signedIn = await app.SignedInAsync(staff);
            var staffAppeals = signedIn.ServiceProvider.GetRequiredService<AppealService>();
            Assert.False((await staffAppeals.TrackAsync(code!))!.CanRate);
            Assert.Equal("Appeal.RatingApplicantOnly", (await staffAppeals.RateAsync(code!, 5, "Отлично")).Errors["Rating"]);
        }

        Assert.Null(await db.Appeals.Where(a => a.Id == id).Select(a => a.Rating).SingleAsync());
        Assert.True((await appeals.RateAsync(code!, 4, null)).Succeeded); // the applicant, on the public page, still rates
        Assert.Equal(4, await db.Appeals.Where(a => a.Id == id).Select(a => a.Rating).SingleAsync());
    }

    [Fact]
    public async Task Staff_see_the_tracking_code_once_at_intake_and_never_on_the_appeal_or_in_exports()
    {
        var (_, _, lat, lon) = await StaffedBeatOf17Async();
        await using var chief = await app.SignedInAsync(Demo.Chief);
        var appeals = chief.ServiceProvider.GetRequiredService<AppealService>();
        var form = Form(lat, lon);
        form.Description = $"Велосипед {Guid.NewGuid():N}";
        var (saved, receipt) = await appeals.RegisterAtIntakeAsync(form);
        await using var db = app.NewDbContext();
        var stored = await db.Appeals.SingleAsync(a => a.Id == saved.Id);
        Assert.Equal((stored.RegistrationNumber, stored.TrackingCode, 12), (receipt!.RegistrationNumber, receipt.TrackingCode, receipt.TrackingCode.Length)); // once, to hand over

        var details = System.Text.Json.JsonSerializer.Serialize(await appeals.GetAsync(saved.Id));
        Assert.Contains(stored.RegistrationNumber, details);
        Assert.DoesNotContain(stored.TrackingCode, details);

        using var client = await app.SignedInClientAsync(Demo.Chief);
        var page = await client.GetStringAsync($"/appeals/{saved.Id}");
        Assert.Contains(stored.RegistrationNumber, page);
        Assert.DoesNotContain(stored.TrackingCode, page);
        var csv = System.Text.Encoding.UTF8.GetString(await client.GetByteArrayAsync("/appeals/export.csv"));
        Assert.Contains(stored.RegistrationNumber, csv);
        Assert.DoesNotContain(stored.TrackingCode, csv);
        await using var xlsx = new MemoryStream(await client.GetByteArrayAsync("/appeals/export.xlsx"));
        var cells = MiniExcelLibs.MiniExcel.Query(xlsx).Cast<IDictionary<string, object?>>().SelectMany(r => r.Values).Select(v => v?.ToString()).ToList();
        Assert.Contains(stored.RegistrationNumber, cells);
        Assert.DoesNotContain(stored.TrackingCode, cells);
        var trail = await db.AuditEntries.Where(e => e.EntityType == nameof(Appeal) && e.EntityKey == saved.Id.ToString()).Select(e => e.NewValues).ToListAsync();
        Assert.NotEmpty(trail); // the audit trail, which administrators read, records the appeal without its code
        Assert.All(trail, values => Assert.DoesNotContain(stored.TrackingCode, values ?? ""));
    }

    [Fact]
    public async Task Tracking_an_unknown_code_shows_nothing()
    {
        await using var visitor = await app.SignedInAsync(null);

        Assert.Null(await visitor.ServiceProvider.GetRequiredService<AppealService>().TrackAsync("ZZZZZZZZZZZZ"));
    }

    [Fact]
    public async Task Bad_input_is_refused_at_the_field_and_nothing_is_saved()
    {
        await using var scope = await app.SignedInAsync(Demo.Chief);
        var appeals = scope.ServiceProvider.GetRequiredService<AppealService>();
        await using var db = app.NewDbContext();
        var before = await db.Appeals.CountAsync();

        var result = await appeals.CreateAsync(new AppealForm
        {
            CategoryId = 0,
            Description = "",
            ApplicantName = "",
            ApplicantPhone = "phone",
            ApplicantEmail = "not-an-email",
            Latitude = 95,
        });

        Assert.Equal(
            ["ApplicantEmail", "ApplicantName", "ApplicantPhone", "CategoryId", "Description", "Latitude", "Longitude"],
            result.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(before, await db.Appeals.CountAsync());
    }
}
