using System.Net;
using System.Text.RegularExpressions;
using CommunityPolicing.Testing;
using CommunityPolicing.Web.Data.Seeding;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CommunityPolicing.IntegrationTests;

/// <summary>An HTTP client signed in through the real sign-in form, keeping its cookies.</summary>
public static partial class SignedInClient
{
    public static async Task<HttpClient> SignedInClientAsync(this TestApp app, string email)
    {
        var client = app.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await client.PostLoginAsync(email, DemoSeeder.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    public static async Task<HttpResponseMessage> PostLoginAsync(this HttpClient client, string email, string password)
    {
        var form = await client.GetStringAsync("/Account/Login");
        return await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = TokenPattern().Match(form).Groups[1].Value,
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        }));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
