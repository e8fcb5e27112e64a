using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using CommunityPolicing.Testing;
using CommunityPolicing.Web.Domain;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace CommunityPolicing.IntegrationTests.Security.BadInput;

/// <summary>Its own app and database: hostile input that is legitimately accepted must not change the shared demo data.</summary>
public sealed class BadInputApp : TestApp
{
    protected override string Name => "cp_bad";
}

[CollectionDefinition(Name)]
public sealed class BadInputCollection : ICollectionFixture<BadInputApp>
{
    public const string Name = "bad-input";
}

/// <summary>
/// Generated hostile values (<see cref="Hostile"/>) over HTTP against the public portal, tracking and rating,
/// Open311 and the staff pages' and exports' query strings: never a 500, never a stack trace or an exception's
/// name, no markup echoed unencoded into HTML, and a rejected submission leaves no row (an accepted one a whole
/// appeal with its timeline). The staff forms' services get the same values in <see cref="StaffFormTests"/>.
/// </summary>
[Collection(BadInputCollection.Name)]
public sealed partial class BadInputTests(BadInputApp app, ITestOutputHelper output)
{
    private const int Seed = 20261123;

    private static readonly IReadOnlyList<Hostile> Values = Hostile.Values(Seed, 60);

    [Fact]
    public async Task The_public_appeal_form_survives_every_hostile_value_in_every_field()
    {
        using var client = Anonymous();
        await using var db = app.NewDbContext();
        var form = await client.GetStringAsync("/public/appeal");
        var token = TokenPattern().Match(form).Groups[1].Value;
        var department = DepartmentPattern().Match(form).Groups[1].Value;
        var valid = new Dictionary<string, string>
        {
            ["Input.DepartmentId"] = department,
            ["Input.CategoryId"] = "1",
            ["Input.Description"] = "Noise at night",
            ["Input.Address"] = "Abay street 1",
            ["Input.Latitude"] = "",
            ["Input.Longitude"] = "",
            ["Input.IsAnonymous"] = "false",
            ["Input.ApplicantName"] = "Test Applicant",
            ["Input.ApplicantPhone"] = "+7 701 111 22 33",
            ["Input.ApplicantEmail"] = "applicant@example.kz",
            ["Input.ApplicantAddress"] = "Abay street 2",
            ["Input.PublishDetails"] = "false",
            ["Input.Consent"] = "true",
            ["Input.Website"] = "",
        };
        var failures = new List<string>();
        var accepted = new List<(string Number, Hostile Value)>();
        var sent = 0;

        foreach (var field in valid.Keys)
        {
            foreach (var value in Values)
            {
                var before = await db.Appeals.CountAsync();
                var fields = valid.ToDictionary(p => p.Key, p => Hostile.Encode(p.Value));
                fields[field] = value.Encoded;
                var response = await client.PostAsync("/public/appeal", Form(fields, ("_handler", "public-appeal"), ("__RequestVerificationToken", token)));
                sent++;
                var body = await CheckAsync(response, $"{field} {value}", value, failures);
                var code = CodePattern().Match(body).Groups[1].Value;
                var after = await db.Appeals.CountAsync();
                if (code.Length > 0)
                {
                    var saved = await db.Appeals.Where(a => a.TrackingCode == code).Select(a => new { a.RegistrationNumber, Events = a.Events.Count }).SingleAsync();
                    if (after != before + 1 || saved.Events == 0)
                    {
                        failures.Add($"{field} {value}: accepted but {after - before} rows, {saved.Events} events");
                    }

                    accepted.Add((saved.RegistrationNumber, value));
                }
                else if (after != before)
                {
                    failures.Add($"{field} {value}: refused but {after - before} rows saved");
                }
            }
        }

        // What was accepted is shown encoded where staff read it, too.
        using var admin = await app.SignedInClientAsync(Demo.Admin);
        foreach (var (number, value) in accepted.Where(a => a.Value.IsMarkup).Take(15))
        {
            var id = await db.Appeals.Where(a => a.RegistrationNumber == number).Select(a => a.Id).SingleAsync();
            await CheckAsync(await admin.GetAsync($"/appeals/{id}"), $"staff view of {number} {value}", value, failures);
            sent++;
        }

        output.WriteLine($"{sent} requests, {accepted.Count} accepted");
        Assert.True(sent >= 2000, $"only {sent} inputs");
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(50)));
    }

    [Fact]
    public async Task Tracking_and_rating_survive_every_hostile_value()
    {
        using var client = Anonymous();
        await using var db = app.NewDbContext();
        var candidates = await db.Appeals.Where(a => a.Status == AppealStatus.Answered && a.Rating == null).OrderBy(a => a.Id).Select(a => a.TrackingCode).Take(50).ToListAsync();
        var (rateable, page) = ("", "");
        foreach (var candidate in candidates)
        {
            (rateable, page) = (candidate, await client.GetStringAsync($"/public/track/{candidate}"));
            if (page.Contains("data-testid=\"rating-form\"", StringComparison.Ordinal))
            {
                break;
            }
        }

        // Posted with the page's token whether or not the demo leaves an appeal open to rating: every post must still be answered cleanly.
        var token = TokenPattern().Match(page).Groups[1].Value;
        var failures = new List<string>();
        var sent = 0;

        foreach (var value in Values)
        {
            await CheckAsync(await client.GetAsync($"/public/track?code={value.Encoded}"), $"track?code {value}", value, failures);
            sent++;
            if (!Hostile.NulInPath($"/public/track/{value.Encoded}"))
            {
                await CheckAsync(await client.GetAsync($"/public/track/{value.Encoded}"), $"track/ {value}", value, failures);
                sent++;
            }
        }

        foreach (var (field, value) in Values.Select(v => ("Rating.Stars", v)).Concat(Values.Select(v => ("Rating.Comment", v))))
        {
            var fields = new Dictionary<string, string> { ["Rating.Stars"] = "4", ["Rating.Comment"] = "Thank you" };
            fields[field] = value.Encoded;
            var response = await client.PostAsync($"/public/track/{rateable}", Form(fields, ("_handler", "rate"), ("__RequestVerificationToken", token)));
            sent++;
            var body = await CheckAsync(response, $"rate {field} {value}", value, failures);
            var stored = await db.Appeals.Where(a => a.TrackingCode == rateable).Select(a => new { a.Rating, a.RatingComment }).SingleAsync();
            if (stored.Rating is { } stars && (stars is < 1 or > 5 || stored.RatingComment?.Length > 2000))
            {
                failures.Add($"rate {field} {value}: stored {stars} with a comment of {stored.RatingComment?.Length}");
            }

            if (stored.Rating is null && body.Contains("data-testid=\"rated\"", StringComparison.Ordinal))
            {
                failures.Add($"rate {field} {value}: thanked but nothing stored");
            }
        }

        output.WriteLine($"{sent} requests");
        Assert.True(sent >= 500, $"only {sent} inputs");
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(50)));
    }

    [Fact]
    public async Task Open311_survives_every_hostile_value_in_every_parameter()
    {
        using var client = Anonymous();
        await using var db = app.NewDbContext();
        var taraz = await db.Departments.Where(d => d.Name == Demo.TarazDepartment).Select(d => d.Id).SingleAsync();
        var valid = new Dictionary<string, string>
        {
            ["service_code"] = "theft",
            ["description"] = "Bicycle stolen",
            ["address_string"] = "Abay street 1",
            ["first_name"] = "Asel",
            ["last_name"] = "Bekova",
            ["email"] = "asel@example.kz",
            ["phone"] = "+7 705 123 45 67",
            ["jurisdiction_id"] = taraz.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["lat"] = "",
            ["long"] = "",
            ["api_key"] = "",
            ["media_url"] = "",
            ["device_id"] = "",
        };
        var failures = new List<string>();
        var sent = 0;

        foreach (var field in valid.Keys)
        {
            foreach (var value in Values)
            {
                var before = await db.Appeals.CountAsync();
                var fields = valid.ToDictionary(p => p.Key, p => Hostile.Encode(p.Value));
                fields[field] = value.Encoded;
                var response = await client.PostAsync("/open311/v2/requests.json", Form(fields));
                sent++;
                var body = await CheckAsync(response, $"POST {field} {value}", value, failures);
                var after = await db.Appeals.CountAsync();
                var created = response.StatusCode == HttpStatusCode.OK && body.Contains("service_request_id", StringComparison.Ordinal);
                if (after != before + (created ? 1 : 0))
                {
                    failures.Add($"POST {field} {value}: {(int)response.StatusCode} but {after - before} rows");
                }

                if (created && response.Content.Headers.ContentType?.MediaType != "application/json")
                {
                    failures.Add($"POST {field} {value}: {(int)response.StatusCode} as {response.Content.Headers.ContentType}");
                }
            }
        }

        foreach (var value in Values)
        {
            foreach (var url in new[]
            {
                $"/open311/v2/requests/{value.Encoded}.json", $"/open311/v2/services/{value.Encoded}.json", $"/open311/v2/requests.json?status={value.Encoded}",
                $"/open311/v2/requests.json?start_date={value.Encoded}", $"/open311/v2/requests.json?end_date={value.Encoded}",
                $"/open311/v2/requests.json?service_code={value.Encoded}", $"/open311/v2/requests.json?service_request_id={value.Encoded}",
            }.Where(url => !Hostile.NulInPath(url)))
            {
                await CheckAsync(await client.GetAsync(url), $"GET {url[..Math.Min(url.Length, 80)]}", value, failures);
                sent++;
            }
        }

        // Broken envelopes: the wrong media type, a malformed body, more fields than the form reader takes.
        foreach (var (content, what) in new (HttpContent, string)[]
        {
            (new StringContent("{\"service_code\":\"theft\"}", Encoding.UTF8, "application/json"), "json body"),
            (new StringContent("service_code=theft&description=%%%", Encoding.UTF8, "application/x-www-form-urlencoded"), "bad escapes"),
            (new StringContent(string.Join("&", Enumerable.Range(0, 5000).Select(i => $"f{i}=x")), Encoding.UTF8, "application/x-www-form-urlencoded"), "5000 fields"),
            (new ByteArrayContent([0xFF, 0xFE, 0x00, 0x01]) { Headers = { ContentType = new("application/x-www-form-urlencoded") } }, "binary body"),
            (new StringContent("--x\r\nContent-Disposition: form-data; name=\"service_code\"\r\n\r\ntheft\r\n--x--", Encoding.UTF8, "multipart/form-data"), "multipart without boundary"),
            (new StringContent("", Encoding.UTF8, "text/plain"), "text"),
        })
        {
            await CheckAsync(await client.PostAsync("/open311/v2/requests.json", content), $"POST {what}", null, failures);
            sent++;
        }

        output.WriteLine($"{sent} requests");
        Assert.True(sent >= 3000, $"only {sent} inputs");
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(50)));
    }

    [Fact]
    public async Task Staff_pages_and_exports_survive_hostile_query_strings()
    {
        using var client = await app.SignedInClientAsync(Demo.Chief);
        var failures = new List<string>();
        var sent = 0;
        var year = DateTime.UtcNow.Year;
        string[] exports =
        [
            "/appeals/export.csv?Search={v}", "/appeals/export.csv?Status={v}", "/appeals/export.csv?CategoryId={v}", "/appeals/export.csv?PrecinctId={v}",
            "/appeals/export.csv?DueFrom={v}", "/appeals/export.csv?OverdueOnly={v}", "/appeals/export.csv?RegisteredFrom={v}", "/appeals/export.csv?RegisteredTo={v}",
            "/appeals/export.{v}", "/patrols/export.csv?from={v}", "/patrols/export.csv?to={v}", "/patrols/export.csv?association={v}",
            $"/dashboard/precincts.csv?from={{v}}&to={year}-12-31", $"/dashboard/precincts.csv?from={year}-01-01&to={{v}}",
            $"/dashboard/{{v}}.csv?from={year}-01-01&to={year}-12-31", "/reports/quarter.xlsx?year={v}&quarter=1", $"/reports/quarter.xlsx?year={year}&quarter={{v}}",
            $"/reports/quarter.xlsx?year={year}&quarter=1&precinct={{v}}", "/associations/{v}/roster.csv", "/associations/1/hours.{v}",
            "/appeals/{v}/attachments/1", "/calendar/{v}.ics", "/culture?name={v}&returnUrl=%2F", "/culture?name=en&returnUrl={v}",
        ];
        // Every [SupplyParameterFromQuery] of the staff pages: numbers, dates and flags are read as text (QueryValue), so none fails binding.
        string[] pages =
        [
            "/appeals/{v}", "/appeals?precinct={v}", "/appeals?beat={v}", "/appeals?category={v}", "/appeals?registeredFrom={v}", "/appeals?registeredTo={v}",
            "/appeals?dueFrom={v}", "/appeals?dueTo={v}", "/appeals?overdue={v}&open={v}&mine={v}&lowRated={v}",
            "/reports/quarter?year={v}&quarter=1", $"/reports/quarter?year={year}&quarter={{v}}", $"/reports/quarter?year={year}&quarter=1&precinct={{v}}&print={{v}}",
            "/patrols?association={v}", "/associations/1/report?month={v}", "/associations/1/report?print={v}", "/precincts/{v}", "/public/track?code={v}",
        ];

        foreach (var value in Values)
        {
            foreach (var template in exports.Concat(pages))
            {
                var url = template.Replace("{v}", value.Encoded, StringComparison.Ordinal);
                if (Hostile.NulInPath(url))
                {
                    continue;
                }

                var response = await client.GetAsync(url);
                sent++;
                await CheckAsync(response, $"{template} {value}", value, failures);
            }
        }

        // The calendar's edges, which no single value reaches: its first and last months, the widest period.
        foreach (var url in new[]
        {
            "/associations/1/report?month=0001-01", "/associations/1/report?month=9999-12", "/dashboard/precincts.csv?from=0001-01-01&to=9999-12-31",
            "/appeals?registeredFrom=0001-01-01&registeredTo=9999-12-31&dueFrom=0001-01-01&dueTo=9999-12-31",
            "/appeals/export.csv?RegisteredFrom=0001-01-01&RegisteredTo=9999-12-31&DueFrom=0001-01-01&DueTo=9999-12-31",
            "/patrols/export.csv?from=0001-01-01&to=9999-12-31",
        })
        {
            await CheckAsync(await client.GetAsync(url), url, null, failures);
        }

        output.WriteLine($"{sent} requests");
        Assert.True(sent >= 3000, $"only {sent} inputs");
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(50)));
    }

    private HttpClient Anonymous() => app.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private static ByteArrayContent Form(Dictionary<string, string> encoded, params (string Key, string Value)[] more)
    {
        var body = string.Join("&", encoded.Select(p => $"{p.Key}={p.Value}").Concat(more.Select(p => $"{p.Key}={Hostile.Encode(p.Value)}")));
        return new ByteArrayContent(Encoding.ASCII.GetBytes(body)) { Headers = { ContentType = new("application/x-www-form-urlencoded") } };
    }

    /// <summary>The checks every response passes; returns the body.</summary>
    private static async Task<string> CheckAsync(HttpResponseMessage response, string what, Hostile? value, List<string> failures)
    {
        var body = await response.Content.ReadAsStringAsync();
        var status = (int)response.StatusCode;
        if (status >= 500 || status == 429)
        {
            failures.Add($"{what}: {status} {body[..Math.Min(body.Length, 300)]}");
        }
        else if (Hostile.StackTraceIn(body) is { } trace)
        {
            failures.Add($"{what}: {status} shows {trace}");
        }
        else if (value is { IsMarkup: true } && response.Content.Headers.ContentType?.MediaType == "text/html" && body.Contains(value.Text, StringComparison.Ordinal))
        {
            failures.Add($"{what}: the markup is echoed unencoded");
        }
        else if (response.Headers.Location is { IsAbsoluteUri: true } location && location.Host != "localhost")
        {
            failures.Add($"{what}: redirected off-site to {location}");
        }

        return body;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    /// <summary>The first place offered (the list starts with an empty choice: nothing is chosen for the citizen).</summary>
    [GeneratedRegex("id=\"department\"[^>]*>\\s*<option value=\"0\"[^>]*>[^<]*</option>\\s*<option value=\"(\\d+)\"")]
    private static partial Regex DepartmentPattern();

    [GeneratedRegex("data-testid=\"tracking-code\">([0-9A-Z]+)<")]
    private static partial Regex CodePattern();
}
