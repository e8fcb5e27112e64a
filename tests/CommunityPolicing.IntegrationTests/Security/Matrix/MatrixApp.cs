using CommunityPolicing.Testing;
using CommunityPolicing.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace CommunityPolicing.IntegrationTests.Security.Matrix;

/// <summary>
/// The demo app plus records marked with ASCII tokens in scopes the demo leaves empty: a second department's
/// association, patrol, records, log and meetings (ZXQB), post 30's own records (ZXQP, post-only; ZXQM, readable by
/// coordinators of associations serving post 30), a complaint about an officer at post 17 (ZXQC), and an appeal at
/// post 17 in a category the police do not publish through Open311 (ZXQN; the category's own name is no token: the
/// portal's form offers it to anyone). A token
/// appearing in a response proves a record crossed a scope: no demo text contains "ZXQ".
/// </summary>
public sealed class MatrixApp : TestApp
{
    protected override string Name => "cp_matrix";

    public Foreign Ids { get; private set; } = default!;

    protected override async Task StartAsync()
    {
        await base.StartAsync();
        await using var db = NewDbContext();
        var now = DateTimeOffset.UtcNow;
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var taraz = await db.Departments.SingleAsync(d => d.Name == Demo.TarazDepartment);
        var baizakPost = await db.Precincts.Where(p => p.DepartmentId != taraz.Id && p.Status == PrecinctStatus.Operating).OrderBy(p => p.Id).FirstAsync();
        var post17 = await db.Precincts.SingleAsync(p => p.DepartmentId == taraz.Id && p.Number == "17");
        var post30 = await db.Precincts.SingleAsync(p => p.DepartmentId == taraz.Id && p.Number == "30");
        var officer30 = await db.Officers.Where(o => o.PrecinctId == post30.Id && o.UserId != null).SingleAsync();
        var anyUser = await db.Users.Where(u => u.Email == Demo.Chief).Select(u => u.Id).SingleAsync();
        var theft = await db.AppealCategories.SingleAsync(c => c.Code == "theft");
        var complaint = await db.AppealCategories.SingleAsync(c => c.IsComplaintAboutOfficer);
        var unpublished = new AppealCategory { Code = HiddenCategory, NameEn = "Internal check", NameRu = "Служебная проверка", NameKk = "Қызметтік тексеру", NameTg = "Қызметтік тексеру", IsPublic = false, SortOrder = 50 };
        db.AppealCategories.Add(unpublished);

        // Department B (Baizak): a whole bundle on one of its posts, the post itself marked by its number and address.
        baizakPost.Number = "ZXQB1";
        baizakPost.Address += " ZXQB";
        var officerB = new Officer { PrecinctId = baizakPost.Id, FullName = "ZXQB Officer", Rank = "ZXQB", BadgeNumber = "ZXQB-0001", Phone = "+7 700 000 00 01" };
        var beatB = new Beat { PrecinctId = baizakPost.Id, Name = "ZXQB Beat", Population = 100, Households = 40, Officer = officerB, OfficerAssignedOn = today.AddDays(-40) };
        db.AddRange(officerB, beatB);
        await db.SaveChangesAsync();

        var appealB = Appeal("2099-900001", "TRACKB000001", "ZXQB appeal", baizakPost.DepartmentId, baizakPost.Id, beatB.Id, officerB.Id, theft.Id, now);
        var appealP = Appeal("2099-900002", "TRACKP000002", "ZXQP appeal", taraz.Id, post30.Id, null, officer30.Id, theft.Id, now);
        // A complaint about an officer, assigned to officer 17, who still must not see it: complaints go to the chief.
        var officer17 = await db.Officers.Where(o => db.Users.Any(u => u.Id == o.UserId && u.Email == Demo.Officer17)).Select(o => o.Id).SingleAsync();
        var appealC = Appeal("2099-900003", "TRACKC000003", "ZXQC complaint", taraz.Id, post17.Id, null, officer17, complaint.Id, now);
        var appealN = Appeal("2099-900004", "TRACKN000004", "ZXQN internal check", taraz.Id, post17.Id, null, officer17, unpublished.Id, now);
        db.Appeals.AddRange(appealB, appealP, appealC, appealN);
        await db.SaveChangesAsync();
        var attachmentB = new AppealAttachment
        {
            AppealId = appealB.Id,
            FileName = "ZXQB.pdf",
            ContentType = "application/pdf",
            Size = 12,
            Content = "%PDF-1.4 ZXQB"u8.ToArray(),
            UploadedAt = now,
        };
        var attachmentP = new AppealAttachment
        {
            AppealId = appealP.Id,
            FileName = "ZXQP.pdf",
            ContentType = "application/pdf",
            Size = 12,
            Content = "%PDF-1.4 ZXQP"u8.ToArray(),
            UploadedAt = now,
        };
        db.AppealAttachments.AddRange(attachmentB, attachmentP);

        var associationB = Association("ZXQB Association", baizakPost.DepartmentId, baizakPost, "ZXQB Volunteer", today);
        var associationP = Association("ZXQP Association", taraz.Id, post30, "ZXQP Volunteer", today);
        db.Associations.AddRange(associationB, associationP);
        await db.SaveChangesAsync();
        var trainingB = new TrainingSession
        {
            AssociationId = associationB.Id,
            Topic = TrainingTopic.FirstAid,
            HeldOn = today.AddDays(-10),
            Hours = 2,
            Notes = "ZXQB training",
            Attendance = [new TrainingAttendance { VolunteerId = associationB.Members[0].Id, Passed = true }],
        };
        db.TrainingSessions.Add(trainingB);
        db.AssociationMonthPlans.Add(new AssociationMonthPlan { AssociationId = associationB.Id, Month = new DateOnly(today.Year, today.Month, 1), PlannedPatrols = 3, Notes = "ZXQB plan" });

        var patrolB = Patrol(baizakPost, associationB.Id, beatB, officerB.Id, associationB.Members[0].Id, "ZXQB meeting point", today.AddDays(-3), now.AddDays(-3));
        var patrolP = Patrol(post30, null, null, officer30.Id, null, "ZXQP meeting point", today.AddDays(-2), now.AddDays(-2));
        db.Patrols.AddRange(patrolB, patrolP);

        db.PreventiveRecords.AddRange(
            Record(baizakPost, "ZXQB-REC Person", today),
            Record(post30, "ZXQP-REC Person", today));
        db.LogEntries.AddRange(
            new LogEntry { OfficerId = officerB.Id, BeatId = beatB.Id, Kind = LogEntryKind.DoorToDoor, At = now.AddHours(-5), CreatedAt = now, Date = today, Households = 3, Note = "ZXQB log" },
            new LogEntry { OfficerId = officer30.Id, Kind = LogEntryKind.Reception, At = now.AddHours(-4), CreatedAt = now, Date = today, Note = "ZXQP log" });
        db.PreventionActivities.Add(new PreventionActivity
        {
            DepartmentId = baizakPost.DepartmentId,
            PrecinctId = baizakPost.Id,
            BeatId = beatB.Id,
            Type = PreventionType.SchoolLecture,
            Title = "ZXQB activity",
            PlannedOn = today,
            ResponsibleOfficerId = officerB.Id,
        });
        db.BeatPlaces.Add(new BeatPlace { BeatId = beatB.Id, Kind = BeatPlaceKind.School, Name = "ZXQB place" });
        db.BeatContacts.Add(new BeatContact { BeatId = beatB.Id, FullName = "ZXQB contact", Role = "ZXQB" });
        var meetingB = Meeting(baizakPost, "ZXQB minutes", today);
        var meetingP = Meeting(post30, "ZXQM minutes", today);
        db.JointMeetings.AddRange(meetingB, meetingP);
        db.Briefings.AddRange(
            new Briefing { DepartmentId = baizakPost.DepartmentId, PrecinctId = baizakPost.Id, Title = "ZXQB briefing", Text = "ZXQB", ValidUntil = today.AddDays(30), CreatedByUserId = anyUser, CreatedAt = now },
            new Briefing { DepartmentId = taraz.Id, PrecinctId = post30.Id, Title = "ZXQM briefing", Text = "ZXQM", ValidUntil = today.AddDays(30), CreatedByUserId = anyUser, CreatedAt = now });
        await db.SaveChangesAsync();

        var coordinatorId = await db.Users.Where(u => u.Email == Demo.Coordinator).Select(u => u.Id).SingleAsync();
        var coordinatorServesPost30 = await db.Associations.AnyAsync(a => a.Coordinators.Any(c => c.UserId == coordinatorId) && a.Precincts.Any(p => p.Id == post30.Id));
        Ids = new Foreign(baizakPost.DepartmentId, baizakPost.Id, post30.Id, beatB.Id, officerB.Id, appealB, appealP, appealC, attachmentB.Id, attachmentP.Id,
            associationB.Id, associationP.Id, associationB.Members[0].Id, associationP.Members[0].Id, trainingB.Id, patrolB.Id, patrolP.Id,
            await db.PreventiveRecords.Where(r => r.FullName == "ZXQB-REC Person").Select(r => r.Id).SingleAsync(),
            await db.PreventiveRecords.Where(r => r.FullName == "ZXQP-REC Person").Select(r => r.Id).SingleAsync(),
            meetingB.Id, coordinatorServesPost30, appealN, HiddenCategory,
            await db.LogEntries.Where(e => e.Note == "ZXQB log").Select(e => e.Id).SingleAsync(),
            await db.LogEntries.Where(e => e.Note == "ZXQP log").Select(e => e.Id).SingleAsync());
    }

