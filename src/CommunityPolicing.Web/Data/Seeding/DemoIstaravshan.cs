using CommunityPolicing.Web.Domain;
using CommunityPolicing.Web.Security;

namespace CommunityPolicing.Web.Data.Seeding;

/// <summary>
/// A Tajik department after shared/seeds (the 2021 Khovar note): Istaravshan's militia with its police–public
/// interaction centre, two posts, a police–public interaction group of residents, and appeals under Tajik law (30
/// calendar days). Names, addresses and texts are in Tajik, as the department writes them.
/// </summary>
public static class DemoIstaravshan
{
    public const string Department = "ШВКД дар шаҳри Истаравшан";
    public const string Chief = "chief.istaravshan@demo.local";

    private static readonly DemoSeeder.Locality Sughd = new(
        ["Раҳимов", "Назаров", "Саидов", "Каримов", "Шарипов", "Юсупов", "Ҳакимов", "Мирзоев", "Қодиров", "Азимов"],
        ["Фаррух", "Ҷамшед", "Бахтиёр", "Фирдавс", "Умед", "Шуҳрат", "Далер", "Комрон", "Сиёвуш", "Парвиз"],
        ["Алиевич", "Раҳимович", "Саидович", "Назарович", "Каримович", "Абдуллоевич"],
        ["лейтенанти милиса", "лейтенанти калони милиса", "капитани милиса", "майори милиса"],
        "SGD", "+992 92",
        ["кӯчаи Ленин", "кӯчаи Исмоили Сомонӣ", "кӯчаи Шаҳристон", "кӯчаи Қурбон Қосимов", "кӯчаи Ғафуров", "кӯчаи Рӯдакӣ"],
        "Минтақаи № {0}-{1}", "Дш–Ҷм 08:00–17:00");

    private static readonly DemoSeeder.PostSeed[] Posts =
    [
        new("1", "Маркази ҳамкории милиса бо ҷомеа «Истаравшан»", "ш. Истаравшан, кӯчаи Исмоили Сомонӣ, 12", PrecinctKind.InteractionCentre,
            PrecinctStatus.Operating, 4, 3, 39.9108, 69.0036),
        new("2", "Нуқтаи милиса № 2 (маҳаллаи Сари Мазор)", "ш. Истаравшан, маҳаллаи Сари Мазор, 4", PrecinctKind.Stationary,
            PrecinctStatus.Operating, 3, 2, 39.9170, 69.0110),
        new("3", "Нуқтаи милиса № 3 (маҳаллаи Ҳазрати Шоҳ)", "ш. Истаравшан, маҳаллаи Ҳазрати Шоҳ, 21", PrecinctKind.Stationary,
            PrecinctStatus.UnderConstruction, 2, 2, 39.9040, 68.9930),
    ];

    private static readonly string[] Problems =
    [
        "Дар ҳавлии бинои истиқоматӣ бегоҳиҳо ҷавонон ғавғо мебардоранд ва машрубот менӯшанд.",
        "Аз даромадгоҳи хона велосипедро дуздиданд, камераи назоратӣ дар бино ҳаст.",
        "Ба телефон аз номи бонк занг заданд ва рамзи SMS пурсиданд, ба қаллобӣ монанд аст.",
        "Мошинҳо дар пиёдагард назди мактаб меистанд, кӯдакон роҳ надоранд.",
        "Ҳамсояҳо доимо ҷанҷол мекунанд, садои доду фарёд шунида мешавад.",
        "Дар бозор бе иҷозат савдо мекунанд ва ба гузаргоҳ халал мерасонанд.",
        "Пешниҳод: дар пайроҳа ба истгоҳ равшанӣ ва камера гузоред.",
        "Ба нозири минтақавӣ барои ёрӣ дар ёфтани ҳамсояи пиронсол ташаккур.",
    ];

    private static readonly string[] Residents =
    [
        "Раҳимова Малика", "Назаров Ҷамшед", "Саидова Нилуфар", "Каримов Бахтиёр", "Шарипова Зарина", "Юсупов Фаррух",
        "Ҳакимова Мадина", "Мирзоев Умед", "Қодирова Шаҳло", "Азимов Далер", "Исмоилова Гулрухсор", "Ғафуров Парвиз",
    ];

