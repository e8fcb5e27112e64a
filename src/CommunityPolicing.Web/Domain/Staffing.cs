namespace CommunityPolicing.Web.Domain;

/// <summary>Staffing of district-officer posts: vacancy is authorised minus filled, never typed in.</summary>
public readonly record struct Staffing(int Authorised, int Filled)
{
    /// <summary>Positions that fill an authorised district-officer post.</summary>
    public static readonly OfficerPosition[] DistrictPositions =
        [OfficerPosition.DistrictInspector, OfficerPosition.SeniorDistrictInspector];

    public int Vacant => Math.Max(0, Authorised - Filled);

    /// <summary>Share of authorised posts that are vacant, 0–100; 0 when nothing is authorised.</summary>
    public decimal VacancyPercent => Authorised == 0 ? 0 : Math.Round(100m * Vacant / Authorised, 1);

    public static bool FillsDistrictPost(OfficerPosition position) => DistrictPositions.Contains(position);
}
