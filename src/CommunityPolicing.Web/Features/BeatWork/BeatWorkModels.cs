using CommunityPolicing.Web.Domain;

namespace CommunityPolicing.Web.Features.BeatWork;

/// <summary>
/// A log entry; At is in the department's time zone. <paramref name="AppealNumber"/> only when the reader may see that
/// appeal; <paramref name="CanCorrect"/> for its author within a day of writing it.
/// </summary>
public sealed record LogLine(long Id, LogEntryKind Kind, DateTimeOffset At, string Officer, string? Beat, string? Place, int? Households, string? Note,
    long? AppealId, string? AppealNumber, bool CanCorrect, bool Corrected);

/// <summary>An appeal a log entry can be linked to.</summary>
public sealed record LinkableAppeal(long Id, string RegistrationNumber, AppealCategory Category);

/// <summary>A quick entry from a phone: what, where, when (now unless changed) and a note.</summary>
public sealed class LogForm
{
    public LogEntryKind Kind { get; set; } = LogEntryKind.DoorToDoor;
    public int? BeatId { get; set; }
    public DateTime? Date { get; set; }
    public TimeSpan? Time { get; set; }
    public string? Place { get; set; }
    public int? Households { get; set; }
    public string? Note { get; set; }
    public long? AppealId { get; set; }

    public FieldErrors Validate() => new FieldErrors()
        .When(Kind == LogEntryKind.DoorToDoor && BeatId is null, nameof(BeatId), "Validation.Required")
        .When(Kind == LogEntryKind.DoorToDoor && string.IsNullOrWhiteSpace(Place), nameof(Place), "Validation.Required")
        .When(Households is < 0 or > 10000, nameof(Households), "Validation.Range")
        .When(Time is { } time && (time < TimeSpan.Zero || time >= TimeSpan.FromDays(1)), nameof(Time), "Validation.Range")
        .MaxLength(nameof(Place), Place, 300).MaxLength(nameof(Note), Note, 2000);
}

public sealed record BeatPassportExtras(IReadOnlyList<BeatPlace> Places, IReadOnlyList<BeatContact> Contacts, DoorToDoorTour? Tour,
    IReadOnlyList<LogLine> RecentVisits, bool CanEdit);

public sealed class BeatPlaceForm
{
    public int BeatId { get; set; }
    public BeatPlaceKind Kind { get; set; } = BeatPlaceKind.School;
    public string Name { get; set; } = "";
    public string? Address { get; set; }
    public string? Notes { get; set; }

    public FieldErrors Validate() => new FieldErrors().Required(nameof(Name), Name).MaxLength(nameof(Name), Name, 200)
        .MaxLength(nameof(Address), Address, 300).MaxLength(nameof(Notes), Notes, 1000);
}

public sealed class BeatContactForm
{
    public int BeatId { get; set; }
    public string FullName { get; set; } = "";
    public string Role { get; set; } = "";
    public string? Phone { get; set; }
    public string? Notes { get; set; }

    public FieldErrors Validate() => new FieldErrors().Required(nameof(FullName), FullName).MaxLength(nameof(FullName), FullName, 200)
        .Required(nameof(Role), Role).MaxLength(nameof(Role), Role, 100)
        .When(Phone is { Length: > 0 } && !PhoneNumber.IsPlausible(Phone), nameof(Phone), "Validation.Phone").MaxLength(nameof(Notes), Notes, 1000);
}

/// <summary>One of the officer's own beats at a glance.</summary>
public sealed record MyBeat(int Id, string Name, int Population, int Households, DoorToDoorTour? Tour);
