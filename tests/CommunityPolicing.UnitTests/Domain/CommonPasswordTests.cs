using CommunityPolicing.Web.Security;

namespace CommunityPolicing.UnitTests.Domain;

public sealed class CommonPasswordTests
{
    [Theory]
    [InlineData("Password1234", true)]
    [InlineData("qwerty123456", true)]
    [InlineData("ЙЦУКЕНГШЩЗХЪ", true)]
    [InlineData(" kazakhstan2026 ", true)]
    [InlineData("Demo-Passw0rd!", false)]
    [InlineData("Kökte-jolda-17-bulaq", false)]
    public void Common_and_leaked_passwords_are_known_whatever_their_case(string password, bool common) =>
        Assert.Equal(common, CommonPasswordValidator.IsCommon(password));
}
