using CommunityPolicing.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace CommunityPolicing.Web.Data.Seeding;

/// <summary>
/// Two months of joint patrols around Taraz: five weeks back (reported, a few cancelled or with no-shows) and three
/// weeks ahead (planned, answers coming in). Post 17's latest patrol is left for officer.17 to report. Volunteers are
/// picked in turn among those eligible on the day, within the monthly cap.
/// </summary>
public static class DemoPatrols
{
    private sealed record Plan(string Association, string Post, DayOfWeek[] Days, TimeOnly Start, TimeOnly End, string MeetingPoint, string Route);

    private static readonly Plan[] Plans =
    [
        new("Народная дружина «Тараз»", "17", [DayOfWeek.Friday, DayOfWeek.Saturday], new(19, 0), new(23, 0),
            "УПП № 17, ул. Жамбыла, 12", "ул. Жамбыла — парк им. Рысқұлова — рынок «Шахристан»"),
        new("Народная дружина «Тараз»", "30", [DayOfWeek.Thursday], new(19, 0), new(23, 0),
            "УПП № 30", "ул. Төле би — вокзал — сквер у акимата"),
        new("Соседский дозор мкр. Самал", "24", [DayOfWeek.Wednesday], new(18, 0), new(22, 0),
            "мкр. Самал, 18, у школы № 47", "дворы мкр. Самал, остановки, магазины у дома 18"),
        new("Молодёжный отряд «Жас Қыран»", "11", [DayOfWeek.Sunday], new(16, 0), new(20, 0),
            "УПП № 11", "набережная Таласа — колледж — спортплощадки"),
    ];

    private static readonly string[] Briefings =
    [
        "Жалобы жителей на распитие спиртного во дворах по ул. Жамбыла; проверить детские площадки.",
        "Кражи из автомобилей у рынка: внимание на припаркованные машины и подозрительных лиц.",
        "Подростки на спортплощадках после 22:00 — комендантский час для несовершеннолетних.",
    ];

