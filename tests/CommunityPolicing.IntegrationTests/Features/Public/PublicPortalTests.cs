using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using CommunityPolicing.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPolicing.IntegrationTests.Features.Public;

/// <summary>The public portal over plain HTTP, as a browser without a circuit uses it.</summary>
[Collection(AppCollection.Name)]
public sealed partial class PublicPortalTests(TestApp app)
{
    [Fact]
    public async Task A_visitor_sees_the_public_landing_without_a_circuit()
    {
        using var client = app.Factory.CreateClient();

        var html = await client.GetStringAsync("/");

        Assert.Contains("data-testid=\"file-appeal\"", html);
        Assert.Contains("data-testid=\"staff-sign-in\"", html);
        Assert.Contains("data-circuit=\"off\"", html);
        Assert.DoesNotContain("<!--Blazor:{\"type\":\"server\"", html); // no interactive component is served to visitors
    }

    [Fact]
    public async Task A_visitor_files_an_appeal_and_gets_a_tracking_code_that_shows_only_the_public_view()
    {
        using var client = app.Factory.CreateClient();

        var html = await SubmitAsync(client, new()
        {
            ["Input.Description"] = "Шумные соседи после полуночи",
            ["Input.ApplicantName"] = "Оспанова Айжан",
            ["Input.ApplicantPhone"] = "+7 701 111 22 33",
            ["Input.Consent"] = "true"
        });

        var code = CodePattern().Match(html).Groups[1].Value;
        Assert.Equal(12, code.Length);
        var tracked = await client.GetStringAsync($"/public/track/{code}");
        Assert.Contains("data-testid=\"tracked-appeal\"", tracked);
        Assert.DoesNotContain("Оспанова", tracked);
        Assert.DoesNotContain("+7 701 111 22 33", tracked);
        await using var db = app.NewDbContext();
        var stored = await db.Appeals.SingleAsync(a => a.TrackingCode == code);
        Assert.Equal(Web.Domain.AppealChannel.OnlinePortal, stored.Channel);
    }

    [Fact]
    public async Task Missing_consent_empty_text_and_the_spam_trap_are_refused_and_nothing_is_saved()
    {
        using var client = app.Factory.CreateClient();
        await using var db = app.NewDbContext();
        var before = await db.Appeals.CountAsync();

        var noConsent = await SubmitAsync(client, new() { ["Input.Description"] = "Текст", ["Input.ApplicantName"] = "Иванов" });
        var empty = await SubmitAsync(client, new() { ["Input.Description"] = "", ["Input.IsAnonymous"] = "true" });
        var bot = await SubmitAsync(client, new() { ["Input.Description"] = "Buy now", ["Input.IsAnonymous"] = "true", ["Input.Website"] = "http://spam" });

        Assert.Contains("field-error", noConsent);
        Assert.Contains("field-error", empty);
        Assert.Contains("data-testid=\"form-error\"", bot);
        Assert.Equal(before, await db.Appeals.CountAsync());
    }

