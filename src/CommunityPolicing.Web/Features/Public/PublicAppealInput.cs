using CommunityPolicing.Web.Domain;
using CommunityPolicing.Web.Features.Appeals;
using CommunityPolicing.Web.Security;

namespace CommunityPolicing.Web.Features.Public;

/// <summary>The public form's fields, posted without a circuit.</summary>
public sealed class PublicAppealInput
{
    public int DepartmentId { get; set; }
    public int CategoryId { get; set; }
    public string? Description { get; set; }
    public string? Address { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
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

    public AppealForm ToForm() => new()
    {
        Channel = AppealChannel.OnlinePortal,
        DepartmentId = DepartmentId,
        CategoryId = CategoryId,
        Description = Description ?? "",
        Address = Address,
        Latitude = Latitude,
        Longitude = Longitude,
        IsAnonymous = IsAnonymous,
        ApplicantName = ApplicantName,
        ApplicantPhone = ApplicantPhone,
        ApplicantEmail = ApplicantEmail,
        ApplicantAddress = ApplicantAddress,
        PublishDetails = PublishDetails,
        IdempotencyKey = string.IsNullOrWhiteSpace(IdempotencyKey) ? null : "portal:" + IdempotencyKey.Trim(),
    };
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
