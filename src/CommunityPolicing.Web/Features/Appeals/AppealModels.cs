using CommunityPolicing.Web.Domain;

namespace CommunityPolicing.Web.Features.Appeals;

public sealed record AppealListQuery(
    string? Search = null,
    AppealStatus? Status = null,
    int? CategoryId = null,
    int? PrecinctId = null,
    int? BeatId = null,
    int? OfficerId = null,
    DateTime? DueFrom = null,
    DateTime? DueTo = null,
    bool OverdueOnly = false,
    bool Mine = false,
    bool LowRatedOnly = false,
    string? SortBy = null,
    bool Descending = false,
    int Page = 0,
    int PageSize = 25,
    DateOnly? RegisteredFrom = null,
    DateOnly? RegisteredTo = null,
    bool OpenOnly = false)
{
    /// <summary>The post filter's value for appeals not yet given to a post (the dashboard's "no post yet" row).</summary>
    public const int NoPost = 0;
}

/// <summary>
/// A line of the appeal list. <paramref name="Summary"/> (the first words) and <paramref name="Place"/> (the address, else
/// the beat) tell on a phone what it is about; like the applicant, they are filled only for those who work the appeals.
/// </summary>
public sealed record AppealRow(
    long Id, string RegistrationNumber, DateTimeOffset RegisteredAt, int CategoryId, AppealStatus Status, DateOnly DueDate,
    string? Precinct, string? Officer, bool IsAnonymous, string? ApplicantName, string TimeZoneId, string? Summary, string? Place)
{
    /// <summary>How much of an appeal's text a line shows: enough to tell what it is about.</summary>
    public const int SummaryLength = 90;

    public DateOnly RegisteredOn => LocalTime.Date(RegisteredAt, TimeZoneId);

    public bool Overdue(DateOnly today) => DeadlineCalculator.IsOverdue(Status, DueDate, today);
    public bool DueSoon(DateOnly today) => DeadlineCalculator.IsDueSoon(Status, DueDate, today);
}

/// <summary>A page of the list; <paramref name="TotalIsEstimate"/> when the total is PostgreSQL's estimate for a very long list.</summary>
public sealed record AppealListPage(IReadOnlyList<AppealRow> Items, int Total, DateOnly Today, bool TotalIsEstimate = false);

public sealed record TimelineEntry(DateTimeOffset At, AppealEventKind Kind, AppealStatus ToStatus, string? UserName, string? Note);

/// <summary>An appeal as staff see it: never its tracking code, which is the applicant's (shown once, at intake).</summary>
public sealed record AppealDetails(
    long Id, string RegistrationNumber, AppealChannel Channel, AppealStatus Status, int CategoryId,
    string Department, string TimeZoneId, int? PrecinctId, string? Precinct, int? BeatId, string? Beat, int? OfficerId, string? Officer,
    bool IsAnonymous, string? ApplicantName, string? ApplicantPhone, string? ApplicantEmail, string? ApplicantAddress,
    string Description, string? Address, double? Latitude, double? Longitude,
    DateTimeOffset RegisteredAt, DateOnly DueDate, DateOnly Today, DateOnly? LatestExtension, DateOnly RedirectBy,
    string? Answer, string? RedirectedTo, int? Rating, string? RatingComment, uint Version,
    IReadOnlyList<AppealEventKind> AllowedSteps, IReadOnlyList<TimelineEntry> Timeline, IReadOnlyList<AttachmentInfo> Attachments, bool CanAttach,
    DateTimeOffset? AnonymisedAt = null, string? StatusNote = null)
{
    public bool Overdue => DeadlineCalculator.IsOverdue(Status, DueDate, Today);
    public bool DueSoon => DeadlineCalculator.IsDueSoon(Status, DueDate, Today);
}

