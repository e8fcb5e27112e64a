using System.Globalization;
using Bunit;
using MudBlazor;

namespace CommunityPolicing.ComponentTests.Features;

/// <summary>MudBlazor's own texts (spin buttons, pickers, pager) speak the page's language, not English.</summary>
public sealed class MudTextsTests : ComponentTest
{
    [Theory]
    [InlineData("en", "Increment", "Decrement")]
    [InlineData("ru", "Увеличить", "Уменьшить")]
    [InlineData("kk", "Арттыру", "Азайту")]
    [InlineData("tg", "Зиёд кардан", "Кам кардан")]
    public void A_number_fields_spin_buttons_are_named_in_the_pages_language(string culture, string up, string down)
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);

        var field = Render<MudNumericField<int?>>(p => p.Add(f => f.Culture, CultureInfo.CurrentCulture).Add(f => f.Value, 3));

        var names = field.FindAll("button").Select(b => b.GetAttribute("aria-label")).ToList();
        Assert.Contains(up, names);
        Assert.Contains(down, names);
    }
}
