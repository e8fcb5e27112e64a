using CommunityPolicing.Web.Domain;

namespace CommunityPolicing.UnitTests.Domain;

public sealed class EligibilityTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    private static Volunteer Ready() => new()
    {
        FullName = "Ахметов Нурлан",
        BirthDate = new DateOnly(1990, 5, 1),
        Status = VolunteerStatus.Active,
        BackgroundCheckPassed = true,
        BackgroundCheckOn = new DateOnly(2026, 1, 10),
        ConsentOn = new DateOnly(2026, 1, 10),
    };

    private static readonly (TrainingTopic, DateOnly)[] AllTrained =
    [
        (TrainingTopic.LegalBasics, new DateOnly(2026, 2, 1)),
        (TrainingTopic.FirstAid, new DateOnly(2026, 2, 1)),
        (TrainingTopic.LawfulForce, new DateOnly(2026, 2, 1)),
    ];

    private static EligibilityResult Check(Volunteer volunteer, IEnumerable<(TrainingTopic, DateOnly)> trainings, DateOnly? on = null) =>
        Eligibility.Check(volunteer, trainings, TrainingTopicRule.Defaults, on ?? Today);

    [Fact]
    public void An_active_adult_checked_consenting_and_trained_volunteer_may_patrol()
    {
        var result = Check(Ready(), AllTrained);

        Assert.True(result.Eligible);
        Assert.Empty(result.Reasons);
    }

    [Fact]
    public void Every_missing_condition_is_named()
    {
        var volunteer = Ready();
        volunteer.Status = VolunteerStatus.Candidate;
        volunteer.BirthDate = new DateOnly(2009, 1, 1);
        volunteer.BackgroundCheckPassed = null;
        volunteer.ConsentOn = null;

        var result = Check(volunteer, []);

        Assert.False(result.Eligible);
        Assert.Equal(
            ["Eligibility.StatusCandidate", "Eligibility.Minor", "Eligibility.BackgroundMissing", "Eligibility.ConsentMissing",
             "Eligibility.TrainingMissing", "Eligibility.TrainingMissing", "Eligibility.TrainingMissing"],
            result.Reasons.Select(r => r.Key));
        Assert.Equal(new DateOnly(2027, 1, 1), result.Reasons[1].Date);
    }

    [Fact]
    public void Expired_first_aid_says_when_it_expired()
    {
        (TrainingTopic, DateOnly)[] trainings = [.. AllTrained.Where(t => t.Item1 != TrainingTopic.FirstAid), (TrainingTopic.FirstAid, new DateOnly(2025, 9, 1))];

        var reason = Check(Ready(), trainings).Reasons.Single();

        Assert.Equal(("Eligibility.TrainingExpired", TrainingTopic.FirstAid, new DateOnly(2026, 9, 1)), (reason.Key, reason.Topic, reason.Date));
    }

    [Fact]
    public void The_latest_passed_training_counts_and_a_future_one_does_not()
    {
        (TrainingTopic, DateOnly)[] trainings = [.. AllTrained, (TrainingTopic.FirstAid, new DateOnly(2024, 1, 1)), (TrainingTopic.LawfulForce, new DateOnly(2027, 1, 1))];

        Assert.True(Check(Ready(), trainings).Eligible);
        var beforeTraining = Check(Ready(), [(TrainingTopic.LegalBasics, new DateOnly(2026, 12, 1))], new DateOnly(2026, 11, 30));
        Assert.Contains(beforeTraining.Reasons, r => r.Key == "Eligibility.TrainingMissing" && r.Topic == TrainingTopic.LegalBasics);
    }

    [Theory]
    [InlineData("2025-12-23", false, true)]  // expires 23 Dec 2026: within 30 days, still valid
    [InlineData("2025-11-24", false, true)]  // expires tomorrow
    [InlineData("2025-11-23", true, false)]  // expires today: no longer valid
    [InlineData("2026-01-01", false, false)] // expires 1 Jan 2027: more than 30 days away
    public void Trainings_lapsing_within_30_days_are_flagged(string firstAidOn, bool expired, bool flagged)
    {
        var heldOn = DateOnly.Parse(firstAidOn, System.Globalization.CultureInfo.InvariantCulture);
        (TrainingTopic, DateOnly)[] trainings = [.. AllTrained.Where(t => t.Item1 != TrainingTopic.FirstAid), (TrainingTopic.FirstAid, heldOn)];

        var result = Check(Ready(), trainings);

        Assert.Equal(expired, result.Reasons.Any(r => r.Key == "Eligibility.TrainingExpired"));
        Assert.Equal(flagged, result.Expiring.Any(e => e.Topic == TrainingTopic.FirstAid));
    }

    [Fact]
    public void A_volunteer_turning_18_on_the_patrol_date_is_adult()
    {
        var volunteer = Ready();
        volunteer.BirthDate = Today.AddYears(-18);

        Assert.True(Check(volunteer, AllTrained).Eligible);
        Assert.Contains(Check(volunteer, AllTrained, Today.AddDays(-1)).Reasons, r => r.Key == "Eligibility.Minor");
    }
}
