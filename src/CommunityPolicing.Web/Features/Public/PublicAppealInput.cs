using System.Globalization;
using CommunityPolicing.Web.Domain;
using CommunityPolicing.Web.Features.Appeals;
using CommunityPolicing.Web.Security;

namespace CommunityPolicing.Web.Features.Public;

/// <summary>The public form's fields, posted without a circuit; numbers arrive as typed and are read by the page's culture.</summary>
public sealed class PublicAppealInput
{
    /// <summary>The place the citizen picked; a point inside a beat decides it instead.</summary>
    public int DepartmentId { get; set; }
    public int CategoryId { get; set; }
    public string? Description { get; set; }
    public string? Address { get; set; }
    public string? Latitude { get; set; }
    public string? Longitude { get; set; }
    public bool IsAnonymous { get; set; }
    public string? ApplicantName { get; set; }
    public string? ApplicantPhone { get; set; }
    public string? ApplicantEmail { get; set; }
    public string? ApplicantAddress { get; set; }
    public bool PublishDetails { get; set; }
    public bool Consent { get; set; }

    /// <summary>
    /// Made when the form is first shown and posted back as a hidden field: a second post of the same form (a double
    /// click, a retry after the answer was lost) gets the first appeal's tracking code instead of a second appeal.
    /// </summary>
    public string? IdempotencyKey { get; set; }

    /// <summary>The anti-spam trap: a field people never see.</summary>
    public string? Website { get; set; }

    /// <summary>
    /// The appeal as typed, and every problem with it at once (the citizen corrects them in one round). An anonymous
    /// appeal's contact fields are hidden on the form and ignored here, so nothing hidden can hold the form back.
    /// </summary>
    public (AppealForm Form, FieldErrors Errors) Read(CultureInfo culture)
    {
        var errors = new FieldErrors();
        var form = new AppealForm
        {
            Channel = AppealChannel.OnlinePortal,
            DepartmentId = DepartmentId,
            CategoryId = CategoryId,
            Description = Description ?? "",
            Address = Address,
            Latitude = Coordinate(nameof(Latitude), Latitude),
            Longitude = Coordinate(nameof(Longitude), Longitude),
            IsAnonymous = IsAnonymous,
            ApplicantName = IsAnonymous ? null : ApplicantName,
            ApplicantPhone = IsAnonymous ? null : ApplicantPhone,
            ApplicantEmail = IsAnonymous ? null : ApplicantEmail,
            ApplicantAddress = IsAnonymous ? null : ApplicantAddress,
            PublishDetails = PublishDetails,
            IdempotencyKey = string.IsNullOrWhiteSpace(IdempotencyKey) ? null : "portal:" + IdempotencyKey.Trim(),
        };
        foreach (var (field, message) in form.Validate())
        {
            errors.TryAdd(field, message);
        }

        // The place is asked for only when no point is typed: a point inside a beat decides it (a wrong one is its own error).
        errors.When(DepartmentId <= 0 && string.IsNullOrWhiteSpace(Latitude) && string.IsNullOrWhiteSpace(Longitude), nameof(DepartmentId), "Public.ChoosePlace")
            .When(!IsAnonymous && !Consent, nameof(Consent), "Public.ConsentRequired");
        return (form, errors);

        double? Coordinate(string field, string? text)
        {
            if (Number.TryRead(text, culture, out var value))
            {
                return value;
            }

            errors.TryAdd(field, "Validation.Number");
            return null;
        }
    }
}

/// <summary>
/// The flood ceiling of the public endpoints: form posts and Open311 writes per client address, setting
/// <c>RateLimits:PublicRequests</c>. Accepted appeals have their own, lower count (<see cref="PublicSubmissionLimiter"/>).
/// </summary>
public static class PublicLimits
{
    public const string Policy = "public-requests";
    public const string Setting = "RateLimits:PublicRequests";
}

/// <summary>
/// Appeals the portal accepted from one client address in a 10-minute window, setting <c>RateLimits:PublicSubmissions</c>.
/// Only accepted ones count, so a citizen correcting a form is never refused; a refused one keeps all that was typed.
/// </summary>
public sealed class PublicSubmissionLimiter(IConfiguration configuration)
    : ClientLimiter(configuration, "RateLimits:PublicSubmissions", 10);
