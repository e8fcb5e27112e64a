using System.Net;
using CommunityPolicing.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPolicing.IntegrationTests.Security.Edge;

/// <summary>
/// TestServer leaves the connection's address empty; this sets it from a test-only header before the app's pipeline
/// runs, as Kestrel would from the socket, so tests can be different clients (or a proxy).
/// </summary>
public sealed class ClientAddressFilter : IStartupFilter
{
    public const string Header = "X-Test-Connection-Address";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, then) =>
        {
            if (context.Request.Headers[Header].ToString() is { Length: > 0 } address)
            {
                context.Connection.RemoteIpAddress = IPAddress.Parse(address);
            }

            return then(context);
        });
        next(app);
    };
}

public static class ClientAddresses
{
    /// <summary>The shared app with its own settings, and clients that connect from a given address.</summary>
    public static WebApplicationFactory<Program> WithSettings(this TestApp app, params (string Key, string Value)[] settings) =>
        app.Factory.WithWebHostBuilder(builder =>
        {
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }

            builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, ClientAddressFilter>());
        });

    public static HttpClient ClientFrom(this WebApplicationFactory<Program> factory, string address)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add(ClientAddressFilter.Header, address);
        return client;
    }
}