    /// <summary>The code of the category that is not published through Open311.</summary>
    private const string HiddenCategory = "matrix-internal";

    private static Appeal Appeal(string number, string code, string text, int department, int precinct, int? beat, int? officer, int category, DateTimeOffset now) => new()
    {
        RegistrationNumber = number,
        TrackingCode = code,
        Description = text,
        DepartmentId = department,
        PrecinctId = precinct,
        BeatId = beat,
        AssignedOfficerId = officer,
        CategoryId = category,
        Channel = AppealChannel.Phone,
        Status = officer is null ? AppealStatus.Registered : AppealStatus.Assigned,
        ApplicantName = text + " applicant",
        ApplicantPhone = "+7 700 999 99 99",
        Address = text + " address",
        RegisteredAt = now.AddHours(-1),
        OriginalDueDate = DateOnly.FromDateTime(now.UtcDateTime).AddDays(20),
        DueDate = DateOnly.FromDateTime(now.UtcDateTime).AddDays(20),
        Events = [new AppealEvent { At = now.AddHours(-1), Kind = AppealEventKind.Registered, ToStatus = AppealStatus.Registered, Note = text + " event" }],
    };

    private static Association Association(string name, int department, Precinct post, string member, DateOnly today) => new()
    {
        Name = name,
        DepartmentId = department,
        Kind = AssociationKind.PeoplesGuard,
        Status = AssociationStatus.Active,
        Phone = "+7 700 111 11 11",
        Address = name + " address",
        RegisterNumber = name.Replace(' ', '-'),
        Precincts = [post],
        Members =
        [
            new Volunteer
            {
                FullName = member, BirthDate = today.AddYears(-30), Phone = "+7 700 222 22 22", Address = member + " address", DocumentNumber = member + " doc",
                BadgeNumber = member.Replace(' ', '-'), JoinedOn = today.AddYears(-1), Status = VolunteerStatus.Active, BackgroundCheckOn = today.AddMonths(-11),
                BackgroundCheckPassed = true, ConsentOn = today.AddYears(-1),
            },
        ],
    };

