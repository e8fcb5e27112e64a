using CommunityPolicing.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace CommunityPolicing.Web.Data.Seeding;

/// <summary>
/// Beat work on posts 17 and 30: passports with places and contacts, door-to-door tours (officer.17 three weeks into
/// a new beat, officer.30 overdue), two weeks of log entries, two quarters of prevention plans (some overdue), persons
/// on record with checks, a joint meeting with agreed actions and a briefing to the associations.
/// </summary>
public static class DemoBeatWork
{
    public static async Task SeedAsync(AppDbContext db, DateTimeOffset now, CancellationToken ct)
    {
        db.ChangeTracker.Clear(); // the bulk update below changes row versions the earlier seeders' tracked beats still hold
        var random = new Random(66);
        var taraz = await db.Departments.FirstAsync(d => d.Name == "Управление полиции г. Тараз", ct);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(taraz.TimeZoneId);
        var today = LocalTime.Date(now, taraz.TimeZoneId);
        await db.Beats.Where(b => b.OfficerId != null).ExecuteUpdateAsync(s => s.SetProperty(b => b.OfficerAssignedOn, today.AddYears(-2)), ct);

        foreach (var (number, assignedDaysAgo, visitedShare) in new[] { ("17", 20, 0.6), ("30", 45, 0.7) })
        {
            var post = await db.Precincts.Include(p => p.Beats).Include(p => p.Officers).FirstAsync(p => p.DepartmentId == taraz.Id && p.Number == number, ct);
            var officer = post.Officers.First(o => o.UserId != null);
            var beat = post.Beats.OrderBy(b => b.OfficerId != officer.Id).ThenBy(b => b.Name).First();
            beat.OfficerId = officer.Id;
            beat.OfficerAssignedOn = today.AddDays(-assignedDaysAgo);
            Places(db, beat.Id, number);

            // The tour so far: a block of flats most working days since appointment.
            var toVisit = (int)(beat.Households * visitedShare);
            for (var day = 1; toVisit > 0 && day < assignedDaysAgo; day += 2)
            {
                var households = Math.Min(toVisit, random.Next(25, 60));
                toVisit -= households;
                Log(db, officer.Id, beat.Id, LogEntryKind.DoorToDoor, today.AddDays(-assignedDaysAgo + day), new TimeOnly(10, 0), zone,
                    $"ул. Абая, {random.Next(1, 150)}", households, "Жалоб нет; вручены памятки о мошенничестве.");
            }

            foreach (var (kind, daysAgo, note) in new[]
            {
                (LogEntryKind.Reception, 1, "Приём граждан 17:00–20:00: 4 человека, 2 устных обращения."),
                (LogEntryKind.ResidentsMeeting, 3, "Встреча с жителями дома по вопросу шума от кафе."),
                (LogEntryKind.RecordCheck, 4, "Проверен по месту жительства, нарушений нет."),
                (LogEntryKind.Other, 6, "Проверка освещения во дворах совместно с КСК."),
            })
            {
                Log(db, officer.Id, beat.Id, kind, today.AddDays(-daysAgo), new TimeOnly(17, 30), zone, "УПП № " + number, null, note);
            }

            Prevention(db, taraz.Id, post, officer.Id, today);
            Records(db, taraz.Id, post, officer.Id, today, number);
            if (number == "17")
            {
                Meeting(db, taraz.Id, post.Id, today);
                var user = await db.Users.Where(u => u.Email == "officer.17@demo.local").Select(u => u.Id).FirstAsync(ct);
                db.Briefings.Add(new Briefing
                {
                    DepartmentId = taraz.Id,
                    PrecinctId = post.Id,
                    Title = "Кражи из автомобилей у рынка «Шахристан»",
                    Text = "За две недели 6 обращений о кражах из машин на парковке рынка, вечером с 19 до 22. Обращайте внимание на людей, заглядывающих в салоны; о подозрительных сразу звоните участковому.",
                    ValidUntil = today.AddDays(21),
                    CreatedByUserId = user,
                    CreatedAt = now.AddDays(-2),
                });
            }
        }

        await db.SaveChangesAsync(ct);
    }

