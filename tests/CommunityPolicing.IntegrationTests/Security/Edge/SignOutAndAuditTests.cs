using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using CommunityPolicing.Testing;
using CommunityPolicing.Web.Domain;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace CommunityPolicing.IntegrationTests.Security.Edge;

[Collection(AppCollection.Name)]
public sealed partial class SignOutAndAuditTests(TestApp app)
{
    [Fact]
    public async Task Signing_out_needs_a_post_with_the_antiforgery_token()
    {
        using var client = await app.SignedInClientAsync(Demo.Officer17);
        await using var db = app.NewDbContext();
        var since = await db.AuditEntries.MaxAsync(a => a.Id);

        // A link or an image (GET) and a forged form (no token) leave the user signed in.
        Assert.NotEqual(HttpStatusCode.Redirect, (await client.GetAsync("/Account/Logout")).StatusCode);
        await client.PostAsync("/Account/Logout", new FormUrlEncodedContent([]));
        await client.PostAsync("/Account/Logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = "forged" }));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/appeals")).StatusCode);
        Assert.False(await db.AuditEntries.AnyAsync(a => a.Id > since && a.Action == AuditActions.SignOut));

        // The user menu's form signs out, goes to the sign-in page whatever return address is posted, and is audited.
        var page = await client.GetStringAsync("/appeals");
        var response = await client.PostAsync("/Account/Logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = TokenPattern().Match(page).Groups[1].Value,
            ["returnUrl"] = "//evil.example",
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Account/Login", response.Headers.Location!.Local());
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/appeals")).StatusCode);
        Assert.Equal(Demo.Officer17, (await db.AuditEntries.SingleAsync(a => a.Id > since && a.Action == AuditActions.SignOut)).UserName);
    }

    [Fact]
    public async Task An_anonymous_sign_out_writes_nothing_to_the_audit_trail()
    {
        using var client = app.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var form = await client.GetStringAsync("/Account/Login");
        await using var db = app.NewDbContext();
        var since = await db.AuditEntries.MaxAsync(a => a.Id);

        var response = await client.PostAsync("/Account/Logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = TokenPattern().Match(form).Groups[1].Value,
        }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False(await db.AuditEntries.AnyAsync(a => a.Id > since));
    }

    [Fact]
    public async Task A_failed_sign_in_stores_a_known_account_by_name_and_anything_else_as_a_hash()
    {
        using var client = app.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await using var db = app.NewDbContext();
        var since = await db.AuditEntries.MaxAsync(a => a.Id);
        const string typed = "My Secret Password 123 ";

        await client.PostLoginAsync(typed, "whatever it is");
        await client.PostLoginAsync("my secret password 123", "again");
        await client.PostLoginAsync("Coordinator@Demo.Local", "not the password");

        var names = await db.AuditEntries.Where(a => a.Id > since && a.Action == AuditActions.SignInFailed)
            .OrderBy(a => a.Id).Select(a => a.UserName).ToListAsync();
        var hash = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("MY SECRET PASSWORD 123")))[..16];
        Assert.Equal([hash, hash, Demo.Coordinator], names); // the same text twice: one pseudonym, to correlate attempts
        var rows = await db.AuditEntries.Where(a => a.Id > since).Select(a => new { a.UserName, a.NewValues }).ToListAsync();
        Assert.DoesNotContain(rows, r => $"{r.UserName} {r.NewValues}".Contains("secret", StringComparison.OrdinalIgnoreCase));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
