using System.Globalization;
using Bunit;
using MudBlazor;

namespace CommunityPolicing.ComponentTests.Features;

/// <summary>
/// The staff forms' number fields read what an officer types in the page's language. MudBlazor reads a number field
/// in the invariant culture unless it is given one, so every field in the app passes Culture="CultureInfo.CurrentCulture".
/// </summary>
public sealed class NumberFieldTests : ComponentTest
{
    [Theory]
    [InlineData("ru", "42,8987", 42.8987)]
    [InlineData("kk", "42,8987", 42.8987)]
    [InlineData("en", "42.8987", 42.8987)]
    public void A_coordinate_with_the_languages_decimal_separator_is_read_as_typed(string culture, string typed, double expected)
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        double? value = null;
        var field = Render<MudNumericField<double?>>(p => p
            .Add(f => f.Culture, CultureInfo.CurrentCulture)
            .Add(f => f.Value, value)
            .Add(f => f.ValueChanged, v => value = v)
            .Add(f => f.HideSpinButtons, true));

        field.Find("input").Change(typed);

        Assert.Equal(expected, value!.Value, 10);
    }

    [Fact]
    public void Every_number_field_in_the_app_is_given_the_pages_culture()
    {
        var repository = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(repository.FullName, "CommunityPolicing.sln")))
        {
            repository = repository.Parent!;
        }

        var root = Path.Combine(repository.FullName, "src", "CommunityPolicing.Web");
        var fields = Directory.EnumerateFiles(root, "*.razor", SearchOption.AllDirectories)
            .SelectMany(file => File.ReadAllText(file).Split("<MudNumericField").Skip(1).Select(tag => (file, tag: tag.Split('>')[0]))).ToList();

        Assert.NotEmpty(fields);
        Assert.All(fields, f => Assert.Contains("Culture=\"CultureInfo.CurrentCulture\"", f.tag));
    }
}
