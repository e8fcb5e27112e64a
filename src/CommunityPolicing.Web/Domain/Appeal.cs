namespace CommunityPolicing.Web.Domain;

public enum AppealChannel
{
    InPerson,
    Phone,
    Letter,
    PublicReception,
    OnlinePortal,
    Open311,
}

public enum AppealStatus
{
    Registered,
    Assigned,
    InProgress,
    Answered,
    Closed,
    Redirected,
}

public enum AppealEventKind
{
    Registered,
    Assigned,
    Started,
    Extended,
    Redirected,
    Answered,
    Closed,
    Rated,
}

/// <summary>An admin-editable category; Code is the Open311 service code.</summary>
public sealed class AppealCategory
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string NameEn { get; set; }
    public required string NameRu { get; set; }
    public required string NameKk { get; set; }
    public required string NameTg { get; set; }

    /// <summary>Complaints about an officer go to the station chief, never to the officer.</summary>
    public bool IsComplaintAboutOfficer { get; set; }

    /// <summary>
    /// Published through Open311 (the services list and the requests); administrators turn it off for categories the
    /// police do not publish. A complaint about an officer is never published, whatever this says (<see cref="IsPublished"/>).
    /// </summary>
    public bool IsPublic { get; set; } = true;

    public bool Active { get; set; } = true;
    public int SortOrder { get; set; }

    /// <summary>Whether Open311 shows the category and its appeals; queries use the same rule (<c>IsPublic &amp;&amp; !IsComplaintAboutOfficer</c>).</summary>
    public bool IsPublished => IsPublic && !IsComplaintAboutOfficer;

    public string Name(string culture) => culture switch { "ru" => NameRu, "kk" => NameKk, "tg" => NameTg, _ => NameEn };
}

public static class AppealCategories
{
    public const string ComplaintAboutOfficer = "officer-complaint";

    /// <summary>The starting list (seeded by migration); administrators may add and rename.</summary>
    public static readonly AppealCategory[] Defaults =
    [
        new() { Id = 1, Code = "public-order", SortOrder = 1, NameEn = "Public order, noise", NameRu = "Общественный порядок, шум", NameKk = "Қоғамдық тәртіп, шу", NameTg = "Тартиботи ҷамъиятӣ, ғавғо" },
        new() { Id = 2, Code = "domestic", SortOrder = 2, NameEn = "Domestic conflict", NameRu = "Семейно-бытовой конфликт", NameKk = "Отбасылық-тұрмыстық жанжал", NameTg = "Низои оилавию маишӣ" },
        new() { Id = 3, Code = "theft", SortOrder = 3, NameEn = "Theft", NameRu = "Кража", NameKk = "Ұрлық", NameTg = "Дуздӣ" },
        new() { Id = 4, Code = "fraud", SortOrder = 4, NameEn = "Fraud", NameRu = "Мошенничество", NameKk = "Алаяқтық", NameTg = "Қаллобӣ" },
        new() { Id = 5, Code = "road-safety", SortOrder = 5, NameEn = "Road safety", NameRu = "Безопасность дорожного движения", NameKk = "Жол қозғалысы қауіпсіздігі", NameTg = "Бехатарии ҳаракат дар роҳ" },
        new() { Id = 6, Code = "juveniles", SortOrder = 6, NameEn = "Juveniles", NameRu = "Несовершеннолетние", NameKk = "Кәмелетке толмағандар", NameTg = "Ноболиғон" },
        new() { Id = 7, Code = "illegal-trade", SortOrder = 7, NameEn = "Illegal trade", NameRu = "Незаконная торговля", NameKk = "Заңсыз сауда", NameTg = "Савдои ғайриқонунӣ" },
        new() { Id = 8, Code = "migration", SortOrder = 8, NameEn = "Migration", NameRu = "Миграция", NameKk = "Көші-қон", NameTg = "Муҳоҷират" },
        new() { Id = 9, Code = ComplaintAboutOfficer, SortOrder = 9, IsComplaintAboutOfficer = true, IsPublic = false, NameEn = "Complaint about an officer", NameRu = "Жалоба на сотрудника", NameKk = "Қызметкерге шағым", NameTg = "Шикоят аз корманд" },
        new() { Id = 10, Code = "suggestion", SortOrder = 10, NameEn = "Suggestion", NameRu = "Предложение", NameKk = "Ұсыныс", NameTg = "Пешниҳод" },
        new() { Id = 11, Code = "gratitude", SortOrder = 11, NameEn = "Gratitude", NameRu = "Благодарность", NameKk = "Алғыс", NameTg = "Миннатдорӣ" },
        new() { Id = 12, Code = "other", SortOrder = 12, NameEn = "Other", NameRu = "Другое", NameKk = "Басқа", NameTg = "Дигар" },
    ];
}

