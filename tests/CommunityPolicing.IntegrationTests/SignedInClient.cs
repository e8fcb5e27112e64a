using System.Net;
using CommunityPolicing.Testing;
using CommunityPolicing.Web.Data.Seeding;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CommunityPolicing.IntegrationTests;

/// <summary>An HTTP client signed in through the real sign-in form, keeping its cookies.</summary>
public static class SignedInClient
{
    public static async Task<HttpClient> SignedInClientAsync(this TestApp app, string email)
    {
        var client = app.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await client.PostLoginAsync(email, DemoSeeder.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }
}
