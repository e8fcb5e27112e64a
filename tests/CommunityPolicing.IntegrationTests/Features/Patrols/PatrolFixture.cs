using CommunityPolicing.Testing;
using CommunityPolicing.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace CommunityPolicing.IntegrationTests.Features.Patrols;

/// <summary>Arranging patrol tests on the shared demo database without stepping on other tests' people or dates.</summary>
public static class PatrolFixture
{
    public static readonly TimeZoneInfo Almaty = TimeZoneInfo.FindSystemTimeZoneById("Asia/Almaty");

    public static DateOnly Today => LocalTime.Date(DateTimeOffset.UtcNow, "Asia/Almaty");

    /// <summary>The first day of the month <paramref name="months"/> ahead: demo patrols end three weeks from today.</summary>
    public static DateOnly MonthAhead(int months) => new DateOnly(Today.Year, Today.Month, 1).AddMonths(months);

    public static async Task<(int Association, int Precinct, int Officer)> Post17Async(TestApp app)
    {
        await using var context = app.NewDbContext();
        var association = await context.Associations.Where(a => a.Name == "Народная дружина «Тараз»").Select(a => a.Id).SingleAsync();
        var precinct = await context.Precincts.Where(p => p.Number == "17" && p.Department!.Name == Demo.TarazDepartment).Select(p => p.Id).SingleAsync();
        var officer = await context.Officers.Where(o => context.Users.Any(u => u.Id == o.UserId && u.Email == Demo.Officer17)).Select(o => o.Id).SingleAsync();
        return (association, precinct, officer);
    }

    /// <summary>A new officer of the post, booked on nothing, so a test owns their schedule.</summary>
    public static async Task<int> NewOfficerAsync(TestApp app, int precinctId, string name)
    {
        await using var context = app.NewDbContext();
        var officer = new Officer { PrecinctId = precinctId, FullName = name, Rank = "лейтенант полиции", BadgeNumber = $"T-{Guid.NewGuid():N}"[..12] };
        context.Officers.Add(officer);
        await context.SaveChangesAsync();
        return officer.Id;
    }

    /// <summary>A new active member with every required training passed today: eligible for a year.</summary>
    public static async Task<int> NewEligibleVolunteerAsync(TestApp app, int associationId, string name)
    {
        await using var context = app.NewDbContext();
        var volunteer = new Volunteer
        {
            AssociationId = associationId,
            FullName = name,
            BirthDate = new DateOnly(1990, 1, 1),
            Status = VolunteerStatus.Active,
            JoinedOn = Today.AddDays(-10),
            BackgroundCheckOn = Today.AddDays(-5),
            BackgroundCheckPassed = true,
            ConsentOn = Today.AddDays(-10),
            Phone = "+7 701 000 00 00",
        };
        context.Volunteers.Add(volunteer);
        await context.SaveChangesAsync();
        foreach (var topic in new[] { TrainingTopic.LegalBasics, TrainingTopic.FirstAid, TrainingTopic.LawfulForce })
        {
            context.TrainingSessions.Add(new TrainingSession
            {
                AssociationId = associationId,
                Topic = topic,
                HeldOn = Today,
                Hours = 4,
                Attendance = [new TrainingAttendance { VolunteerId = volunteer.Id, Passed = true }],
            });
        }

        await context.SaveChangesAsync();
        return volunteer.Id;
    }
}
