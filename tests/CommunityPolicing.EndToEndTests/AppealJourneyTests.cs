using System.Globalization;
using System.Text.RegularExpressions;
using CommunityPolicing.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace CommunityPolicing.EndToEndTests;

[Collection(BrowserCollection.Name)]
public sealed class AppealJourneyTests(BrowserApp app)
{
    [Fact]
    public async Task A_citizen_files_on_the_portal_officer_17_answers_and_the_citizen_reads_and_rates_the_answer()
    {
        // A point inside a staffed beat of post 17, as a phone's location would give it.
        Beat beat;
        await using (var db = app.NewDbContext())
        {
            beat = await db.Beats.Where(b => b.Precinct!.Number == "17" && b.OfficerId != null && b.BoundaryGeoJson != null)
                .OrderBy(b => b.Id).FirstAsync();
        }

        var centre = BeatBoundary.Parse(beat.BoundaryGeoJson!)!.Centroid;

        // On a 390 px phone in Russian: coordinates with a decimal comma, and a first Send without the name or the consent.
        var ru = CultureInfo.GetCultureInfo("ru");
        var citizen = await app.NewPageAsync(phone: true, culture: "ru");
        await citizen.GotoAsync("/");
        await BrowserApp.ScreenshotAsync(citizen, "public-landing-phone");
        await citizen.ClickAsync("[data-testid=file-appeal]");
        await citizen.SelectOptionAsync("#category", new SelectOptionValue { Index = 3 });
        await citizen.FillAsync("#description", "Вечером у подъезда собираются подростки, шумят и распивают спиртное.");
        await citizen.FillAsync("#address", "ул. Сулейманова, 7");
        await citizen.FillAsync("#latitude", centre.Y.ToString("0.######", ru));
        await citizen.FillAsync("#longitude", centre.X.ToString("0.######", ru));
        await citizen.FillAsync("#phone", "+7 701 555 12 34");
        await citizen.ClickAsync("[data-testid=submit]");

        var summary = citizen.Locator("[data-testid=error-summary]");
        await Assertions.Expect(summary).ToBeFocusedAsync();
        await Assertions.Expect(summary.Locator("a")).ToHaveTextAsync(["ФИО: Обязательное поле.", "Согласие на обработку персональных данных: Нужно ваше согласие, либо подайте обращение анонимно."]);
        await Assertions.Expect(citizen.Locator("#latitude")).ToHaveValueAsync(centre.Y.ToString("0.######", ru)); // all that was typed is kept
        await BrowserApp.ScreenshotAsync(citizen, "public-appeal-errors-phone");
        await summary.Locator("a").First.ClickAsync();
        await Assertions.Expect(citizen.Locator("#name")).ToBeFocusedAsync();
        await citizen.Keyboard.TypeAsync("Ахметова Гульнара");
        await citizen.CheckAsync("#consent");
        await BrowserApp.ScreenshotAsync(citizen, "public-appeal-phone");
        await citizen.ClickAsync("[data-testid=submit]");
        await citizen.WaitForLoadStateAsync();
        await Assertions.Expect(citizen.Locator("[data-testid=answer-by]")).ToContainTextAsync("Ответ будет дан не позднее");
        await BrowserApp.ScreenshotAsync(citizen, "public-appeal-submitted-phone");
        var code = (await citizen.Locator("[data-testid=tracking-code]").InnerTextAsync()).Trim();
        Assert.Equal(12, code.Length);
        await using (var db = app.NewDbContext())
        {
            var stored = await db.Appeals.SingleAsync(a => a.TrackingCode == code);
            Assert.Equal(beat.Id, stored.BeatId); // the comma was read as a decimal point, and the point chose the beat
            Assert.Equal(centre.Y, stored.Latitude!.Value, 5);
        }

        var officer = await app.SignInAsync("officer.17@demo.local");
        await officer.GotoAsync("/appeals");
        await BrowserApp.WaitForCircuitAsync(officer);
        await Assertions.Expect(officer.Locator("input[data-testid=mine], [data-testid=mine] input").First).ToBeCheckedAsync(); // an officer starts with their own
        await officer.GotoAsync("/appeals?mine=false"); // the citizen's beat may be a colleague's at the same post
        await BrowserApp.WaitForCircuitAsync(officer);
        await officer.Locator("input[data-testid=appeal-search], [data-testid=appeal-search] input").FillAsync("подростки");
        await BrowserApp.OpenRowAsync(officer, "appeals-grid", "Ахметова Гульнара", "**/appeals/*");
        await Assertions.Expect(officer.Locator("[data-testid=call]")).ToHaveAttributeAsync("href", "tel:+77015551234");
        await Assertions.Expect(officer.Locator("[data-testid=map-link]")).ToHaveAttributeAsync("href", new Regex("^https://www.openstreetmap.org/\\?mlat=42\\."));
        await officer.ClickAsync("[data-testid=step-Started]"); // one tap, no dialog to confirm
        await Assertions.Expect(officer.Locator("[data-testid=step-Started]")).ToHaveCountAsync(0);
        Assert.Equal(0, await officer.Locator(".mud-dialog").CountAsync());
        await officer.ClickAsync("[data-testid=step-Answered]");
        await officer.Locator("textarea[data-testid=answer], [data-testid=answer] textarea").First.FillAsync("Проведён рейд, подросткам и родителям сделаны предупреждения. Двор под контролем.");
        await officer.Locator("input[data-testid=progress-note], [data-testid=progress-note] input").First.FillAsync("Рейд проведён");
        await officer.AssertAccessibleAsync("answer dialog");
        await officer.ClickAsync(".mud-dialog [data-testid=save]");
        await Assertions.Expect(officer.Locator("[data-testid=appeal-answer]")).ToContainTextAsync("Проведён рейд");
        await Assertions.Expect(officer.Locator("[data-testid=progress-note-shown]")).ToContainTextAsync("Рейд проведён");
        await Assertions.Expect(officer.Locator("[data-testid=timeline]")).Not.ToContainTextAsync("@demo.local"); // people by name
        await BrowserApp.ScreenshotAsync(officer, "appeal-detail");

        await citizen.GotoAsync($"/public/track/{code}");
        await Assertions.Expect(citizen.Locator("[data-testid=public-answer]")).ToContainTextAsync("Проведён рейд");
        await citizen.CheckAsync("input[name='Rating.Stars'][value='4']");
        await citizen.ClickAsync("[data-testid=rate]");
        await Assertions.Expect(citizen.Locator("[data-testid=rated]")).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(citizen, "public-track-phone");

        await using var check = app.NewDbContext();
        Assert.Equal(4, await check.Appeals.Where(a => a.TrackingCode == code).Select(a => a.Rating).SingleAsync());
        await citizen.Context.CloseAsync();
        await officer.Context.CloseAsync();
    }

