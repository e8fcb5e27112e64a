using CommunityPolicing.Web.Domain;
using CommunityPolicing.Web.Features.Appeals;

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

/// <summary>Rate limits of the public endpoints, per client address; settings under RateLimits:PublicSubmissions.</summary>
public static class PublicLimits
{
    public const string Policy = "public-submissions";
}
