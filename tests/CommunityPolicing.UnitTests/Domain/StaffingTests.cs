using CommunityPolicing.Web.Domain;

namespace CommunityPolicing.UnitTests.Domain;

public sealed class StaffingTests
{
    [Theory]
    [InlineData(8, 5, 3, 37.5)]
    [InlineData(4, 4, 0, 0)]
    [InlineData(0, 0, 0, 0)]
    [InlineData(3, 5, 0, 0)]
    [InlineData(3, 0, 3, 100)]
    public void Vacancy_is_authorised_minus_filled_and_never_negative(int authorised, int filled, int vacant, decimal percent)
    {
        var staffing = new Staffing(authorised, filled);

        Assert.Equal(vacant, staffing.Vacant);
        Assert.Equal(percent, staffing.VacancyPercent);
    }

    [Theory]
    [InlineData(OfficerPosition.DistrictInspector, true)]
    [InlineData(OfficerPosition.SeniorDistrictInspector, true)]
    [InlineData(OfficerPosition.JuvenileAffairsInspector, false)]
    [InlineData(OfficerPosition.PrecinctHead, false)]
    [InlineData(OfficerPosition.DepartmentChief, false)]
    public void Only_district_inspectors_fill_authorised_district_posts(OfficerPosition position, bool fills) =>
        Assert.Equal(fills, Staffing.FillsDistrictPost(position));
}
