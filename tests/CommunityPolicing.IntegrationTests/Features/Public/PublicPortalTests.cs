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

    [GeneratedRegex("<option value=\"(\\d+)\"")]
    private static partial Regex DepartmentPattern();

    [GeneratedRegex("name=\"Input.IdempotencyKey\" value=\"([0-9a-f]+)\"")]
    private static partial Regex KeyPattern();

    [GeneratedRegex("data-testid=\"tracking-code\">([0-9A-Z]+)<")]
    private static partial Regex CodePattern();
}
