namespace CommunityPolicing.Web.Domain;

/// <summary>
/// Personal data of a citizen, a volunteer or a person on record (and what would identify their case): the audit
/// trail records that such a field changed, never its value, because the trail is append-only and would outlive the
/// record, its retention and a subject's erasure.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class PersonalAttribute : Attribute;