    private static Patrol Patrol(Precinct post, int? association, Beat? beat, int officer, int? volunteer, string meetingPoint, DateOnly date, DateTimeOffset start)
    {
        var patrol = new Patrol
        {
            DepartmentId = post.DepartmentId,
            PrecinctId = post.Id,
            AssociationId = association,
            Date = date,
            StartsAt = start,
            EndsAt = start.AddHours(3),
            MeetingPoint = meetingPoint,
            Route = meetingPoint + " route",
            Briefing = meetingPoint + " briefing",
            Status = PatrolStatus.Completed,
            ActualStart = start,
            ActualEnd = start.AddHours(3),
            Incidents = 1,
            PersonsHandedOver = 0,
            ReportNotes = meetingPoint + " report",
            ReportedAt = start.AddHours(4),
            Participants = [new PatrolParticipant { OfficerId = officer, Response = ParticipantResponse.Confirmed, Present = true, Hours = 3 }],
        };
        if (volunteer is { } v)
        {
            patrol.Participants.Add(new PatrolParticipant { VolunteerId = v, Response = ParticipantResponse.Confirmed, Present = true, Hours = 3 });
        }

        if (beat is not null)
        {
            patrol.Beats.Add(beat);
        }

        return patrol;
    }

    private static PreventiveRecord Record(Precinct post, string name, DateOnly today) => new()
    {
        DepartmentId = post.DepartmentId,
        PrecinctId = post.Id,
        Category = RecordCategory.JuvenileAtRisk,
        FullName = name,
        BirthDate = today.AddYears(-15),
        Address = name + " address",
        Grounds = name + " grounds",
        StartedOn = today.AddMonths(-2),
        CheckEveryDays = 30,
    };

    private static JointMeeting Meeting(Precinct post, string minutes, DateOnly today) => new()
    {
        DepartmentId = post.DepartmentId,
        PrecinctId = post.Id,
        HeldOn = today.AddDays(-1),
        PeriodFrom = today.AddMonths(-1),
        PeriodTo = today,
        Minutes = minutes,
        Attendees = minutes + " attendees",
        Actions = [new AgreedAction { Text = minutes + " action", Owner = minutes + " owner", DueOn = today.AddDays(10) }],
    };
}

/// <summary>The ids of the marked records, for building requests and calls with another scope's keys.</summary>
public sealed record Foreign(
    int DepartmentB, int PostB, int Post30, int BeatB, int OfficerB, Appeal AppealB, Appeal AppealP, Appeal AppealC, long AttachmentB, long AttachmentP,
    int AssociationB, int AssociationP, int VolunteerB, int VolunteerP, int TrainingB, int PatrolB, int PatrolP, int RecordB, int RecordP, int MeetingB,
    bool CoordinatorServesPost30, Appeal AppealN, string HiddenCategory, long LogB, long LogP);

[CollectionDefinition(Name)]
public sealed class MatrixCollection : ICollectionFixture<MatrixApp>
{
    public const string Name = "matrix";
}
