using System.Globalization;
using CommunityPolicing.Web.Features;

namespace CommunityPolicing.UnitTests.Features;

public sealed class NumberTests
{
    [Theory]
    [InlineData("ru", "42,8987", 42.8987)]
    [InlineData("kk", "42,8987", 42.8987)]
    [InlineData("tg", "69,0047", 69.0047)]
    [InlineData("ru", "42.8987", 42.8987)] // a phone keyboard's point is read too
    [InlineData("en", "42.8987", 42.8987)]
    [InlineData("ru", "−71,4", -71.4)] // a typographic minus, as pasted
    [InlineData("ru", "1 234,5", 1234.5)]
    [InlineData("en", " 7 ", 7.0)]
    public void A_number_is_read_as_it_is_written_in_the_pages_language(string culture, string text, double expected)
    {
        Assert.True(Number.TryRead(text, CultureInfo.GetCultureInfo(culture), out var value));
        Assert.Equal(expected, value!.Value, 10);
    }

    [Theory]
    [InlineData("en", "42,8987")] // a thousands separator in English: refused, never read as 428987
    [InlineData("ru", "42,89.87")]
    [InlineData("ru", "42,8,9")]
    [InlineData("ru", "сорок два")]
    [InlineData("en", "1e400")]
    [InlineData("en", "NaN")]
    public void Anything_else_is_refused_rather_than_read_as_another_number(string culture, string text) =>
        Assert.False(Number.TryRead(text, CultureInfo.GetCultureInfo(culture), out _));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void An_empty_field_is_no_number(string? text)
    {
        Assert.True(Number.TryRead(text, CultureInfo.GetCultureInfo("ru"), out var value));
        Assert.Null(value);
    }
}