    public static async Task SeedAsync(AppDbContext db, DemoSeeder seeder, DateTimeOffset now, CancellationToken ct)
    {
        var random = new Random(992);
        var region = new Region { Name = "Вилояти Суғд" };
        var department = DemoSeeder.Department(Department, region, Jurisdiction.Tajikistan, "Asia/Dushanbe",
            new("Istaravshan city", "г. Истаравшан", "Истаравшан қаласы", "шаҳри Истаравшан"));
        var badge = 1;
        var officerIndex = 0;
        foreach (var seed in Posts)
        {
            department.Precincts.Add(DemoSeeder.Post(seed, Sughd, random, ref badge, ref officerIndex));
        }

        db.Regions.Add(region);
        await db.SaveChangesAsync(ct);
        await seeder.CreateUserAsync(Chief, "Раҳимзода Фирдавс Алиевич", Roles.StationChief, department.Id, null);

        var today = LocalTime.Date(now, department.TimeZoneId);
        var centre = department.Precincts[0];
        var group = Group(department, today, random);
        db.Associations.Add(group);
        await db.SaveChangesAsync(ct);

        var officer = centre.Officers.OrderBy(o => o.Id).First();
        foreach (var (topic, monthsAgo) in new[] { (TrainingTopic.LegalBasics, 9), (TrainingTopic.LawfulForce, 6), (TrainingTopic.FirstAid, 4) })
        {
            db.TrainingSessions.Add(new TrainingSession
            {
                AssociationId = group.Id,
                Topic = topic,
                HeldOn = today.AddMonths(-monthsAgo),
                Hours = 4,
                InstructorOfficerId = officer.Id,
                Attendance = [.. group.Members.Where(m => m.Status == VolunteerStatus.Active).Select(m => new TrainingAttendance { VolunteerId = m.Id, Passed = true })],
            });
        }

        Patrols(db, department, centre, officer, group, now, today);
        Appeals(db, department, now, random);
        db.PreventiveRecords.Add(new PreventiveRecord
        {
            DepartmentId = department.Id,
            PrecinctId = centre.Id,
            BeatId = centre.Beats[0].Id,
            Category = RecordCategory.JuvenileAtRisk,
            FullName = "Шарипов Исмоил",
            BirthDate = today.AddYears(-15).AddDays(-70),
            Address = "ш. Истаравшан, кӯчаи Ленин, 40",
            Grounds = "Қарор дар бораи ба қайди пешгирикунанда гирифтан",
            StartedOn = today.AddDays(-90),
            CheckEveryDays = 30,
            Checks = [new RecordCheck { CheckedOn = today.AddDays(-20), OfficerId = officer.Id, Note = "Дар ҷои истиқомат санҷида шуд." }],
        });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The police–public interaction group: residents who work from the centre with the district officers.</summary>
    private static Association Group(Department department, DateOnly today, Random random)
    {
        var group = new Association
        {
            DepartmentId = department.Id,
            Name = "Гурӯҳи ҳамкории милиса бо ҷомеа «Истаравшан»",
            Kind = AssociationKind.InteractionGroup,
            RegisterNumber = "СГД-ГҲМҶ-003",
            RegisteredOn = new DateOnly(2021, 6, 21),
            Phone = "+992 3454 2 22 33",
            Address = "ш. Истаравшан, кӯчаи Исмоили Сомонӣ, 12",
            Precincts = [department.Precincts[0], department.Precincts[1]],
        };
        for (var i = 0; i < Residents.Length; i++)
        {
            var status = i switch { 0 => VolunteerStatus.Candidate, 1 => VolunteerStatus.Suspended, _ => VolunteerStatus.Active };
            var joined = today.AddDays(-random.Next(120, 1500));
            group.Members.Add(new Volunteer
            {
                FullName = Residents[i],
                BirthDate = today.AddYears(-random.Next(22, 60)).AddDays(-random.Next(0, 365)),
                Phone = $"+992 93 {random.Next(100, 999)} {random.Next(10, 99)} {random.Next(10, 99)}",
                Address = $"ш. Истаравшан, {Sughd.Streets[random.Next(Sughd.Streets.Length)]}, {random.Next(1, 120)}",
                DocumentNumber = $"А{random.Next(10000000, 99999999)}",
                BadgeNumber = $"ГҲ-{100 + i}",
                JoinedOn = joined,
                Status = status,
                StatusReason = status == VolunteerStatus.Suspended ? "Дар навбатдориҳо иштирок накард" : null,
                BackgroundCheckOn = status == VolunteerStatus.Candidate ? null : joined.AddDays(10),
                BackgroundCheckPassed = status == VolunteerStatus.Candidate ? null : true,
                ConsentOn = joined,
            });
        }

        return group;
    }

    /// <summary>Weekly evening patrols from the centre: four reported, three ahead.</summary>
    private static void Patrols(AppDbContext db, Department department, Precinct centre, Officer officer, Association group, DateTimeOffset now, DateOnly today)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(department.TimeZoneId);
        var members = group.Members.Where(m => m.Status == VolunteerStatus.Active).OrderBy(m => m.Id).ToList();
        var dates = PatrolRecurrence.Dates(today.AddDays(-28), today.AddDays(21), [DayOfWeek.Thursday]);
        for (var week = 0; week < dates.Count; week++)
        {
            var shift = Shift.Local(dates[week], new TimeOnly(18, 0), new TimeOnly(22, 0), zone);
            var past = shift.End < now;
            var patrol = new Patrol
            {
                DepartmentId = department.Id,
                PrecinctId = centre.Id,
                AssociationId = group.Id,
                Date = dates[week],
                StartsAt = shift.Start.ToUniversalTime(),
                EndsAt = shift.End.ToUniversalTime(),
                MeetingPoint = centre.Address,
                Route = "кӯчаи Исмоили Сомонӣ — бозори марказӣ — боғи шаҳрӣ",
                Briefing = "Шикоятҳои сокинон аз ғавғо дар ҳавлиҳо; майдончаҳои бозии кӯдаконро санҷед.",
                Status = past ? PatrolStatus.Completed : PatrolStatus.Confirmed,
                Beats = [.. centre.Beats.Take(2)],
                ActualStart = past ? shift.Start.ToUniversalTime() : null,
                ActualEnd = past ? shift.End.ToUniversalTime() : null,
                Incidents = past ? week % 3 : null,
                PersonsHandedOver = past ? week % 2 : null,
                ReportNotes = past ? "Посбонӣ тибқи нақша гузашт." : null,
                ReportedAt = past ? shift.End.ToUniversalTime().AddHours(1) : null,
            };
            patrol.Participants.Add(new PatrolParticipant { OfficerId = officer.Id, Response = ParticipantResponse.Confirmed, Present = past ? true : null, Hours = past ? 4 : 0 });
            foreach (var member in members.Skip(week * 3 % members.Count).Take(3))
            {
                patrol.Participants.Add(new PatrolParticipant { VolunteerId = member.Id, Response = ParticipantResponse.Confirmed, Present = past ? true : null, Hours = past ? 4 : 0 });
            }

            db.Patrols.Add(patrol);
        }
    }

