using CommunityPolicing.Web.Domain;
using CommunityPolicing.Web.Features.Appeals;
using CommunityPolicing.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;

namespace CommunityPolicing.Web.Data.Seeding;

/// <summary>A year of demo appeals in every status, routed to real demo beats; some overdue, some rated.</summary>
public static class DemoAppeals
{
    private static readonly string[] Problems =
    [
        "Шум от кафе после 23:00, музыка мешает спать жителям дома.",
        "Во дворе по вечерам собирается компания, распивают спиртное.",
        "Соседи постоянно конфликтуют, слышны крики, прошу принять меры.",
        "Украли велосипед из подъезда, камера на доме может помочь.",
        "Звонили от имени банка, просили код из СМС, похоже на мошенников.",
        "Машины паркуются на тротуаре у школы, детям негде пройти.",
        "Подростки поздно вечером катаются на мопедах без шлемов.",
        "У рынка торгуют с рук без разрешения, мешают проходу.",
        "В соседней квартире живут приезжие без регистрации, часто меняются.",
        "Участковый не ответил на моё прошлое обращение, прошу разобраться.",
        "Предлагаю установить освещение и камеру на тропе к остановке.",
        "Благодарю участкового за помощь в поиске пропавшего пожилого соседа.",
        "Бродячие собаки у детской площадки, дети боятся выходить.",
    ];

    private static readonly string[] Names =
    [
        "Ахметова Гульнара", "Иванов Сергей", "Сулейменов Ерлан", "Ким Елена", "Оспанова Айжан", "Петров Николай",
        "Жумабаева Динара", "Бекова Асель", "Кузнецова Ольга", "Тулегенов Марат",
    ];

    public static async Task SeedAsync(AppDbContext db, DateTimeOffset now, CancellationToken ct)
    {
        var random = new Random(311);
        var rule = DeadlineRule.Defaults[Jurisdiction.Kazakhstan];
        var calendar = new WorkCalendar(await db.CalendarDays.Where(d => d.Jurisdiction == Jurisdiction.Kazakhstan).ToListAsync(ct));
        var categories = await db.AppealCategories.OrderBy(c => c.SortOrder).ToListAsync(ct);
        var beats = await db.Beats.Include(b => b.Precinct).ThenInclude(p => p!.Department)
            .Where(b => b.BoundaryGeoJson != null).OrderBy(b => b.Id).ToListAsync(ct);
        var heads = await db.Officers.Where(o => o.Position == OfficerPosition.PrecinctHead).ToDictionaryAsync(o => o.PrecinctId, o => o.Id, ct);
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Almaty");
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);

        for (var i = 1; i <= 320; i++)
        {
            // Busier beats first: most appeals come from the city posts.
            var beat = beats[(int)(Math.Pow(random.NextDouble(), 1.6) * beats.Count)];
            var category = categories[random.Next(categories.Count)];
            var registeredAt = now.AddDays(-random.Next(0, 365)).AddMinutes(-random.Next(0, 600));
            var registeredOn = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(registeredAt, zone).DateTime);
            var due = DeadlineCalculator.DueDate(rule, calendar, registeredOn);
            var anonymous = random.Next(12) == 0;
            var officerId = category.IsComplaintAboutOfficer ? null
                : beat.OfficerId ?? (heads.TryGetValue(beat.PrecinctId, out var head) ? head : null);
            var appeal = new Appeal
            {
                RegistrationNumber = $"{registeredOn.Year}-{i:D6}",
                TrackingCode = $"DEM0{i:D8}", // a zero, as the portal reads a typed O
                DepartmentId = beat.Precinct!.DepartmentId,
                PrecinctId = beat.PrecinctId,
                BeatId = beat.Id,
                AssignedOfficerId = officerId,
                CategoryId = category.Id,
                Channel = (AppealChannel)random.Next(0, 5),
                IsAnonymous = anonymous,
                ApplicantName = anonymous ? null : Names[random.Next(Names.Length)],
                ApplicantPhone = anonymous ? null : $"+7 702 {random.Next(100, 999)} {random.Next(10, 99)} {random.Next(10, 99)}",
                ApplicantAddress = anonymous ? null : $"{beat.Description?.Split(',')[0]}, {random.Next(1, 120)}",
                PublishDetails = random.Next(3) == 0,
                Description = Problems[random.Next(Problems.Length)],
                Address = $"{beat.Description?.Split(',')[0]}, {random.Next(1, 120)}",
                Latitude = null,
                Longitude = null,
                RegisteredAt = registeredAt,
                OriginalDueDate = due,
                DueDate = due,
                Status = AppealStatus.Registered,
            };
            appeal.Events.Add(new AppealEvent { At = registeredAt, Kind = AppealEventKind.Registered, ToStatus = AppealStatus.Registered, Note = null });
            if (officerId is not null)
            {
                Step(appeal, AppealEventKind.Assigned, registeredAt, null);
            }

