using CommunityPolicing.Web.Domain;

namespace CommunityPolicing.UnitTests.Domain;

public sealed class PhoneNumberTests
{
    [Theory]
    [InlineData("+7 701 123 45 67", true)]
    [InlineData("8 (7262) 43-21-00", true)]
    [InlineData("+992 93 555 1234", true)]
    [InlineData("12345", false)]
    [InlineData("call me", false)]
    [InlineData("+7 701 123 45 67 ext 2", false)]
    [InlineData("1234567890123456", false)]
    public void Accepts_usual_phone_notations_only(string phone, bool plausible) => Assert.Equal(plausible, PhoneNumber.IsPlausible(phone));
}