    private static void Places(AppDbContext db, int beatId, string post)
    {
        db.BeatPlaces.AddRange(
            new BeatPlace { BeatId = beatId, Kind = BeatPlaceKind.School, Name = $"Школа-гимназия № {post}", Address = "ул. Сулейманова, 15" },
            new BeatPlace { BeatId = beatId, Kind = BeatPlaceKind.College, Name = "Таразский колледж сервиса", Address = "ул. Абая, 120" },
            new BeatPlace { BeatId = beatId, Kind = BeatPlaceKind.Bar, Name = "Кафе-бар «Достар»", Address = "ул. Жамбыла, 40", Notes = "Работает до 02:00, жалобы на шум" },
            new BeatPlace { BeatId = beatId, Kind = BeatPlaceKind.Market, Name = "Рынок «Шахристан»", Address = "ул. Толе би, 90" },
            new BeatPlace { BeatId = beatId, Kind = BeatPlaceKind.ProblemAddress, Name = "Частный дом", Address = "ул. Абая, 77", Notes = "Повторные семейные конфликты" });
        db.BeatContacts.AddRange(
            new BeatContact { BeatId = beatId, FullName = "Сейткали Нурлан Ержанович", Role = "Председатель КСК", Phone = "+7 701 555 12 12" },
            new BeatContact { BeatId = beatId, FullName = "Иванова Галина Петровна", Role = "Старшая по дому, ул. Абая, 120", Phone = "+7 705 333 44 55" },
            new BeatContact { BeatId = beatId, FullName = "Кенжебаев Аскар", Role = "Член общественного совета" });
    }

    private static void Log(AppDbContext db, int officerId, int beatId, LogEntryKind kind, DateOnly date, TimeOnly time, TimeZoneInfo zone, string place,
        int? households, string note)
    {
        var local = date.ToDateTime(time);
        var at = new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
        db.LogEntries.Add(new LogEntry
        {
            OfficerId = officerId,
            BeatId = beatId,
            Kind = kind,
            At = at,
            CreatedAt = at,
            Date = date,
            Place = place,
            Households = households,
            Note = note,
        });
    }

    private static void Prevention(AppDbContext db, int departmentId, Precinct post, int officerId, DateOnly today)
    {
        var quarter = PreventionPlan.QuarterOf(today);
        var plan = new (PreventionType Type, string Title, int Day, string Target)[]
        {
            (PreventionType.SchoolLecture, "Лекция «Ответственность несовершеннолетних» в школе-гимназии", 10, "Учащиеся 8–9 классов"),
            (PreventionType.ResidentsMeeting, "Отчёт участкового перед населением", 25, "Жители участка"),
            (PreventionType.JuvenileRaid, "Рейд «Подросток» с инспектором ПДН", 40, "Несовершеннолетние в местах досуга"),
            (PreventionType.DomesticViolencePrevention, "Профилактическая беседа с семьями, состоящими на учёте", 55, "Семьи группы риска"),
            (PreventionType.SchoolLecture, "Лекция о кибермошенничестве в колледже", 70, "Студенты 1–2 курсов"),
            (PreventionType.MediaPublication, "Публикация о мошенничестве в районной газете", 80, "Население"),
        };
        foreach (var start in new[] { quarter.AddMonths(-3), quarter })
        {
            foreach (var (type, title, day, target) in plan)
            {
                var planned = start.AddDays(day);
                // Everything past is done except one overdue item per quarter; a lecture two days ago awaits its mark.
                var done = planned < today.AddDays(-2) && !(start == quarter && type == PreventionType.ResidentsMeeting) ? planned.AddDays(day % 3) : (DateOnly?)null;
                db.PreventionActivities.Add(new PreventionActivity
                {
                    DepartmentId = departmentId,
                    PrecinctId = post.Id,
                    Type = type,
                    Title = title,
                    PlannedOn = planned,
                    DoneOn = done,
                    ResponsibleOfficerId = officerId,
                    TargetGroup = target,
                    Participants = "Участковый, инспектор ПДН, дружинники",
                    Attendance = done is null ? null : 20 + day,
                    Outcome = done is null ? null : "Проведено по плану.",
                });
            }
        }

        db.PreventionActivities.Add(new PreventionActivity
        {
            DepartmentId = departmentId,
            PrecinctId = post.Id,
            Type = PreventionType.SchoolLecture,
            PlannedOn = today.AddDays(-2),
            Title = "Лекция «Безопасный интернет» в колледже сервиса",
            ResponsibleOfficerId = officerId,
            TargetGroup = "Студенты",
        });
    }

