using CommunityPolicing.Web.Domain;

namespace CommunityPolicing.DataGen;

internal sealed record PatrolRow(Patrol Patrol, IReadOnlyList<BeatRow> Beats);

/// <summary>
/// Three years of work up to now, in time order (ids grow with time, as in a live system): appeals with their
/// outcomes and ratings, joint patrols with participants and reports, prevention activities done, late or overdue.
/// Deterministic for a seed and a "now".
/// </summary>
internal sealed class Activity(Organisation organisation, int seed, DateTimeOffset now)
{
    private static readonly int[] CategoryWeights = [18, 12, 14, 10, 8, 7, 5, 4, 3, 6, 3, 10];
    private static readonly AppealChannel[] Channels =
        [AppealChannel.InPerson, AppealChannel.InPerson, AppealChannel.Phone, AppealChannel.Letter, AppealChannel.OnlinePortal, AppealChannel.OnlinePortal, AppealChannel.Open311];
    private static readonly int[] RatingWeights = [10, 8, 12, 25, 45];

    private readonly DateTimeOffset _start = now.AddYears(-Scale.Years);

    public IEnumerable<Appeal> Appeals(int count, long firstNumber = 1)
    {
        var random = new Random(seed * 31 + 1);
        var span = (now - _start).Ticks;
        for (var i = 0; i < count; i++)
        {
            var registeredAt = _start.AddTicks((long)((i + random.NextDouble()) / count * span));
            var beat = random.Next(100) < 92 ? Names.Pick(random, organisation.Beats) : null;
            var post = beat?.Post ?? (random.Next(10) == 0 ? null : Names.Pick(random, organisation.Posts));
            var department = post?.Department ?? Names.Pick(random, organisation.Departments);
            var categoryId = Weighted(random, CategoryWeights) + 1;
            var complaint = categoryId == 9;
            var officer = complaint || post is null ? null : beat?.Officer ?? post.Officers.FirstOrDefault();
            var localDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(registeredAt, department.Zone).DateTime);
            var due = localDay.AddDays(15);
            var anonymous = random.Next(100) < 12;
            var appeal = new Appeal
            {
                RegistrationNumber = $"{localDay.Year}-{firstNumber + i:D6}",
                TrackingCode = TrackingCode(random),
                DepartmentId = department.Id,
                PrecinctId = post?.Id,
                BeatId = beat?.Id,
                AssignedOfficerId = officer?.Id,
                CategoryId = categoryId,
                Channel = Names.Pick(random, Channels),
                IsAnonymous = anonymous,
                ApplicantName = anonymous ? null : Names.Person(random),
                ApplicantPhone = anonymous ? null : Names.Phone(random),
                ApplicantEmail = anonymous || random.Next(4) > 0 ? null : $"resident{random.Next(1_000_000)}@mail.kz",
                ApplicantAddress = anonymous ? null : Names.Address(random, department.Town),
                PublishDetails = random.Next(2) == 0,
                Description = $"{Names.Pick(random, Names.Complaints[categoryId - 1])}. {Names.Address(random, department.Town)}",
                Address = Names.Address(random, department.Town),
                Latitude = post is null ? null : post.Lat + (random.NextDouble() - 0.5) * 0.02,
                Longitude = post is null ? null : post.Lon + (random.NextDouble() - 0.5) * 0.03,
                RegisteredAt = registeredAt,
                OriginalDueDate = due,
                DueDate = due,
                Status = officer is null ? AppealStatus.Registered : AppealStatus.Assigned,
            };
            Outcome(random, appeal, now - registeredAt);
            yield return appeal;
        }
    }

    /// <summary>Older appeals are mostly answered (one in ten late) and closed; a few stay open past their due date.</summary>
    private void Outcome(Random random, Appeal appeal, TimeSpan age)
    {
        if (age < TimeSpan.FromDays(2))
        {
            return;
        }

        var roll = random.Next(100);
        if (age > TimeSpan.FromDays(20) && roll < 3)
        {
            appeal.Status = AppealStatus.Redirected;
            appeal.RedirectedTo = "Akimat housing department";
            appeal.RedirectedAt = appeal.RegisteredAt.AddDays(2);
            return;
        }

        if (roll < (age > TimeSpan.FromDays(20) ? 5 : 45))
        {
            appeal.Status = AppealStatus.InProgress;
            return;
        }

        var answeredAt = appeal.RegisteredAt.AddDays(random.Next(100) < 10 ? random.Next(16, 26) : random.Next(1, 15)).AddHours(random.Next(0, 8));
        if (answeredAt > now)
        {
            appeal.Status = AppealStatus.InProgress;
            return;
        }

        appeal.Status = AppealStatus.Answered;
        appeal.Answer = "Checked on site; the persons concerned were warned and the beat officer keeps the address under watch.";
        appeal.AnsweredAt = answeredAt;
        if (random.Next(100) < 35 && answeredAt.AddDays(1) < now)
        {
            appeal.Rating = Weighted(random, RatingWeights) + 1;
            appeal.RatedAt = answeredAt.AddDays(1);
        }

        var closedAt = answeredAt.AddDays(random.Next(1, 6));
        if (random.Next(100) < 70 && closedAt < now)
        {
            appeal.Status = AppealStatus.Closed;
            appeal.ClosedAt = closedAt;
        }
    }

    public IEnumerable<PatrolRow> Patrols(int count)
    {
        var random = new Random(seed * 31 + 2);
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var first = DateOnly.FromDateTime(_start.UtcDateTime);
        var days = today.DayNumber - first.DayNumber + 14; // the next two weeks are planned
        var busy = new HashSet<(int, int)>();
        for (var i = 0; i < count; i++)
        {
            var date = first.AddDays((int)((long)i * days / count));
            var association = Names.Pick(random, organisation.Associations);
            var post = Names.Pick(random, association.Posts);
            var beats = post.Beats.Count == 0 ? [] : Enumerable.Range(0, 1 + random.Next(2))
                .Select(_ => Names.Pick(random, post.Beats)).Distinct().ToList();
            var zone = association.Department.Zone;
            var startsAt = new DateTimeOffset(date.ToDateTime(new TimeOnly(18 + random.Next(3), 0)), zone.GetUtcOffset(date.ToDateTime(TimeOnly.MinValue)));
            var endsAt = startsAt.AddHours(3 + random.Next(2));
            var past = date < today;
            var patrol = new Patrol
            {
                DepartmentId = association.Department.Id,
                PrecinctId = post.Id,
                AssociationId = association.Id,
                Date = date,
                StartsAt = startsAt.ToUniversalTime(),
                EndsAt = endsAt.ToUniversalTime(),
                MeetingPoint = $"{association.Department.Town}, {Names.Pick(random, Names.Streets)} st. {random.Next(1, 100)}",
                Route = "Courtyards, the park, the market and the bus station",
                Status = past ? (random.Next(100) < 8 ? PatrolStatus.Cancelled : PatrolStatus.Completed)
                    : random.Next(2) == 0 ? PatrolStatus.Planned : PatrolStatus.Confirmed,
            };
            var completed = patrol.Status == PatrolStatus.Completed;
            if (patrol.Status == PatrolStatus.Cancelled)
            {
                patrol.CancelReason = "Not enough volunteers";
            }
            else if (completed)
            {
                patrol.ActualStart = patrol.StartsAt.AddMinutes(random.Next(-5, 15));
                patrol.ActualEnd = patrol.EndsAt.AddMinutes(random.Next(-20, 10));
                patrol.Incidents = random.Next(100) < 60 ? 0 : random.Next(1, 4);
                patrol.PersonsHandedOver = random.Next(100) < 80 ? 0 : random.Next(1, 3);
                patrol.ReportedAt = patrol.ActualEnd.Value.AddHours(1);
            }

            var hours = completed ? Math.Round((decimal)(patrol.ActualEnd!.Value - patrol.ActualStart!.Value).TotalHours, 1) : 0m;
            var officer = post.Officers.Count == 0 ? null
                : Enumerable.Range(0, 3).Select(_ => Names.Pick(random, post.Officers)).FirstOrDefault(o => busy.Add((o.Id, date.DayNumber)))
                ?? Names.Pick(random, post.Officers);
            if (officer is not null)
            {
                patrol.Participants.Add(new PatrolParticipant { OfficerId = officer.Id, Response = ParticipantResponse.Confirmed, Present = completed ? true : null, Hours = hours });
            }

            foreach (var volunteer in Enumerable.Range(0, 2 + random.Next(3)).Select(_ => Names.Pick(random, association.Volunteers)).Distinct())
            {
                var answer = random.Next(100);
                var response = past ? (answer < 85 ? ParticipantResponse.Confirmed : answer < 95 ? ParticipantResponse.NoShow : ParticipantResponse.Declined)
                    : answer < 50 ? ParticipantResponse.Confirmed : answer < 90 ? ParticipantResponse.Invited : ParticipantResponse.Declined;
                var present = completed && response == ParticipantResponse.Confirmed;
                patrol.Participants.Add(new PatrolParticipant
                {
                    VolunteerId = volunteer,
                    Response = response,
                    Present = completed ? present : null,
                    Hours = present ? hours : 0m,
                });
            }

            yield return new PatrolRow(patrol, beats);
        }
    }

    public IEnumerable<PreventionActivity> Prevention(int count)
    {
        var random = new Random(seed * 31 + 3);
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var first = DateOnly.FromDateTime(_start.UtcDateTime);
        var days = today.DayNumber - first.DayNumber + 90; // this quarter's plan reaches ahead
        var types = Enum.GetValues<PreventionType>();
        for (var i = 0; i < count; i++)
        {
            var plannedOn = first.AddDays((int)((long)i * days / count));
            var post = Names.Pick(random, organisation.Posts);
            var type = Names.Pick(random, types);
            var activity = new PreventionActivity
            {
                DepartmentId = post.Department.Id,
                PrecinctId = post.Id,
                BeatId = post.Beats.Count > 0 && random.Next(10) < 7 ? Names.Pick(random, post.Beats).Id : null,
                Type = type,
                Title = Names.PreventionTitles[(int)type % Names.PreventionTitles.Length],
                PlannedOn = plannedOn,
                ResponsibleOfficerId = post.Officers.Count == 0 ? null : Names.Pick(random, post.Officers).Id,
                TargetGroup = type == PreventionType.SchoolLecture ? "Pupils of grades 7–9" : null,
            };
            if (plannedOn < today && random.Next(100) < 82)
            {
                var doneOn = plannedOn.AddDays(random.Next(100) < 10 ? random.Next(5, 20) : random.Next(0, 3));
                activity.DoneOn = doneOn < today ? doneOn : plannedOn;
                activity.Attendance = random.Next(8, 80);
                activity.Outcome = "Held as planned";
            }

            yield return activity;
        }
    }

    private static string TrackingCode(Random random) =>
        string.Create(12, random, (chars, r) =>
        {
            const string alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
            for (var c = 0; c < chars.Length; c++)
            {
                chars[c] = alphabet[r.Next(alphabet.Length)];
            }
        });

    private static int Weighted(Random random, int[] weights)
    {
        var roll = random.Next(weights.Sum());
        for (var i = 0; i < weights.Length; i++)
        {
            roll -= weights[i];
            if (roll < 0)
            {
                return i;
            }
        }

        return weights.Length - 1;
    }
}
