using System.Diagnostics;
using System.Net;
using CommunityPolicing.Testing;

namespace CommunityPolicing.Benchmarks;

/// <summary>
/// GET / (the prerendered dashboard) by concurrent users, each with their own signed-in cookie, as browsers
/// opening the app at the start of a shift would.
/// </summary>
internal static class PrerenderLoad
{
    public static async Task<Timings> RunAsync(string baseUrl, string email, string password, int users, int requestsPerUser, string mustContain)
    {
        var clients = new List<HttpClient>();
        for (var i = 0; i < users; i++)
        {
            clients.Add(await SignedInAsync(baseUrl, email, password));
        }

        // Warm up as the load will run: all at once, so the connection pool and the server's workers are at their working size.
        await Task.WhenAll(clients.Select(client => GetHomeAsync(client, mustContain)));

        var samples = new List<double>();
        await Task.WhenAll(clients.Select(client => Task.Run(async () =>
        {
            for (var r = 0; r < requestsPerUser; r++)
            {
                var watch = Stopwatch.StartNew();
                await GetHomeAsync(client, mustContain);
                lock (samples)
                {
                    samples.Add(watch.Elapsed.TotalMilliseconds);
                }
            }
        })));
        clients.ForEach(c => c.Dispose());
        return new Timings(samples);
    }

    private static async Task GetHomeAsync(HttpClient client, string mustContain)
    {
        using var response = await client.GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK || !html.Contains(mustContain, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"GET / answered {(int)response.StatusCode} without the dashboard ({mustContain}).");
        }
    }

    private static async Task<HttpClient> SignedInAsync(string baseUrl, string email, string password)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() })
        {
            BaseAddress = new Uri(baseUrl),
        };
        using var response = await client.PostLoginAsync(email, password);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Signing in as {email} answered {(int)response.StatusCode}.");
        }

        return client;
    }
}