    [Fact]
    public async Task The_public_landing_offers_filing_tracking_and_staff_sign_in_in_four_languages()
    {
        var page = await app.NewPageAsync(culture: "kk");
        await page.GotoAsync("/");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Учаскелік инспекторыңызға жазыңыз");
        await page.Locator(".language-links a", new() { HasText = "EN" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Write to your district police");
        await page.Locator(".language-links a", new() { HasText = "TG" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Ба нозири минтақавии худ муроҷиат кунед");
        await BrowserApp.ScreenshotAsync(page, "public-landing-tg");
        await page.Locator(".language-links a", new() { HasText = "EN" }).ClickAsync();
        await BrowserApp.ScreenshotAsync(page, "public-landing");

        await page.FillAsync("#code", "NOSUCHCODE00");
        await page.Locator("form[action='/public/track'] button").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=unknown-code]")).ToBeVisibleAsync();
        await page.ClickAsync("[data-testid=staff-sign-in]");
        await Assertions.Expect(page.Locator("#email")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_chief_sees_overdue_appeals_highlighted_in_the_list()
    {
        var page = await app.SignInAsync("chief.taraz@demo.local");
        await page.GotoAsync("/appeals");
        await BrowserApp.WaitForCircuitAsync(page);

        await Assertions.Expect(page.Locator("[data-testid=appeals-grid] tbody tr").First).ToBeVisibleAsync();
        await page.Locator("label", new() { HasText = "Только просроченные" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=appeals-grid] [data-testid=overdue]:visible").First).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(page, "appeals");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task On_a_phone_the_officers_list_starts_with_their_newest_appeals_as_cards_and_folds_the_filters()
    {
        string newest;
        await using (var db = app.NewDbContext())
        {
            var user = await db.Users.Where(u => u.Email == "officer.17@demo.local").Select(u => u.Id).SingleAsync();
            newest = await db.Appeals.Where(a => a.AssignedOfficer!.UserId == user)
                .OrderByDescending(a => a.RegisteredAt).ThenByDescending(a => a.Id).Select(a => a.RegistrationNumber).FirstAsync();
        }

        var page = await app.SignInAsync("officer.17@demo.local", phone: true);
        await page.GotoAsync("/appeals");
        await BrowserApp.WaitForCircuitAsync(page);

        // The rows come first: the filters are folded behind one button that counts the one set ("assigned to me").
        var toggle = page.Locator("[data-testid=filters-toggle]");
        await Assertions.Expect(toggle).ToHaveTextAsync("Фильтры (1)");
        await Assertions.Expect(page.Locator("[data-testid=appeal-filters]")).ToBeHiddenAsync();
        var first = page.Locator("[data-testid=appeal-card]").First;
        await Assertions.Expect(first).ToBeVisibleAsync();
        await Assertions.Expect(first).ToContainTextAsync(newest);
        Assert.Equal(3, await first.Locator(":scope > span").CountAsync()); // what, the first words, where and when due
        Assert.False(await page.Locator("[data-testid=appeals-grid] th", new() { HasText = "Заявитель" }).IsVisibleAsync());
        await BrowserApp.ScreenshotAsync(page, "appeals-officer-phone");

        await toggle.ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=appeal-filters]")).ToBeVisibleAsync();
        await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-expanded", "true");
        await page.Locator("input[data-testid=mine], [data-testid=mine] input").UncheckAsync();
        await Assertions.Expect(toggle).ToHaveTextAsync("Фильтры");
        await page.Context.CloseAsync();
    }
}
