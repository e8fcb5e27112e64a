using CommunityPolicing.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace CommunityPolicing.Web.Data.Seeding;

/// <summary>Three associations around Taraz with about 60 members in every status and a year of training.</summary>
public static class DemoAssociations
{
    private static readonly string[] Names =
    [
        "Абенов Ержан", "Сапарова Динара", "Ким Алексей", "Туребаев Марат", "Нуртаева Айгуль", "Петров Игорь", "Жунусов Бахыт",
        "Омарова Сауле", "Исмаилов Рустам", "Калиева Жанар", "Беков Данияр", "Смирнов Олег", "Ахметова Асем", "Ережепов Талгат",
        "Мухамеджанов Аслан", "Ли Виктория", "Сейтжанов Нурбол", "Кудайбергенова Айым", "Волков Андрей", "Утепов Самат",
    ];

    public static async Task SeedAsync(AppDbContext db, string coordinatorUserId, DateTimeOffset now, CancellationToken ct)
    {
        var random = new Random(44);
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var taraz = await db.Departments.Include(d => d.Precincts).FirstAsync(d => d.Name == "Управление полиции г. Тараз", ct);
        var instructor = await db.Officers.Where(o => o.Precinct!.DepartmentId == taraz.Id).OrderBy(o => o.Id).FirstAsync(ct);
        Precinct Post(string number) => taraz.Precincts.Single(p => p.Number == number);

        var associations = new[]
        {
            new Association { Name = "Народная дружина «Тараз»", Kind = AssociationKind.PeoplesGuard, RegisterNumber = "ЖО-ДНД-014",
                RegisteredOn = new DateOnly(2019, 4, 12), Phone = "+7 7262 45 12 30", Address = "г. Тараз, ул. Толе би, 44",
                Precincts = [Post("3"), Post("17"), Post("30")] },
            new Association { Name = "Соседский дозор мкр. Самал", Kind = AssociationKind.NeighbourhoodWatch, RegisterNumber = "ЖО-СД-031",
                RegisteredOn = new DateOnly(2022, 9, 1), Phone = "+7 701 222 33 44", Address = "г. Тараз, мкр. Самал, 18",
                Precincts = [Post("24"), Post("21")] },
            new Association { Name = "Молодёжный отряд «Жас Қыран»", Kind = AssociationKind.YouthSquad, RegisterNumber = "ЖО-МО-007",
                RegisteredOn = new DateOnly(2023, 2, 15), Phone = "+7 705 555 66 77", Address = "г. Тараз, ул. Сулейманова, 7",
                Precincts = [Post("17"), Post("11")] },
        };

        var index = 0;
        foreach (var association in associations)
        {
            association.DepartmentId = taraz.Id;
            for (var i = 0; i < 20; i++, index++)
            {
                // Mostly active members, some candidates, suspended and left; a few youngsters in the youth squad.
                var status = (i % 10) switch { 0 => VolunteerStatus.Candidate, 1 => VolunteerStatus.Suspended, 2 => VolunteerStatus.Left, _ => VolunteerStatus.Active };
                var young = association.Kind == AssociationKind.YouthSquad && i % 4 == 0;
                var joined = today.AddDays(-random.Next(60, 1500));
                association.Members.Add(new Volunteer
                {
                    FullName = $"{Names[index % Names.Length]}{(index >= Names.Length ? $" {(char)('А' + index / Names.Length)}." : "")}",
                    BirthDate = young ? today.AddYears(-17).AddDays(-random.Next(0, 300)) : today.AddYears(-random.Next(20, 60)).AddDays(-random.Next(0, 365)),
                    Phone = $"+7 70{random.Next(0, 9)} {random.Next(100, 999)} {random.Next(10, 99)} {random.Next(10, 99)}",
                    Address = $"г. Тараз, ул. Абая, {random.Next(1, 200)}",
                    DocumentNumber = $"0{random.Next(10000000, 99999999)}",
                    BadgeNumber = $"ДН-{100 + index}",
                    JoinedOn = joined,
                    LeftOn = status == VolunteerStatus.Left ? today.AddDays(-random.Next(5, 50)) : null,
                    Status = status,
                    StatusReason = status switch { VolunteerStatus.Suspended => "Пропуск дежурств", VolunteerStatus.Left => "Переезд", _ => null },
                    BackgroundCheckOn = status == VolunteerStatus.Candidate && i % 2 == 0 ? null : joined.AddDays(10),
                    BackgroundCheckPassed = status == VolunteerStatus.Candidate && i % 2 == 0 ? null : true,
                    ConsentOn = joined,
                });
            }
        }

        db.Associations.AddRange(associations);
        await db.SaveChangesAsync(ct);
        db.AssociationCoordinators.AddRange(
            new AssociationCoordinator { AssociationId = associations[0].Id, UserId = coordinatorUserId },
            new AssociationCoordinator { AssociationId = associations[1].Id, UserId = coordinatorUserId });

        // Training sessions over the last 14 months. The latest first aid lapses 20–30 days from today whatever the date,
        // so the coordinator always has lapsing members to renew; the older one has lapsed already.
        foreach (var association in associations)
        {
            foreach (var (topic, heldOn) in new[]
            {
                (TrainingTopic.LegalBasics, today.AddMonths(-10)), (TrainingTopic.LawfulForce, today.AddMonths(-8)),
                (TrainingTopic.FirstAid, today.AddYears(-1).AddDays(20)), (TrainingTopic.FirstAid, today.AddMonths(-14)),
                (TrainingTopic.PatrolTactics, today.AddMonths(-3)),
            })
            {
                var attendees = association.Members.Where(m => m.Status != VolunteerStatus.Candidate && random.Next(10) < 8).ToList();
                db.TrainingSessions.Add(new TrainingSession
                {
                    AssociationId = association.Id,
                    Topic = topic,
                    HeldOn = heldOn.AddDays(random.Next(0, 10)),
                    Hours = topic == TrainingTopic.FirstAid ? 8 : 4,
                    InstructorOfficerId = instructor.Id,
                    Attendance = [.. attendees.Select(m => new TrainingAttendance { VolunteerId = m.Id, Passed = random.Next(12) > 0 })],
                });
            }
        }

        await db.SaveChangesAsync(ct);
    }
}
