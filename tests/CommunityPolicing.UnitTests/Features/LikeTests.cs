using CommunityPolicing.Web.Features;

namespace CommunityPolicing.UnitTests.Features;

public sealed class LikeTests
{
    [Theory]
    [InlineData("Тараз", "%Тараз%")]
    [InlineData("  17 ", "%17%")]
    [InlineData("100%", "%100\\%%")]
    [InlineData("a_b", "%a\\_b%")]
    [InlineData("c:\\x", "%c:\\\\x%")]
    public void User_text_is_matched_literally(string text, string pattern) => Assert.Equal(pattern, Like.Containing(text));
}
