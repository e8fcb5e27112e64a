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
        Assert.DoesNotContain("officer-complaint", codes); // the police do not publish complaints about officers
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

    [Fact]
    public async Task Complaints_about_officers_and_non_public_categories_never_appear_in_any_Open311_read()
    {
        using var client = app.Factory.CreateClient();
        await using var db = app.NewDbContext();
        var taraz = await db.Departments.Where(d => d.Name == Demo.TarazDepartment).Select(d => d.Id).SingleAsync();
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var hidden = new AppealCategory { Code = $"internal-{suffix}", NameEn = "Internal check", NameRu = "Служебная проверка", NameKk = "Қызметтік тексеру", NameTg = "Қызметтік тексеру", IsPublic = false, SortOrder = 99 };
        // A category that says it is public but holds complaints about officers: still never published.
        var complaints = new AppealCategory { Code = $"complaint-{suffix}", NameEn = "Officer conduct", NameRu = "Поведение сотрудника", NameKk = "Қызметкердің мінез-құлқы", NameTg = "Қызметкердің мінез-құлқы", IsComplaintAboutOfficer = true, IsPublic = true, SortOrder = 98 };
        db.AppealCategories.AddRange(hidden, complaints);
        await db.SaveChangesAsync();
        var complaintCategory = await db.AppealCategories.SingleAsync(c => c.Code == AppealCategories.ComplaintAboutOfficer);
        var unpublished = new[] { (hidden, "1"), (complaints, "2"), (complaintCategory, "3") }
            .Select(c => NewAppeal(taraz, c.Item1.Id, $"2098-{suffix[..5]}{c.Item2}")).ToList();
        var published = NewAppeal(taraz, 3, $"2098-{suffix[..5]}4");
        (published.Description, published.StatusNote) = ("Украден велосипед", "В работе");
        db.Appeals.AddRange([.. unpublished, published]);
        await db.SaveChangesAsync();
        var numbers = unpublished.Select(a => a.RegistrationNumber).ToList();
        var codes = new[] { hidden.Code, complaints.Code, complaintCategory.Code };

        var lists = new[]
        {
            "/open311/v2/services.json",
            "/open311/v2/requests.json",
            "/open311/v2/requests.json?status=open",
            $"/open311/v2/requests.json?service_code={string.Join(',', codes)}",
            $"/open311/v2/requests.json?service_request_id={string.Join(',', numbers)}",
        };
        foreach (var url in lists)
        {
            var body = await client.GetStringAsync(url);
            Assert.All(numbers, number => Assert.DoesNotContain(number, body));
            Assert.All(codes, code => Assert.DoesNotContain($"\"{code}\"", body));
            Assert.DoesNotContain("Служебная", body);
        }

        // Single reads: not found, as if the service or request did not exist.
        foreach (var url in codes.Select(c => $"/open311/v2/services/{c}.json").Concat(numbers.Select(n => $"/open311/v2/requests/{n}.json")))
        {
            using var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.DoesNotContain("Служебная", await response.Content.ReadAsStringAsync());
        }

        // The published appeal among them still shows, so the absences are not an empty answer.
        Assert.Contains(published.RegistrationNumber, await client.GetStringAsync($"/open311/v2/requests.json?service_request_id={string.Join(',', numbers)},{published.RegistrationNumber}"));

        // Nor can a client file into a category the services list does not offer.
        var filed = await client.PostAsync("/open311/v2/requests.json", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["service_code"] = hidden.Code,
            ["jurisdiction_id"] = taraz.ToString(CultureInfo.InvariantCulture),
            ["description"] = "Проверка",
        }));
        Assert.Equal(HttpStatusCode.BadRequest, filed.StatusCode);
    }

    private static Appeal NewAppeal(int department, int category, string number) => new()
    {
        RegistrationNumber = number,
        TrackingCode = "T" + number.Replace("-", "", StringComparison.Ordinal),
        DepartmentId = department,
        CategoryId = category,
        Channel = AppealChannel.Phone,
        Status = AppealStatus.InProgress,
        StatusNote = "Служебная заметка",
        Description = "Служебная проверка по жалобе",
        PublishDetails = true,
        IsAnonymous = true,
        RegisteredAt = DateTimeOffset.UtcNow.AddHours(-2),
        OriginalDueDate = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(20),
        DueDate = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(20),
    };

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

    [Fact]
    public async Task An_Idempotency_Key_answers_only_the_same_body_from_the_same_client_and_refuses_anything_else_with_422()
    {
        using var client = app.Factory.CreateClient();
        var key = Guid.NewGuid().ToString();
        var taraz = (await TarazAsync()).ToString(CultureInfo.InvariantCulture);

        async Task<HttpResponseMessage> PostAsync(string description, string? apiKey = null)
        {
            var fields = new Dictionary<string, string> { ["service_code"] = "road-safety", ["jurisdiction_id"] = taraz, ["description"] = description };
            if (apiKey is not null)
            {
                fields["api_key"] = apiKey;
            }

            using var request = new HttpRequestMessage(HttpMethod.Post, "/open311/v2/requests.json") { Content = new FormUrlEncodedContent(fields) };
            request.Headers.Add("Idempotency-Key", key);
            return await client.SendAsync(request);
        }

        var first = await PostAsync("Сломан светофор на перекрёстке");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        using var firstJson = JsonDocument.Parse(await first.Content.ReadAsStringAsync());
        var id = firstJson.RootElement[0].GetProperty("service_request_id").GetString()!;
        await using var db = app.NewDbContext();
        var code = await db.Appeals.Where(a => a.RegistrationNumber == id).Select(a => a.TrackingCode).SingleAsync();

        using var again = JsonDocument.Parse(await (await PostAsync("Сломан светофор на перекрёстке")).Content.ReadAsStringAsync());
        Assert.Equal(id, again.RootElement[0].GetProperty("service_request_id").GetString());

        foreach (var other in new[] { await PostAsync("Что-то другое"), await PostAsync("Сломан светофор на перекрёстке", apiKey: "another-client") })
        {
            Assert.Equal(422, (int)other.StatusCode);
            var body = await other.Content.ReadAsStringAsync();
            using var errors = JsonDocument.Parse(body);
            Assert.Equal(422, errors.RootElement[0].GetProperty("code").GetInt32());
            Assert.False(string.IsNullOrEmpty(errors.RootElement[0].GetProperty("description").GetString()));
            Assert.DoesNotContain(id, body);
            Assert.DoesNotContain(code, body);
        }

        Assert.Equal(1, await db.Appeals.CountAsync(a => a.IdempotencyKey == "open311:" + key));
    }

    private async Task<int> TarazAsync()
    {
        await using var db = app.NewDbContext();
        return await db.Departments.Where(d => d.Name == Demo.TarazDepartment).Select(d => d.Id).SingleAsync();
    }
}