    private static void Records(AppDbContext db, int departmentId, Precinct post, int officerId, DateOnly today, string number)
    {
        var people = new (RecordCategory Category, string Name, int Age, int StartedDaysAgo, int Every, int? LastCheckDaysAgo)[]
        {
            (RecordCategory.JuvenileAtRisk, number == "17" ? "Бекмуратов Алихан" : "Сериков Даулет", 15, 120, 30, 35),
            (RecordCategory.DomesticViolence, number == "17" ? "Оспанов Ерлан Муратович" : "Ткаченко Виктор Иванович", 41, 200, 30, 12),
            (RecordCategory.AdministrativeSupervision, number == "17" ? "Жаксылыков Марат" : "Абдрахманов Сакен", 36, 400, 14, 20),
            (RecordCategory.AlcoholOrDrugs, number == "17" ? "Гусев Павел Андреевич" : "Нуров Асылбек", 52, 90, 60, 10),
        };
        foreach (var p in people)
        {
            var record = new PreventiveRecord
            {
                DepartmentId = departmentId,
                PrecinctId = post.Id,
                Category = p.Category,
                FullName = p.Name,
                BirthDate = today.AddYears(-p.Age).AddDays(-40),
                Address = $"г. Тараз, ул. Абая, {p.Age + 3}",
                Grounds = "Постановление о постановке на профилактический учёт",
                StartedOn = today.AddDays(-p.StartedDaysAgo),
                CheckEveryDays = p.Every,
            };
            if (p.LastCheckDaysAgo is { } last)
            {
                record.Checks.Add(new RecordCheck { CheckedOn = today.AddDays(-last), OfficerId = officerId, Note = "Проверен по месту жительства." });
            }

            db.PreventiveRecords.Add(record);
        }
    }

    private static void Meeting(AppDbContext db, int departmentId, int precinctId, DateOnly today)
    {
        var quarter = PreventionPlan.QuarterOf(today);
        db.JointMeetings.Add(new JointMeeting
        {
            DepartmentId = departmentId,
            PrecinctId = precinctId,
            HeldOn = today.AddDays(-20),
            PeriodFrom = quarter.AddMonths(-3),
            PeriodTo = quarter.AddDays(-1),
            Attendees = "Участковый УПП № 17, командир ДНД «Тараз», председатель КСК, инспектор ПДН",
            Minutes = "Рассмотрено состояние правопорядка за квартал: рост краж из автомобилей у рынка, шум от кафе-бара по ул. Жамбыла. Решено усилить вечерние патрули по пятницам и субботам.",
            Actions =
            [
                new AgreedAction { Text = "Совместные патрули у рынка по пятницам и субботам", Owner = "Командир ДНД", DueOn = today.AddDays(-5), DoneOn = today.AddDays(-6) },
                new AgreedAction { Text = "Письмо в акимат об освещении парковки рынка", Owner = "Участковый", DueOn = today.AddDays(-3) },
                new AgreedAction { Text = "Сход жителей по шуму от кафе-бара", Owner = "Председатель КСК", DueOn = today.AddDays(12) },
            ],
        });
    }
}