    [Fact]
    public async Task Only_accepted_appeals_count_and_one_over_the_limit_comes_back_with_all_that_was_typed()
    {
        using var limited = app.Factory.WithWebHostBuilder(builder => builder.UseSetting("RateLimits:PublicSubmissions", "2"));
        using var client = limited.CreateClient();
        await using var db = app.NewDbContext();

        Assert.Contains("data-testid=\"tracking-code\"", await SubmitAsync(client, new() { ["Input.Description"] = "Первое", ["Input.IsAnonymous"] = "true" }));
        Assert.Contains("field-error", await SubmitAsync(client, new() { ["Input.Description"] = "Без согласия", ["Input.ApplicantName"] = "Иванов" }));
        Assert.Contains("data-testid=\"tracking-code\"", await SubmitAsync(client, new() { ["Input.Description"] = "Второе", ["Input.IsAnonymous"] = "true" }));
        var before = await db.Appeals.CountAsync();

        var (form, token) = await FormAsync(client);
        var third = await client.PostAsync("/public/appeal", Content(form, token, new() { ["Input.Description"] = "Третье, про двор у школы", ["Input.IsAnonymous"] = "true" }));
        var html = WebUtility.HtmlDecode(await third.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.Contains("data-testid=\"too-many-appeals\"", html);
        Assert.Contains("Третье, про двор у школы", html); // the form again, with the text typed
        Assert.DoesNotContain("data-testid=\"tracking-code\"", html);
        Assert.Equal(before, await db.Appeals.CountAsync());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/public/track?code=ABC")).StatusCode); // reading is never limited
    }

    [Fact]
    public async Task Every_problem_comes_back_at_once_listed_first_with_a_link_to_its_field_and_the_text_kept()
    {
        using var client = app.Factory.CreateClient();
        var (form, token) = await FormAsync(client);
        var values = new Dictionary<string, string>
        {
            ["_handler"] = "public-appeal",
            ["__RequestVerificationToken"] = token,
            ["Input.CategoryId"] = "0",
            ["Input.DepartmentId"] = "0",
            ["Input.Description"] = "",
            ["Input.Address"] = "ул. Абая, 5",
            ["Input.Latitude"] = "42,8a",
            ["Input.Longitude"] = "71,37",
            ["Input.ApplicantPhone"] = "12",
        };

        var response = await client.PostAsync("/public/appeal", new FormUrlEncodedContent(values));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var summary = SummaryPattern().Match(html).Groups[1].Value;
        var links = Regex.Matches(summary, "href=\"#([a-z]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["category", "description", "latitude", "name", "phone", "consent"], links); // page order, consent too
        Assert.Contains("Это не число (например, 42,8987).", summary);
        Assert.Contains("value=\"ул. Абая, 5\"", html);
        Assert.Contains("value=\"42,8a\"", html);
        Assert.Contains("aria-describedby=\"latitude-error\"", html);
        Assert.DoesNotContain("Выберите город или район", summary); // a point was given: it will decide the place
        Assert.Matches("<div class=\"error-summary\" role=\"alert\" tabindex=\"-1\" autofocus", html); // focused on arrival
        Assert.DoesNotContain("data-testid=\"error-summary\"", WebUtility.HtmlDecode(form)); // nothing before the first Send
    }

    [Fact]
    public async Task The_citizen_picks_a_place_in_their_language_with_nothing_chosen_for_them_and_a_decimal_comma_is_read()
    {
        using var client = app.Factory.CreateClient();
        client.DefaultRequestHeaders.Add("Cookie", ".AspNetCore.Culture=c%3Dkk%7Cuic%3Dkk");
        var form = WebUtility.HtmlDecode(await client.GetStringAsync("/public/appeal"));
        var places = Regex.Matches(form[form.IndexOf("id=\"department\"", StringComparison.Ordinal)..].Split("</select>")[0], "<option value=\"(\\d+)\"[^>]*>([^<]*)<")
            .Select(m => (Id: int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), Name: m.Groups[2].Value)).ToList();

        Assert.Equal(0, places[0].Id); // an empty choice first, and it is the one selected
        Assert.Contains(places, p => p.Name == "Тараз қаласы");
        Assert.Contains(places, p => p.Name == "Байзақ ауданы");
        Assert.DoesNotContain(places, p => p.Name.Contains("полиции", StringComparison.Ordinal));
        Assert.DoesNotMatch("<option value=\"[1-9][0-9]*\"[^>]*selected", form[form.IndexOf("id=\"department\"", StringComparison.Ordinal)..].Split("</select>")[0]);

        var noPlace = await PostAsync(client, form, new() { ["Input.DepartmentId"] = "0" });
        Assert.Contains("Қаланы немесе ауданды таңдаңыз", noPlace);

        var taraz = places.Single(p => p.Name == "Тараз қаласы").Id;
        var accepted = await PostAsync(client, form, new() { ["Input.DepartmentId"] = taraz.ToString(CultureInfo.InvariantCulture), ["Input.Latitude"] = "43,5", ["Input.Longitude"] = "68,25" });
        var code = CodePattern().Match(accepted).Groups[1].Value;
        await using var db = app.NewDbContext();
        var stored = await db.Appeals.Include(a => a.Department).SingleAsync(a => a.TrackingCode == code);
        Assert.Equal((43.5, 68.25, Demo.TarazDepartment), (stored.Latitude!.Value, stored.Longitude!.Value, stored.Department!.Name));
    }

    [Fact]
    public async Task An_anonymous_appeal_ignores_the_hidden_contact_fields_and_needs_no_consent()
    {
        using var client = app.Factory.CreateClient();

        var html = await SubmitAsync(client, new()
        {
            ["Input.Description"] = "Ночью во дворе жгут мусор",
            ["Input.IsAnonymous"] = "true",
            ["Input.ApplicantName"] = "Typed before ticking",
            ["Input.ApplicantPhone"] = "not a phone",
        });

        var code = CodePattern().Match(html).Groups[1].Value;
        await using var db = app.NewDbContext();
        var stored = await db.Appeals.SingleAsync(a => a.TrackingCode == code);
        Assert.Equal((true, null, null), (stored.IsAnonymous, stored.ApplicantName, stored.ApplicantPhone));
    }

    [Fact]
    public async Task The_receipt_gives_the_number_the_due_date_in_words_what_happens_next_and_that_no_confirmation_was_sent()
    {
        using var client = app.Factory.CreateClient();

        var html = WebUtility.HtmlDecode(await SubmitAsync(client, new() { ["Input.Description"] = "Сломана скамейка в сквере", ["Input.IsAnonymous"] = "true" }));

        var code = CodePattern().Match(html).Groups[1].Value;
        await using var db = app.NewDbContext();
        var stored = await db.Appeals.SingleAsync(a => a.TrackingCode == code);
        Assert.Contains($"data-testid=\"registration-number\">{stored.RegistrationNumber}<", html);
        Assert.Contains($"Ответ будет дан не позднее {stored.DueDate.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("ru"))}.", html);
        Assert.Contains("Что будет дальше", html);
        Assert.Contains("data-copy=\"tracking-code\"", html);
        Assert.Contains("Подтверждение по эл. почте или SMS не отправляется", html);
    }

    [Fact]
    public async Task The_privacy_notice_says_who_what_how_long_and_the_rights_in_each_language()
    {
        using var client = app.Factory.CreateClient();
        var form = WebUtility.HtmlDecode(await client.GetStringAsync("/public/appeal"));
        Assert.Contains("href=\"/public/privacy\"", form);

        var ru = WebUtility.HtmlDecode(await client.GetStringAsync("/public/privacy"));
        client.DefaultRequestHeaders.Add("Cookie", ".AspNetCore.Culture=c%3Dtg%7Cuic%3Dtg");
        var tg = WebUtility.HtmlDecode(await client.GetStringAsync("/public/privacy"));

        Assert.Contains("Кто их обрабатывает", ru);
        Assert.Contains("Дней до удаления: 1\u00a0825.", ru);
        Assert.Contains("Ваши права", ru);
        Assert.Contains("Ҳуқуқҳои шумо", tg);
    }

    [Fact]
    public async Task The_tracking_page_explains_the_status_in_plain_words_without_repeating_a_label_as_its_value()
    {
        using var client = app.Factory.CreateClient();
        var code = CodePattern().Match(await SubmitAsync(client, new() { ["Input.Description"] = "Не работает фонарь", ["Input.IsAnonymous"] = "true" })).Groups[1].Value;

        var html = WebUtility.HtmlDecode(await client.GetStringAsync($"/public/track/{code}"));

        var labels = Regex.Matches(html, "<dt>([^<]*)</dt>").Select(m => m.Groups[1].Value).ToList();
        Assert.Contains("Обращение зарегистрировано и ожидает передачи участковому.", html);
        Assert.DoesNotContain("Статус", labels);
        Assert.DoesNotContain("Зарегистрировано", labels);
        Assert.Contains("Дата подачи", labels);
        Assert.DoesNotContain("Публичная отметка", html);
    }

    [Fact]
    public async Task An_unknown_tracking_code_says_so()
    {
        using var client = app.Factory.CreateClient();

        var html = await client.GetStringAsync("/public/track?code=NOSUCHCODE00");

        Assert.Contains("data-testid=\"unknown-code\"", html);
    }

    [Fact]
    public async Task The_same_form_posted_again_or_at_once_gives_one_appeal_and_the_first_tracking_code()
    {
        using var client = app.Factory.CreateClient();
        var (form, token) = await FormAsync(client);
        var key = KeyPattern().Match(form).Groups[1].Value;
        Assert.Equal(32, key.Length);
        var (another, _) = await FormAsync(client);
        Assert.NotEqual(key, KeyPattern().Match(another).Groups[1].Value); // every form shown gets its own key
        var fields = new Dictionary<string, string>
        {
            ["Input.Description"] = "Разбитый фонарь у остановки",
            ["Input.IsAnonymous"] = "true",
            ["Input.IdempotencyKey"] = key,
        };

        async Task<string> PostAsync()
        {
            var response = await client.PostAsync("/public/appeal", Content(form, token, fields));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return CodePattern().Match(await response.Content.ReadAsStringAsync()).Groups[1].Value;
        }

        var first = await PostAsync();
        var again = await PostAsync();
        var atOnce = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => PostAsync()));

