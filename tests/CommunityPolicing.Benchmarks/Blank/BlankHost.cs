using System.Net;
using CommunityPolicing.Web.Data.EmbeddedPostgres;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CommunityPolicing.Benchmarks.Blank;

/// <summary>The blank template app on Kestrel in this process, beside the real one, so both are measured alike.</summary>
internal sealed class BlankHost(WebApplication app, string baseUrl) : IAsyncDisposable
{
    public string BaseUrl { get; } = baseUrl;

    public static async Task<BlankHost> StartAsync()
    {
        var port = EmbeddedPostgresCluster.FreePort();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            // Blazor's script comes from the static web assets of the app beside it (this project is no Web SDK project).
            ApplicationName = typeof(Program).Assembly.GetName().Name,
            EnvironmentName = "Development",
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, port));
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        var app = builder.Build();
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapRazorComponents<BlankApp>().AddInteractiveServerRenderMode();
        await app.StartAsync();
        return new BlankHost(app, $"http://127.0.0.1:{port}");
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
