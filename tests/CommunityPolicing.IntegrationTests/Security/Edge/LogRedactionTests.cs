using CommunityPolicing.Testing;

namespace CommunityPolicing.IntegrationTests.Security.Edge;

/// <summary>Tracking codes and calendar links are credentials: the request logs show where, never which.</summary>
[Collection(AppCollection.Name)]
public sealed class LogRedactionTests(TestApp app)
{
    [Fact]
    public async Task Tracking_codes_and_calendar_tokens_never_reach_the_logs()
    {
        var logs = Path.Combine(Path.GetTempPath(), $"cp-test-redaction-{Guid.NewGuid():N}");
        const string pathCode = "Q7XK2M9PRT4W", queryCode = "H3JN8VBZ5YC1";
        var token = new string('t', 20) + "SecretFeedToken" + new string('k', 8);
        try
        {
            // ASP.NET Core's own request lines on too (Information): they carry the path and the query.
            await using (var factory = app.WithSettings(("Logging:Directory", logs), ("Serilog:MinimumLevel:Override:Microsoft.AspNetCore", "Information")))
            {
                using var client = factory.ClientFrom("192.0.2.10");
                await client.GetAsync($"/public/track/{pathCode}");
                await client.GetAsync($"/public/track?code={queryCode}");
                await client.GetAsync($"/PUBLIC/Track/{pathCode.ToLowerInvariant()}");
                await client.GetAsync($"/calendar/{token}.ics");
            } // disposing the app flushes its logs

            var text = string.Concat(Directory.GetFiles(logs).Select(File.ReadAllText));
            Assert.Contains("/public/track/", text); // the requests were logged
            Assert.Contains("/calendar/", text);
            foreach (var secret in new[] { pathCode, queryCode, token })
            {
                Assert.DoesNotContain(secret, text, StringComparison.OrdinalIgnoreCase);
            }
        }
        finally
        {
            if (Directory.Exists(logs))
            {
                Directory.Delete(logs, recursive: true);
            }
        }
    }
}