/// <summary>An appeal as staff register it (at the post, by phone, letter, reception).</summary>
public sealed class AppealForm
{
    public AppealChannel Channel { get; set; } = AppealChannel.InPerson;
    public int DepartmentId { get; set; }
    public bool IsAnonymous { get; set; }
    public string? ApplicantName { get; set; }
    public string? ApplicantPhone { get; set; }
    public string? ApplicantEmail { get; set; }
    public string? ApplicantAddress { get; set; }
    public bool PublishDetails { get; set; }
    public int CategoryId { get; set; }
    public string Description { get; set; } = "";
    public string? Address { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public int? BeatId { get; set; }
    public List<AttachmentUpload> Attachments { get; set; } = [];

    /// <summary>Public submissions only: the same key twice registers one appeal (a retried post after a lost answer).</summary>
    public string? IdempotencyKey { get; set; }

    public const int IdempotencyKeyMaxLength = 100;

    /// <summary>
    /// Who sent a keyed submission, as far as the caller can tell (Open311: the api_key, else the client address; the
    /// portal's key is made per form, so it needs none): part of the key's fingerprint, never stored as such.
    /// </summary>
    public string? IdempotencyClient { get; set; }

    private string? AttachmentProblem =>
        Attachments.Select(a => AttachmentRules.Check(a.Content.Length, a.Content)).FirstOrDefault(problem => problem is not null);

    public FieldErrors Validate() => new FieldErrors()
        .When(Attachments.Count > AttachmentRules.MaxFiles, nameof(Attachments), "Attachment.TooMany")
        .When(AttachmentProblem is not null, nameof(Attachments), AttachmentProblem ?? "")
        .When(CategoryId <= 0, nameof(CategoryId), "Validation.Required")
        .Required(nameof(Description), Description).MaxLength(nameof(Description), Description, 5000)
        .When(!IsAnonymous && string.IsNullOrWhiteSpace(ApplicantName), nameof(ApplicantName), "Validation.Required")
        .MaxLength(nameof(ApplicantName), ApplicantName, 200)
        .MaxLength(nameof(IdempotencyKey), IdempotencyKey, IdempotencyKeyMaxLength)
        .MaxLength(nameof(ApplicantAddress), ApplicantAddress, 300)
        .MaxLength(nameof(Address), Address, 300)
        .MaxLength(nameof(ApplicantEmail), ApplicantEmail, 256)
        .When(ApplicantPhone is { Length: > 0 } && !PhoneNumber.IsPlausible(ApplicantPhone), nameof(ApplicantPhone), "Validation.Phone")
        .When(ApplicantEmail is { Length: > 0 } && !EmailAddress.IsValid(ApplicantEmail), nameof(ApplicantEmail), "Validation.Email")
        .When(Latitude is < -90 or > 90, nameof(Latitude), "Validation.Latitude")
        .When(Longitude is < -180 or > 180, nameof(Longitude), "Validation.Longitude")
        .When(Latitude.HasValue != Longitude.HasValue, Latitude.HasValue ? nameof(Longitude) : nameof(Latitude), "Validation.CoordinatesPair");
}

/// <summary>What staff hand to the applicant after registering: the tracking code, shown this once.</summary>
public sealed record IntakeReceipt(long Id, string RegistrationNumber, string TrackingCode);

public sealed record AttachmentUpload(string FileName, byte[] Content);

public sealed record AttachmentInfo(long Id, string FileName, string ContentType, long Size);

public sealed record AttachmentFile(string FileName, string ContentType, byte[] Content);

/// <summary>What the applicant sees on the tracking page: never anyone's personal data.</summary>
public sealed record PublicAppealView(
    string RegistrationNumber, string TrackingCode, int CategoryId, AppealStatus Status, DateTimeOffset RegisteredAt, DateOnly DueDate,
    string? Precinct, string? Answer, DateTimeOffset? AnsweredAt, string? RedirectedTo, string? StatusNote, int? Rating, bool CanRate,
    string TimeZoneId)
{
    /// <summary>The day it was filed where the department is, as the applicant reckons it.</summary>
    public DateOnly RegisteredOn => LocalTime.Date(RegisteredAt, TimeZoneId);
}

public sealed record AppealExportRow(
    string RegistrationNumber, DateTimeOffset RegisteredAt, string TimeZoneId, int CategoryId, AppealChannel Channel, AppealStatus Status,
    DateOnly DueDate, string? Precinct, string? Beat, string? Officer, string Description, string? Address,
    string? ApplicantName, string? ApplicantPhone, string? ApplicantEmail, string? ApplicantAddress, int? Rating);

public sealed record AppealExport(IReadOnlyList<AppealExportRow> Rows, bool IncludesPersonalData, DateOnly Today);
