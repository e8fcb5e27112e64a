namespace CommunityPolicing.Web.Domain;

/// <summary>One reason a volunteer may not patrol, as a resource key and its argument (a topic or a date).</summary>
public sealed record EligibilityReason(string Key, TrainingTopic? Topic = null, DateOnly? Date = null);

/// <summary>A training that lapses soon: flagged 30 days ahead.</summary>
public sealed record ExpiringTraining(TrainingTopic Topic, DateOnly ExpiresOn);

public sealed record EligibilityResult(bool Eligible, IReadOnlyList<EligibilityReason> Reasons, IReadOnlyList<ExpiringTraining> Expiring);

/// <summary>
/// Whether a volunteer may patrol on a date (RU 44-FZ and the associations' rules): active, adult, background
/// check passed, consent to personal-data processing on file, and every required training valid on that date.
/// </summary>
public static class Eligibility
{
    public const int AdultAge = 18;
    public const int ExpiryWarningDays = 30;

    // passedTrainings: the date of each passed training, by topic (any order, any number).
    public static EligibilityResult Check(Volunteer volunteer, IEnumerable<(TrainingTopic Topic, DateOnly HeldOn)> passedTrainings,
        IEnumerable<TrainingTopicRule> rules, DateOnly on)
    {
        var reasons = new List<EligibilityReason>();
        var expiring = new List<ExpiringTraining>();
        if (volunteer.Status != VolunteerStatus.Active)
        {
            reasons.Add(new EligibilityReason($"Eligibility.Status{volunteer.Status}"));
        }

        if (volunteer.BirthDate.AddYears(AdultAge) > on)
        {
            reasons.Add(new EligibilityReason("Eligibility.Minor", Date: volunteer.BirthDate.AddYears(AdultAge)));
        }

        if (volunteer.BackgroundCheckPassed != true)
        {
            reasons.Add(new EligibilityReason(volunteer.BackgroundCheckPassed == false ? "Eligibility.BackgroundFailed" : "Eligibility.BackgroundMissing"));
        }

        if (volunteer.ConsentOn is null || volunteer.ConsentOn > on)
        {
            reasons.Add(new EligibilityReason("Eligibility.ConsentMissing"));
        }

        var latest = passedTrainings.Where(t => t.HeldOn <= on).GroupBy(t => t.Topic).ToDictionary(g => g.Key, g => g.Max(t => t.HeldOn));
        foreach (var rule in rules.Where(r => r.RequiredForPatrol))
        {
            if (!latest.TryGetValue(rule.Topic, out var heldOn))
            {
                reasons.Add(new EligibilityReason("Eligibility.TrainingMissing", rule.Topic));
                continue;
            }

            if (rule.ValidityMonths is not { } months)
            {
                continue;
            }

            var expiresOn = heldOn.AddMonths(months);
            if (expiresOn <= on)
            {
                reasons.Add(new EligibilityReason("Eligibility.TrainingExpired", rule.Topic, expiresOn));
            }
            else if (expiresOn <= on.AddDays(ExpiryWarningDays))
            {
                expiring.Add(new ExpiringTraining(rule.Topic, expiresOn));
            }
        }

        return new EligibilityResult(reasons.Count == 0, reasons, expiring);
    }
}
