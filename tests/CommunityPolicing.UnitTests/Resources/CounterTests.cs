using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using CommunityPolicing.Web;

namespace CommunityPolicing.UnitTests.Resources;

/// <summary>
/// Strings a number goes into read right for every number. The house rule is «label: {0}»: a count stands after a colon,
/// a dash or «из / of», never before a noun that must agree with it (Russian «1 житель / 2 жителя / 5 жителей», English
/// "1 household / 2 households"); Kazakh and Tajik keep the noun singular after a numeral, so there the rule is only that
/// no case ending is glued to a number («5-ке» depends on how the number is said).
/// </summary>
public sealed partial class CounterTests
{
    private static readonly ResourceManager Manager = new("CommunityPolicing.Web.SharedResource", typeof(SharedResource).Assembly);

    /// <summary>Every key the code fills with a count (grep: L["Key", …Count…]), with the placeholders that are counts.</summary>
    public static readonly TheoryData<string, int[]> Counters = new()
    {
        { "Beat.VacantCount", [0] }, { "Staffing.VacantCount", [0] }, { "Dashboard.BeatSize", [0, 1] },
        { "Dashboard.BeatsWithoutPatrols", [0, 1] }, { "Dashboard.PlanShort", [0, 1] }, { "Import.Done", [0] }, { "Import.Rejected", [0] },
        { "Log.HouseholdsShort", [0] }, { "Notifications.TitleUnread", [0] }, { "Common.FiltersSet", [0] },
        { "Patrol.ConflictsFound", [0, 1] }, { "Patrol.CreateFree", [0] }, { "Patrol.PlannedSkipped", [0, 1] },
        { "Patrol.NoHotSpots", [0] }, { "Patrols.AwaitingReport", [0] }, { "Patrols.CoverageExplained", [0, 1] },
        { "Patrols.Staffing", [0, 1, 2] }, { "Tour.Progress", [0, 1] }, { "TwoFactor.CodesLeft", [0] }, { "Person.AuditCount", [0] },
        { "Trainings.Passed", [0, 1] }, { "Public.TooManyAppeals", [0, 1] },
    };

    private static readonly int[] Numbers = [1, 2, 5, 11, 21, 22, 25];

    [Theory]
    [MemberData(nameof(Counters))]
    public void A_count_never_stands_where_the_words_around_it_would_have_to_agree_with_it(string key, int[] counts)
    {
        foreach (var language in new[] { "en", "ru", "kk", "tg" })
        {
            var text = Text(language, key);
            Assert.True(counts.All(i => text.Contains($"{{{i}}}", StringComparison.Ordinal)), $"{language} {key}: «{text}» lacks a count");
            foreach (var n in Numbers)
            {
                var shown = string.Format(CultureInfo.GetCultureInfo(language), Marked(text, counts), n);
                var agreeing = language is "en" or "ru" ? WordAfterCount().Match(shown) : SuffixOnCount().Match(shown);
                Assert.False(agreeing.Success, $"{language} {key} with {n}: «{shown}» puts a word that must agree right after the count ({agreeing.Value})");
            }
        }
    }

    /// <summary>Every count placeholder becomes the number under test, written between markers the checks look for.</summary>
    private static string Marked(string text, int[] counts) =>
        Regex.Replace(text, @"\{(\d+)\}", m => counts.Contains(int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)) ? "⟨{0}⟩" : "X");

    private static string Text(string language, string key) =>
        Manager.GetResourceSet(language == "en" ? CultureInfo.InvariantCulture : CultureInfo.GetCultureInfo(language), true, false)!
            .Cast<DictionaryEntry>().Single(e => (string)e.Key == key).Value as string ?? "";

    // A word right after a count, other than units written as abbreviations (ч, дн., мин, МБ, h, min, MB, %) and «из / of».
    [GeneratedRegex(@"⟩\s+(?!(?:из|of|out of|ч|дн\.|мин|МБ|MB|h|min|%)(?:\W|$))\p{L}+")]
    private static partial Regex WordAfterCount();

    // A case ending glued to a count: «5-ке», «21-ге».
    [GeneratedRegex(@"⟩-\p{L}+")]
    private static partial Regex SuffixOnCount();
}
