using System.Globalization;
using System.Net;
using System.Text.Json;
using CommunityPolicing.Testing;
using CommunityPolicing.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace CommunityPolicing.IntegrationTests.Features.Open311;

/// <summary>The GeoReport v2 contract, as an Open311 client sees it.</summary>
[Collection(AppCollection.Name)]
public sealed class Open311Tests(TestApp app)
{
    [Fact]
    public async Task Discovery_and_services_list_the_categories()
    {
        using var client = app.Factory.CreateClient();

        using var discovery = JsonDocument.Parse(await client.GetStringAsync("/open311/v2/discovery.json"));
        using var services = JsonDocument.Parse(await client.GetStringAsync("/open311/v2/services.json"));

        Assert.Equal("http://wiki.open311.org/GeoReport_v2", discovery.RootElement.GetProperty("endpoints")[0].GetProperty("specification").GetString());
        var codes = services.RootElement.EnumerateArray().Select(s => s.GetProperty("service_code").GetString()).ToList();
        Assert.Contains("theft", codes);
        Assert.Contains("officer-complaint", codes);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/open311/v2/services/theft.json")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/open311/v2/services/no-such.json")).StatusCode);
    }

    [Fact]
    public async Task A_request_is_created_routed_by_location_and_read_back_without_personal_data()
    {
        using var client = app.Factory.CreateClient();
        await using var db = app.NewDbContext();
        var beat = await db.Beats.Where(b => b.Precinct!.Number == "30" && b.BoundaryGeoJson != null).OrderBy(b => b.Id).FirstAsync();
        var centre = BeatBoundary.Parse(beat.BoundaryGeoJson!)!.Centroid;

        var created = await client.PostAsync("/open311/v2/requests.json", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["service_code"] = "road-safety",
            ["lat"] = centre.Y.ToString(CultureInfo.InvariantCulture),
            ["long"] = centre.X.ToString(CultureInfo.InvariantCulture),
            ["description"] = "Нет пешеходного перехода у школы",
            ["first_name"] = "Асель",
            ["last_name"] = "Бекова",
            ["email"] = "asel@example.kz",
            ["phone"] = "+7 705 123 45 67",
        }));

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        using var createdJson = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        var id = createdJson.RootElement[0].GetProperty("service_request_id").GetString()!;
        var stored = await db.Appeals.Include(a => a.Precinct).SingleAsync(a => a.RegistrationNumber == id);
        Assert.Equal((AppealChannel.Open311, "30", beat.Id), (stored.Channel, stored.Precinct!.Number, stored.BeatId!.Value));

        var body = await client.GetStringAsync($"/open311/v2/requests/{id}.json");
        using var read = JsonDocument.Parse(body);
        var request = read.RootElement[0];
        Assert.Equal("open", request.GetProperty("status").GetString());
        Assert.Equal("road-safety", request.GetProperty("service_code").GetString());
        Assert.StartsWith(stored.DueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), request.GetProperty("expected_datetime").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, request.GetProperty("description").ValueKind); // not published by the applicant
        Assert.DoesNotContain("Бекова", body);
        Assert.DoesNotContain("asel@example.kz", body);
        Assert.DoesNotContain("+7 705", body);
    }

    [Fact]
    public async Task Lists_filter_by_status_and_service_and_show_published_details_only()
    {
        using var client = app.Factory.CreateClient();
        await using var db = app.NewDbContext();

        using var closed = JsonDocument.Parse(await client.GetStringAsync("/open311/v2/requests.json?status=closed&service_code=theft,fraud"));

        Assert.NotEmpty(closed.RootElement.EnumerateArray());
        foreach (var request in closed.RootElement.EnumerateArray())
        {
            Assert.Equal("closed", request.GetProperty("status").GetString());
            Assert.Contains(request.GetProperty("service_code").GetString(), new[] { "theft", "fraud" });
            var number = request.GetProperty("service_request_id").GetString();
            var published = await db.Appeals.Where(a => a.RegistrationNumber == number).Select(a => a.PublishDetails).SingleAsync();
            Assert.Equal(published, request.GetProperty("description").ValueKind == JsonValueKind.String);
        }
    }

    [Theory]
    [InlineData("/open311/v2/requests.json?status=maybe", 400)]
    [InlineData("/open311/v2/requests.json?start_date=yesterday", 400)]
    [InlineData("/open311/v2/requests/0000-000000.json", 404)]
    [InlineData("/open311/v2/requests/%3Cscript%3E.json", 404)]
    public async Task Bad_queries_get_the_spec_error_list_never_a_500(string url, int status)
    {
        using var client = app.Factory.CreateClient();

        var response = await client.GetAsync(url);

        Assert.Equal(status, (int)response.StatusCode);
        using var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(status, errors.RootElement[0].GetProperty("code").GetInt32());
        Assert.False(string.IsNullOrEmpty(errors.RootElement[0].GetProperty("description").GetString()));
    }

    [Theory]
    [InlineData("service_code=no-such&description=x", 400)]
    [InlineData("service_code=theft&description=", 400)]
    [InlineData("service_code=theft&description=x&lat=north&long=71.4", 400)]
    [InlineData("service_code=theft&description=x&lat=95&long=71.4", 400)]
    [InlineData("service_code=theft&description=x&lat=10&long=10", 400)]
    public async Task Bad_submissions_are_refused_with_the_spec_error_list_and_nothing_is_saved(string form, int status)
    {
        using var client = app.Factory.CreateClient();
        await using var db = app.NewDbContext();
        var before = await db.Appeals.CountAsync();

        var response = await client.PostAsync("/open311/v2/requests.json",
            new StringContent(form, System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"));

        Assert.Equal(status, (int)response.StatusCode);
        using var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(status, errors.RootElement[0].GetProperty("code").GetInt32());
        Assert.Equal(before, await db.Appeals.CountAsync());
    }

    [Fact]
    public async Task A_post_repeated_with_the_same_Idempotency_Key_returns_the_first_request_and_saves_one()
    {
        using var client = app.Factory.CreateClient();
        var key = Guid.NewGuid().ToString();

        async Task<string> PostAsync(string? idempotencyKey)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/open311/v2/requests.json")
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["service_code"] = "road-safety",
                    ["jurisdiction_id"] = (await TarazAsync()).ToString(CultureInfo.InvariantCulture),
                    ["description"] = "Яма на дороге у рынка",
                }),
            };
            if (idempotencyKey is not null)
            {
                request.Headers.Add("Idempotency-Key", idempotencyKey);
            }

            var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            return json.RootElement[0].GetProperty("service_request_id").GetString()!;
        }

        var first = await PostAsync(key);
        var retried = await Task.WhenAll(PostAsync(key), PostAsync(key), PostAsync(key));
        var withoutKey = await Task.WhenAll(PostAsync(null), PostAsync(null));

        Assert.All(retried, id => Assert.Equal(first, id));
        Assert.NotEqual(withoutKey[0], withoutKey[1]); // no key: every post is a new request
        await using var db = app.NewDbContext();
        Assert.Equal(1, await db.Appeals.CountAsync(a => a.IdempotencyKey == "open311:" + key));
    }

    private async Task<int> TarazAsync()
    {
        await using var db = app.NewDbContext();
        return await db.Departments.Where(d => d.Name == Demo.TarazDepartment).Select(d => d.Id).SingleAsync();
    }
}