    /// <summary>Forty appeals over half a year, due in 30 calendar days (Tajik law); the older ones answered.</summary>
    private static void Appeals(AppDbContext db, Department department, DateTimeOffset now, Random random)
    {
        var rule = DeadlineRule.Defaults[Jurisdiction.Tajikistan];
        var calendar = new WorkCalendar([]);
        var beats = department.Precincts.Where(p => p.Status == PrecinctStatus.Operating).SelectMany(p => p.Beats).ToList();
        for (var i = 0; i < 40; i++)
        {
            var number = 321 + i;
            var beat = beats[random.Next(beats.Count)];
            var precinct = department.Precincts.Single(p => p.Id == beat.PrecinctId);
            var registeredAt = now.AddDays(-random.Next(0, 180)).AddMinutes(-random.Next(0, 600));
            var registeredOn = LocalTime.Date(registeredAt, department.TimeZoneId);
            var due = DeadlineCalculator.DueDate(rule, calendar, registeredOn);
            var officerId = beat.OfficerId ?? precinct.Officers.OrderBy(o => o.Id).First().Id;
            var appeal = new Appeal
            {
                RegistrationNumber = $"{registeredOn.Year}-{number:D6}",
                TrackingCode = $"DEM0{number:D8}",
                DepartmentId = department.Id,
                PrecinctId = precinct.Id,
                BeatId = beat.Id,
                AssignedOfficerId = officerId,
                CategoryId = AppealCategories.Defaults[random.Next(AppealCategories.Defaults.Length)] is { IsComplaintAboutOfficer: false } category ? category.Id : 1,
                Channel = (AppealChannel)random.Next(0, 5),
                ApplicantName = Residents[random.Next(Residents.Length)],
                ApplicantPhone = $"+992 93 {random.Next(100, 999)} {random.Next(10, 99)} {random.Next(10, 99)}",
                ApplicantAddress = $"ш. Истаравшан, {beat.Description?.Split(',')[0]}, {random.Next(1, 120)}",
                Description = Problems[random.Next(Problems.Length)],
                Address = $"ш. Истаравшан, {beat.Description?.Split(',')[0]}, {random.Next(1, 120)}",
                RegisteredAt = registeredAt,
                OriginalDueDate = due,
                DueDate = due,
                Status = AppealStatus.Registered,
            };
            appeal.Events.Add(new AppealEvent { At = registeredAt, Kind = AppealEventKind.Registered, ToStatus = AppealStatus.Registered });
            DemoAppeals.Step(appeal, AppealEventKind.Assigned, registeredAt, null);
            var age = (now - registeredAt).TotalDays;
            if (age > 2)
            {
                DemoAppeals.Step(appeal, AppealEventKind.Started, registeredAt.AddDays(1), null);
            }

            if (age > 20 && random.Next(5) > 0)
            {
                appeal.Answer = "Санҷиш дар ҷой гузаронида шуд, бо вайронкунандагон сӯҳбати пешгирикунанда баргузор гардид. Вазъият таҳти назорати нозири минтақавӣ аст.";
                appeal.AnsweredAt = registeredAt.AddDays(random.Next(5, 20));
                appeal.StatusNote = "Санҷиш гузаронида шуд";
                DemoAppeals.Step(appeal, AppealEventKind.Answered, appeal.AnsweredAt.Value, null);
            }

            db.Appeals.Add(appeal);
        }
    }
}
