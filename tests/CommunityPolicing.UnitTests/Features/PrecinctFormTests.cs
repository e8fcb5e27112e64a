using CommunityPolicing.Web.Domain;
using CommunityPolicing.Web.Features.Precincts;

namespace CommunityPolicing.UnitTests.Features;

public sealed class PrecinctFormTests
{
    private static PrecinctForm Valid() => new()
    {
        DepartmentId = 1,
        Number = "17",
        Name = "УПП № 17",
        Address = "г. Тараз, ул. Сулейманова, 7",
        Status = PrecinctStatus.Operating,
        OpenedOn = new DateTime(2022, 5, 3),
        AuthorisedPosts = 4,
        Latitude = 42.9,
        Longitude = 71.38,
    };

    [Fact]
    public void A_complete_operating_post_is_valid() => Assert.Empty(Valid().Validate());

    [Fact]
    public void Blank_number_name_and_address_are_required()
    {
        var form = Valid();
        form.Number = " ";
        form.Name = "";
        form.Address = "";

        var errors = form.Validate();

        Assert.Equal("Validation.Required", errors["Number"]);
        Assert.Equal("Validation.Required", errors["Name"]);
        Assert.Equal("Validation.Required", errors["Address"]);
    }

    [Theory]
    [InlineData(91.0, 71.0, "Latitude", "Validation.Latitude")]
    [InlineData(42.0, -181.0, "Longitude", "Validation.Longitude")]
    [InlineData(42.0, null, "Longitude", "Validation.CoordinatesPair")]
    [InlineData(null, 71.0, "Latitude", "Validation.CoordinatesPair")]
    public void Coordinates_are_in_range_and_come_in_pairs(double? latitude, double? longitude, string field, string message)
    {
        var form = Valid();
        form.Latitude = latitude;
        form.Longitude = longitude;

        Assert.Equal(message, form.Validate()[field]);
    }

    [Fact]
    public void Status_dates_must_agree_with_the_status()
    {
        var operating = Valid();
        operating.OpenedOn = null;
        var closed = Valid();
        closed.Status = PrecinctStatus.Closed;
        var reversed = Valid();
        reversed.Status = PrecinctStatus.Closed;
        reversed.ClosedOn = new DateTime(2021, 1, 1);
        var planned = Valid();
        planned.Status = PrecinctStatus.Planned;

        Assert.Equal("Validation.OpenedOnRequired", operating.Validate()["OpenedOn"]);
        Assert.Equal("Validation.ClosedOnRequired", closed.Validate()["ClosedOn"]);
        Assert.Equal("Validation.ClosedBeforeOpened", reversed.Validate()["ClosedOn"]);
        Assert.Equal("Validation.NotOpenYet", planned.Validate()["OpenedOn"]);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(501)]
    public void Authorised_posts_are_within_range(int posts)
    {
        var form = Valid();
        form.AuthorisedPosts = posts;

        Assert.Equal("Validation.Range", form.Validate()["AuthorisedPosts"]);
    }

    [Fact]
    public void Over_long_text_is_refused_rather_than_cut()
    {
        var form = Valid();
        form.Name = new string('я', 201);

        Assert.Equal("Validation.TooLong", form.Validate()["Name"]);
    }
}
