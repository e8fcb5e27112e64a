using CommunityPolicing.Web.Components.Shared;
using CommunityPolicing.Web.Domain;

namespace CommunityPolicing.UnitTests.Features;

public sealed class QueryValueTests
{
    [Theory]
    [InlineData("17", 17)]
    [InlineData("0", 0)]
    [InlineData("abc", null)]
    [InlineData("-1", null)]
    [InlineData(" 42 ", null)]
    [InlineData("2147483648", null)]
    [InlineData("1e3", null)]
    [InlineData("٣", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Numbers_that_do_not_parse_are_absent(string? text, int? expected) => Assert.Equal(expected, QueryValue.Int(text));

    [Theory]
    [InlineData("2026-11-23", "2026-11-23")]
    [InlineData("9999-12-31", "9999-12-31")]
    [InlineData("0001-01-01", "0001-01-01")]
    [InlineData("2026-02-30", null)]
    [InlineData("10000-01-01", null)]
    [InlineData("1/2/3", null)]
    [InlineData("yesterday", null)]
    [InlineData(null, null)]
    public void Dates_are_yyyy_MM_dd_or_absent(string? text, string? expected) =>
        Assert.Equal(expected is null ? null : DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), QueryValue.Date(text));

    [Theory]
    [InlineData("true", true)]
    [InlineData("True", true)]
    [InlineData("1", true)]
    [InlineData("false", false)]
    [InlineData("yes", false)]
    [InlineData("true,false", false)]
    [InlineData(null, false)]
    public void Flags_are_true_or_1(string? text, bool expected) => Assert.Equal(expected, QueryValue.Flag(text));

    [Theory]
    [InlineData("Answered", AppealStatus.Answered)]
    [InlineData("answered", AppealStatus.Answered)]
    [InlineData("Bogus", null)]
    [InlineData("999", null)]
    [InlineData("Registered,Closed", null)]
    [InlineData(null, null)]
    public void Enums_are_a_defined_member_or_absent(string? text, AppealStatus? expected) => Assert.Equal(expected, QueryValue.Enum<AppealStatus>(text));
}
