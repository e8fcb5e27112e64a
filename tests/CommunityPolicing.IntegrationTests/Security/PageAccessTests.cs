using System.Net;
using System.Text.RegularExpressions;
using CommunityPolicing.Testing;
using CommunityPolicing.Web.Domain;
using CommunityPolicing.Web.Security;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace CommunityPolicing.IntegrationTests.Security;

/// <summary>What each role gets from the pages themselves, signed in through the real sign-in form.</summary>
[Collection(AppCollection.Name)]
public sealed partial class PageAccessTests(TestApp app)
{
    [Theory]
    [InlineData("/appeals")]
    [InlineData("/appeals/1")]
    [InlineData("/precincts")]
    [InlineData("/officers")]
    [InlineData("/admin/users")]
    [InlineData("/admin/audit")]
    public async Task Anonymous_visitors_are_sent_to_sign_in(string path)
    {
        using var client = app.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Demo.Officer17, "/admin/users")]
    [InlineData(Demo.Officer17, "/admin/audit")]
    [InlineData(Demo.Chief, "/admin/users")]
    [InlineData(Demo.Coordinator, "/precincts")]
    [InlineData(Demo.Coordinator, "/officers")]
    public async Task Pages_outside_the_role_are_denied(string email, string path)
    {
        using var client = await SignInAsync(email);

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        var html = await client.GetStringAsync(response.Headers.Location);
        Assert.Contains("data-testid=\"access-denied\"", html);
        Assert.DoesNotContain("mud-table-root", html);
    }

    [Theory]
    [InlineData(Demo.Officer17)]
    [InlineData(Demo.Chief)]
    public async Task Another_departments_post_beat_and_officer_pages_say_not_found(string email)
    {
        var (precinct, beat, officer) = await ForeignRecordsAsync();
        using var client = await SignInAsync(email);

        foreach (var (path, secret) in new[] { ($"/precincts/{precinct.Id}", precinct.Name), ($"/beats/{beat.Id}", beat.Name), ($"/officers/{officer.Id}", officer.Name) })
        {
            var html = await client.GetStringAsync(path);
            Assert.Contains("data-testid=\"not-found\"", html);
            Assert.DoesNotContain(WebUtility.HtmlEncode(secret), html);
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData(Demo.Chief)]
    public async Task An_unknown_address_answers_404_with_the_not_found_page(string? email)
    {
        using var client = email is null ? app.Factory.CreateClient() : await SignInAsync(email);

        var response = await client.GetAsync("/no-such-page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("data-testid=\"not-found\"", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_chief_sees_the_passport_of_an_own_post()
    {
        using var client = await SignInAsync(Demo.Chief);
        var id = await PrecinctIdAsync("17");

        var html = await client.GetStringAsync($"/precincts/{id}");

        Assert.Contains("data-testid=\"precinct-title\"", html);
        Assert.Contains("data-testid=\"edit-precinct\"", html);
    }

    [Fact]
    public async Task A_wrong_password_and_an_unknown_user_get_the_same_answer_and_are_audited()
    {
        var wrong = await PostLoginAsync(Demo.Officer30, "Wrong-Passw0rd!");
        var unknown = await PostLoginAsync("nobody@demo.local", "Wrong-Passw0rd!");

        Assert.Equal(ErrorOf(wrong), ErrorOf(unknown));
        Assert.NotEmpty(ErrorOf(wrong));
        await using var db = app.NewDbContext();
        // Typed text that is no account is kept only as a pseudonym (Security/Edge/SignOutAndAuditTests checks it further).
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.SignInFailed && a.UserName == SignInNames.Pseudonym("nobody@demo.local")));
        Assert.False(await db.AuditEntries.AnyAsync(a => a.UserName == "nobody@demo.local"));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.SignInFailed && a.UserName == Demo.Officer30));
    }

    [Fact]
    public async Task Signing_in_is_audited()
    {
        using var client = await SignInAsync(Demo.Officer30);

        await using var db = app.NewDbContext();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.SignIn && a.UserName == Demo.Officer30));
    }

    private Task<HttpClient> SignInAsync(string email) => app.SignedInClientAsync(email);

    private Task<HttpResponseMessage> PostLoginAsync(string email, string password) =>
        app.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }).PostLoginAsync(email, password);

    private static string ErrorOf(HttpResponseMessage response) =>
        LoginErrorPattern().Match(response.Content.ReadAsStringAsync().Result).Groups[1].Value;

    private async Task<int> PrecinctIdAsync(string number)
    {
        await using var db = app.NewDbContext();
        return await db.Precincts.Where(p => p.Number == number && p.Department!.Name == Demo.TarazDepartment).Select(p => p.Id).SingleAsync();
    }

    private async Task<(Web.Features.Option Precinct, Web.Features.Option Beat, Web.Features.Option Officer)> ForeignRecordsAsync()
    {
        await using var db = app.NewDbContext();
        var precinct = await db.Precincts.Where(p => p.Department!.Name != Demo.TarazDepartment && p.Officers.Any() && p.Beats.Any())
            .OrderBy(p => p.Id).FirstAsync();
        var beat = await db.Beats.Where(b => b.PrecinctId == precinct.Id).OrderBy(b => b.Id).FirstAsync();
        var officer = await db.Officers.Where(o => o.PrecinctId == precinct.Id).OrderBy(o => o.Id).FirstAsync();
        return (new(precinct.Id, precinct.Name), new(beat.Id, beat.Name), new(officer.Id, officer.FullName));
    }

    [GeneratedRegex("data-testid=\"login-error\"[^>]*>(?:<[^>]+>)*([^<]+)")]
    private static partial Regex LoginErrorPattern();
}