        Assert.Equal(12, first.Length);
        Assert.All([again, .. atOnce], code => Assert.Equal(first, code));
        await using var db = app.NewDbContext();
        Assert.Equal(1, await db.Appeals.CountAsync(a => a.IdempotencyKey == "portal:" + key));
    }

    [Fact]
    public async Task A_forms_key_sent_with_other_content_is_refused_and_shows_no_tracking_code()
    {
        using var client = app.Factory.CreateClient();
        var (form, token) = await FormAsync(client);
        var key = KeyPattern().Match(form).Groups[1].Value;

        async Task<string> PostAsync(string description)
        {
            var response = await client.PostAsync("/public/appeal", Content(form, token, new()
            {
                ["Input.Description"] = description,
                ["Input.IsAnonymous"] = "true",
                ["Input.IdempotencyKey"] = key,
            }));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return await response.Content.ReadAsStringAsync();
        }

        var first = CodePattern().Match(await PostAsync("Не горит фонарь во дворе")).Groups[1].Value;
        var same = CodePattern().Match(await PostAsync("Не горит фонарь во дворе")).Groups[1].Value;
        var other = await PostAsync("Совсем другое обращение");

        Assert.Equal(12, first.Length);
        Assert.Equal(first, same);
        Assert.DoesNotContain(first, other);
        Assert.DoesNotContain("data-testid=\"tracking-code\"", other);
        Assert.Contains("data-testid=\"form-error\"", other);
        await using var db = app.NewDbContext();
        Assert.Equal(1, await db.Appeals.CountAsync(a => a.IdempotencyKey == "portal:" + key));
    }

    [Fact]
    public async Task Racers_submitting_with_the_same_key_get_one_appeal_per_key_and_all_the_same_tracking_code()
    {
        await using var scope = await app.SignedInAsync(null);
        var appeals = scope.ServiceProvider.GetRequiredService<Web.Features.Appeals.AppealService>();
        await using var db = app.NewDbContext();
        var department = await db.Departments.Where(d => d.Name == Demo.TarazDepartment).Select(d => d.Id).SingleAsync();
        var keys = Enumerable.Range(0, 4).Select(_ => $"portal:{Guid.NewGuid():N}").ToList();

        // Five racers per key, all keys at once: each key ends with exactly one appeal, and every racer got its code.
        var results = await Task.WhenAll(keys.SelectMany(key => Enumerable.Range(0, 5).Select(_ => Task.Run(() => appeals.SubmitPublicAsync(new()
        {
            Channel = Web.Domain.AppealChannel.OnlinePortal,
            DepartmentId = department,
            CategoryId = 1,
            IsAnonymous = true,
            Description = "Бродячие собаки у школы",
            IdempotencyKey = key,
        }).ContinueWith(t => (Key: key, t.Result.Result, t.Result.TrackingCode))))));

        Assert.All(results, r => Assert.True(r.Result.Succeeded, string.Join(", ", r.Result.Errors.Values)));
        var stored = await db.Appeals.Where(a => keys.Contains(a.IdempotencyKey!)).ToDictionaryAsync(a => a.IdempotencyKey!, a => a.TrackingCode);
        Assert.Equal(keys.Count, stored.Count);
        Assert.All(results, r => Assert.Equal(stored[r.Key], r.TrackingCode));
    }

    private static async Task<string> SubmitAsync(HttpClient client, Dictionary<string, string> fields)
    {
        var (form, token) = await FormAsync(client);
        var response = await client.PostAsync("/public/appeal", Content(form, token, fields));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static async Task<string> PostAsync(HttpClient client, string form, Dictionary<string, string> fields)
    {
        var response = await client.PostAsync("/public/appeal", Content(form, TokenPattern().Match(form).Groups[1].Value,
            new(fields) { ["Input.Description"] = "Собаки без привязи у школы", ["Input.IsAnonymous"] = "true" }));
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    private static async Task<(string Form, string Token)> FormAsync(HttpClient client)
    {
        var form = await client.GetStringAsync("/public/appeal");
        return (form, TokenPattern().Match(form).Groups[1].Value);
    }

    private static FormUrlEncodedContent Content(string form, string token, Dictionary<string, string> fields)
    {
        var department = DepartmentPattern().Match(form).Groups[1].Value;
        var values = new Dictionary<string, string>
        {
            ["_handler"] = "public-appeal",
            ["__RequestVerificationToken"] = token,
            ["Input.DepartmentId"] = department,
            ["Input.CategoryId"] = "1",
        };
        foreach (var (key, value) in fields)
        {
            values[key] = value;
        }

        return new FormUrlEncodedContent(values);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    /// <summary>The first place offered (the list starts with an empty choice: nothing is chosen for the citizen).</summary>
    [GeneratedRegex("id=\"department\"[^>]*>\\s*<option value=\"0\"[^>]*>[^<]*</option>\\s*<option value=\"(\\d+)\"")]
    private static partial Regex DepartmentPattern();

    [GeneratedRegex("data-testid=\"error-summary\">(.*?)</div>", RegexOptions.Singleline)]
    private static partial Regex SummaryPattern();

    [GeneratedRegex("name=\"Input.IdempotencyKey\" value=\"([0-9a-f]+)\"")]
    private static partial Regex KeyPattern();

    [GeneratedRegex("data-testid=\"tracking-code\">([0-9A-Z]+)<")]
    private static partial Regex CodePattern();
}