    public static async Task SeedAsync(AppDbContext db, DateTimeOffset now, CancellationToken ct)
    {
        var random = new Random(55);
        var taraz = await db.Departments.Include(d => d.Precincts).ThenInclude(p => p.Beats).Include(d => d.Precincts).ThenInclude(p => p.Officers)
            .AsSplitQuery().FirstAsync(d => d.Name == "Управление полиции г. Тараз", ct);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(taraz.TimeZoneId);
        var today = LocalTime.Date(now, taraz.TimeZoneId);
        var rules = await db.TrainingTopicRules.AsNoTracking().ToListAsync(ct);
        var passed = (await db.TrainingAttendance.AsNoTracking().Where(t => t.Passed)
                .Join(db.TrainingSessions, t => t.TrainingSessionId, s => s.Id, (t, s) => new { t.VolunteerId, s.Topic, s.HeldOn }).ToListAsync(ct))
            .ToLookup(t => t.VolunteerId, t => (t.Topic, t.HeldOn));
        var hours = new Dictionary<(int Volunteer, int Month), double>();

        foreach (var plan in Plans)
        {
            var association = await db.Associations.Include(a => a.Members).FirstAsync(a => a.Name == plan.Association, ct);
            var post = taraz.Precincts.Single(p => p.Number == plan.Post);
            var officer = post.Officers.OrderBy(o => o.UserId == null).ThenBy(o => o.Id).First();
            var members = association.Members.Where(m => m.Status == VolunteerStatus.Active).OrderBy(m => m.Id).ToList();
            var turn = 0;
            var dates = PatrolRecurrence.Dates(today.AddDays(-35), today.AddDays(21), plan.Days);
            foreach (var date in dates)
            {
                var shift = Shift.Local(date, plan.Start, plan.End, zone);
                var past = shift.End < now;
                var cancelled = past && random.Next(12) == 0;
                var awaitingReport = past && plan.Post == "17" && date == dates.Last(d => Shift.Local(d, plan.Start, plan.End, zone).End < now);
                var patrol = new Patrol
                {
                    DepartmentId = taraz.Id,
                    PrecinctId = post.Id,
                    AssociationId = association.Id,
                    Date = date,
                    StartsAt = shift.Start.ToUniversalTime(),
                    EndsAt = shift.End.ToUniversalTime(),
                    MeetingPoint = plan.MeetingPoint,
                    Route = plan.Route,
                    Briefing = Briefings[random.Next(Briefings.Length)],
                    Status = cancelled ? PatrolStatus.Cancelled : awaitingReport ? PatrolStatus.Confirmed : past ? PatrolStatus.Completed
                        : date <= today.AddDays(7) ? PatrolStatus.Confirmed : PatrolStatus.Planned,
                    CancelReason = cancelled ? "Штормовое предупреждение" : null,
                    Beats = [.. post.Beats.OrderBy(_ => random.Next()).Take(2)],
                };
                patrol.Participants.Add(new PatrolParticipant { OfficerId = officer.Id, Response = ParticipantResponse.Confirmed });

                var month = date.Year * 12 + date.Month;
                var chosen = new List<Volunteer>();
                for (var tried = 0; tried < members.Count && chosen.Count < 3; tried++, turn++)
                {
                    var member = members[turn % members.Count];
                    if (Eligibility.Check(member, passed[member.Id], rules, date).Eligible
                        && hours.GetValueOrDefault((member.Id, month)) + shift.Hours <= new PatrolLimits().MonthlyCapHours)
                    {
                        chosen.Add(member);
                        hours[(member.Id, month)] = hours.GetValueOrDefault((member.Id, month)) + shift.Hours;
                    }
                }

                foreach (var volunteer in chosen)
                {
                    var answer = random.Next(10);
                    patrol.Participants.Add(new PatrolParticipant
                    {
                        VolunteerId = volunteer.Id,
                        Response = past || patrol.Status == PatrolStatus.Confirmed
                            ? (answer == 0 ? ParticipantResponse.Declined : ParticipantResponse.Confirmed)
                            : answer < 5 ? ParticipantResponse.Confirmed : answer < 8 ? ParticipantResponse.Invited : ParticipantResponse.Declined,
                    });
                }

                if (patrol.Status == PatrolStatus.Completed)
                {
                    Report(patrol, random, now);
                }

                db.Patrols.Add(patrol);
            }
        }

        // The month plans the patrols were planned from: last month and this one, with a couple of events and training hours each.
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        foreach (var group in db.ChangeTracker.Entries<Patrol>().Select(e => e.Entity)
            .GroupBy(p => (p.AssociationId!.Value, Month: new DateOnly(p.Date.Year, p.Date.Month, 1)))
            .Where(g => g.Key.Month == thisMonth || g.Key.Month == thisMonth.AddMonths(-1)))
        {
            db.AssociationMonthPlans.Add(new AssociationMonthPlan
            {
                AssociationId = group.Key.Item1,
                Month = group.Key.Month,
                PlannedPatrols = group.Count(),
                PlannedEvents = 2,
                PlannedTrainingHours = 8,
                Notes = "Рейды по местам массового отдыха в выходные; профилактическая беседа в колледже.",
            });
        }

        await db.SaveChangesAsync(ct);
    }

    private static void Report(Patrol patrol, Random random, DateTimeOffset now)
    {
        patrol.ActualStart = patrol.StartsAt.AddMinutes(random.Next(0, 3) * 5);
        patrol.ActualEnd = patrol.EndsAt.AddMinutes(-random.Next(0, 3) * 10);
        patrol.Incidents = random.Next(0, 4);
        patrol.PersonsHandedOver = random.Next(4) == 0 ? 1 : 0;
        patrol.ReportNotes = patrol.Incidents > 0 ? "Замечания сделаны, нарушители предупреждены; информация передана участковому." : "Без происшествий.";
        patrol.ReportedAt = patrol.ActualEnd.Value.AddHours(1) < now ? patrol.ActualEnd.Value.AddHours(1) : now;
        var hours = PatrolWorkflow.Hours(patrol.ActualStart.Value, patrol.ActualEnd.Value);
        foreach (var participant in patrol.Participants)
        {
            var present = participant.Response != ParticipantResponse.Declined && random.Next(15) > 0;
            participant.Present = present;
            participant.Hours = present ? hours : 0;
            if (participant.VolunteerId is not null && !present && participant.Response != ParticipantResponse.Declined)
            {
                participant.Response = ParticipantResponse.NoShow;
            }
        }

        if (patrol.Incidents > 0)
        {
            patrol.Offences.Add(new PatrolOffence
            {
                Category = (OffenceCategory)random.Next(0, 4),
                Detected = patrol.Incidents.Value,
                Prevented = random.Next(0, 2),
            });
        }
    }
}