/// <summary>A citizen's appeal (обращение гражданина).</summary>
public sealed class Appeal
{
    public long Id { get; set; }

    /// <summary>Human-readable, unique: "2026-000123".</summary>
    public required string RegistrationNumber { get; set; }

    /// <summary>Unguessable code the applicant uses to follow the appeal on the public portal.</summary>
    [Personal]
    public required string TrackingCode { get; set; }

    /// <summary>
    /// The key a public submission came with (the portal form's hidden field, Open311's Idempotency-Key header):
    /// a repeated submission with the same key gets this appeal back instead of a second one.
    /// </summary>
    [Personal]
    public string? IdempotencyKey { get; set; }

    /// <summary>
    /// SHA-256 (hex) of what was submitted with <see cref="IdempotencyKey"/> and who submitted it: only the same content
    /// from the same client is answered with this appeal; anything else sent with the key is refused.
    /// </summary>
    public string? IdempotencyHash { get; set; }

    public int DepartmentId { get; set; }
    public Department? Department { get; set; }
    public int? PrecinctId { get; set; }
    public Precinct? Precinct { get; set; }
    public int? BeatId { get; set; }
    public Beat? Beat { get; set; }
    public int? AssignedOfficerId { get; set; }
    public Officer? AssignedOfficer { get; set; }
    public int CategoryId { get; set; }
    public AppealCategory? Category { get; set; }
    public AppealChannel Channel { get; set; }
    public AppealStatus Status { get; set; }

    public bool IsAnonymous { get; set; }
    [Personal]
    public string? ApplicantName { get; set; }
    [Personal]
    public string? ApplicantPhone { get; set; }
    [Personal]
    public string? ApplicantEmail { get; set; }
    [Personal]
    public string? ApplicantAddress { get; set; }

    /// <summary>The applicant agreed that description, address and location may be published (Open311).</summary>
    public bool PublishDetails { get; set; }

    [Personal]
    public required string Description { get; set; }
    [Personal]
    public string? Address { get; set; }
    [Personal]
    public double? Latitude { get; set; }
    [Personal]
    public double? Longitude { get; set; }

    public DateTimeOffset RegisteredAt { get; set; }
    /// <summary>The due date set at registration; extensions are limited relative to it.</summary>
    public DateOnly OriginalDueDate { get; set; }

    public DateOnly DueDate { get; set; }
    public int Extensions { get; set; }
    [Personal]
    public string? Answer { get; set; }
    public DateTimeOffset? AnsweredAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public string? RedirectedTo { get; set; }
    public DateTimeOffset? RedirectedAt { get; set; }

    /// <summary>Public progress note (Open311 status_notes); never personal data.</summary>
    public string? StatusNote { get; set; }

    public int? Rating { get; set; }
    [Personal]
    public string? RatingComment { get; set; }
    public DateTimeOffset? RatedAt { get; set; }

    /// <summary>
    /// When the retention job cleared the applicant's personal data (Retention:AnonymiseClosedAppealsAfterDays after the
    /// appeal was finished); what statistics need stays. Null while the data is held.
    /// </summary>
    public DateTimeOffset? AnonymisedAt { get; set; }

    public uint Version { get; set; }
    public List<AppealEvent> Events { get; set; } = [];

    /// <summary>Maintained by PostgreSQL from the number and the description, for full-text search.</summary>
    public NpgsqlTypes.NpgsqlTsVector SearchVector { get; set; } = null!;
}

/// <summary>One step of an appeal's timeline: who did what, when, with a note.</summary>
public sealed class AppealEvent
{
    public long Id { get; set; }
    public long AppealId { get; set; }
    public DateTimeOffset At { get; set; }
    public AppealEventKind Kind { get; set; }
    public AppealStatus? FromStatus { get; set; }
    public AppealStatus ToStatus { get; set; }
    public string? UserId { get; set; }
    public string? UserName { get; set; }
    [Personal]
    public string? Note { get; set; }
}
