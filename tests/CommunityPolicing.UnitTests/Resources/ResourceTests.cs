using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using CommunityPolicing.Web;
using CommunityPolicing.Web.Domain;

namespace CommunityPolicing.UnitTests.Resources;

/// <summary>Every string the app shows exists in English, Russian, Kazakh and Tajik.</summary>
public sealed partial class ResourceTests
{
    private static readonly ResourceManager Manager = new("CommunityPolicing.Web.SharedResource", typeof(SharedResource).Assembly);

    private static Dictionary<string, string> Strings(string culture) =>
        Manager.GetResourceSet(culture == "en" ? CultureInfo.InvariantCulture : CultureInfo.GetCultureInfo(culture), true, false)!
            .Cast<DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string)e.Value!);

    [Theory]
    [InlineData("ru")]
    [InlineData("kk")]
    [InlineData("tg")]
    public void Every_english_string_is_translated(string culture)
    {
        var english = Strings("en");
        var translated = Strings(culture);

        Assert.Empty(english.Keys.Except(translated.Keys));
        Assert.Empty(translated.Where(t => string.IsNullOrWhiteSpace(t.Value)).Select(t => t.Key));
        // A placeholder in English is a placeholder in every language.
        Assert.Empty(english.Where(e => Placeholders(e.Value) != Placeholders(translated[e.Key])).Select(e => e.Key));
    }

    [Fact]
    public void Every_key_the_code_uses_exists()
    {
        var english = Strings("en");
        var source = Path.Combine(RepositoryRoot(), "src", "CommunityPolicing.Web");
        var used = Directory.EnumerateFiles(source, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".razor", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => KeyPattern().Matches(File.ReadAllText(f)).Select(m => m.Groups["key"].Value))
            .ToHashSet();

        Assert.NotEmpty(used);
        Assert.Empty(used.Except(english.Keys));
    }

    [Fact]
    public void Every_value_of_a_shown_enum_has_a_name()
    {
        var english = Strings("en");
        Type[] shown =
        [
            typeof(PrecinctKind), typeof(PrecinctStatus), typeof(EquipmentKind), typeof(OfficerPosition), typeof(Jurisdiction),
            typeof(AppealStatus), typeof(AppealChannel),
        ];

        var names = shown.SelectMany(t => Enum.GetNames(t).Select(n => $"{t.Name}.{n}"))
            .Concat(Enum.GetNames<AppealEventKind>().Select(n => $"AppealEvent.{n}"))
            .Concat(Enum.GetValues<AppealStatus>().SelectMany(AppealWorkflow.NextSteps).Distinct().Select(s => $"AppealStep.{s}"));

        Assert.Empty(names.Except(english.Keys));
        Assert.All(Web.Security.Roles.All, role => Assert.Contains($"Role.{role}", english.Keys));
    }

    private static string Placeholders(string text) =>
        string.Join(",", PlaceholderPattern().Matches(text).Select(m => m.Value).Order());

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CommunityPolicing.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Repository root not found");
    }

    // L["Key"], L["Key", arg], and validation and home-page keys handed over as strings ("Validation.Required").
    [GeneratedRegex("""L\["(?<key>[A-Z][A-Za-z]+\.[A-Z][A-Za-z]+)"|"(?<key>(?:Validation|Home|Appeal|Attachment|Public|Patrol|Conflict)\.[A-Z][A-Za-z]+)"(?!\])""")]
    private static partial Regex KeyPattern();

    [GeneratedRegex(@"\{[a-z_0-9]+\}")]
    private static partial Regex PlaceholderPattern();
}