            // Older appeals are mostly done; a share of open ones have slipped past their due date.
            var age = today.DayNumber - registeredOn.DayNumber;
            var done = random.NextDouble() < Math.Min(0.95, age / 25.0);
            if (officerId is not null && (done || random.Next(2) == 0))
            {
                Step(appeal, AppealEventKind.Started, registeredAt.AddDays(1), null);
            }

            if (done && random.Next(25) == 0)
            {
                appeal.RedirectedTo = "Акимат района (благоустройство)";
                appeal.RedirectedAt = registeredAt.AddDays(2);
                Step(appeal, AppealEventKind.Redirected, registeredAt.AddDays(2), appeal.RedirectedTo);
            }
            else if (done && age > 3)
            {
                var answeredAt = registeredAt.AddDays(random.Next(2, Math.Min(age, 24)));
                appeal.Answer = "Проведена проверка по месту, с нарушителями проведена профилактическая беседа, составлен протокол. Ситуация на контроле участкового.";
                appeal.AnsweredAt = answeredAt;
                appeal.StatusNote = "Проверка проведена";
                Step(appeal, AppealEventKind.Answered, answeredAt, null);
                if (!anonymous && random.Next(3) == 0)
                {
                    appeal.Rating = random.Next(10) < 2 ? random.Next(1, 3) : random.Next(4, 6);
                    appeal.RatedAt = answeredAt.AddDays(1);
                    appeal.RatingComment = appeal.Rating <= 2 ? "Проблема не решена." : null;
                    appeal.Events.Add(new AppealEvent { At = answeredAt.AddDays(1), Kind = AppealEventKind.Rated, FromStatus = appeal.Status, ToStatus = appeal.Status, Note = $"{appeal.Rating}/5" });
                }

                if (age > 40 && random.Next(3) > 0)
                {
                    appeal.ClosedAt = answeredAt.AddDays(5);
                    Step(appeal, AppealEventKind.Closed, answeredAt.AddDays(5), null);
                }
            }

            db.Appeals.Add(appeal);
        }

        await db.SaveChangesAsync(ct);
        await NoticesAsync(db, now, ct);
    }

    /// <summary>
    /// The bell and the officer's "new for you" have something to show: open appeals of the last three days told to
    /// their officers, and to the chiefs those with no officer and the answers rated low in the last fortnight.
    /// </summary>
    private static async Task NoticesAsync(AppDbContext db, DateTimeOffset now, CancellationToken ct)
    {
        var recent = await db.Appeals.Where(a => a.RegisteredAt >= now.AddDays(-3) && AppealWorkflow.Open.Contains(a.Status))
            .Select(a => new { a.Id, a.AssignedOfficerId, a.DepartmentId, a.PrecinctId, a.RegisteredAt }).ToListAsync(ct);
        foreach (var appeal in recent)
        {
            await (appeal.AssignedOfficerId is { } officer
                ? AppealNotices.AssignedAsync(db, appeal.Id, officer, "", appeal.RegisteredAt, ct)
                : AppealNotices.ToChiefsAsync(db, NotificationKind.AppealUnrouted, appeal.Id, appeal.DepartmentId, appeal.PrecinctId, "", appeal.RegisteredAt, ct));
        }

        var lowRated = await db.Appeals.Where(a => a.RatedAt >= now.AddDays(-14) && a.Rating <= AppealService.LowRating)
            .Select(a => new { a.Id, a.DepartmentId, a.PrecinctId, RatedAt = a.RatedAt!.Value }).ToListAsync(ct);
        foreach (var appeal in lowRated)
        {
            await AppealNotices.ToChiefsAsync(db, NotificationKind.AppealLowRating, appeal.Id, appeal.DepartmentId, appeal.PrecinctId, "", appeal.RatedAt, ct);
        }

        await db.SaveChangesAsync(ct);
    }

    internal static void Step(Appeal appeal, AppealEventKind kind, DateTimeOffset at, string? note)
    {
        var from = appeal.Status;
        appeal.Status = AppealWorkflow.After(from, kind);
        appeal.Events.Add(new AppealEvent { At = at, Kind = kind, FromStatus = from, ToStatus = appeal.Status, Note = note });
    }
}
