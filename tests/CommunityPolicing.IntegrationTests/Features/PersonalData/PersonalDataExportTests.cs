using System.Net;
using System.Text.Json;
using CommunityPolicing.Testing;
using CommunityPolicing.Web.Domain;
using CommunityPolicing.Web.Features.Appeals;
using CommunityPolicing.Web.Features.PersonalData;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPolicing.IntegrationTests.Features.PersonalData;

[Collection(AppCollection.Name)]
public sealed class PersonalDataExportTests(TestApp app)
{
    private async Task<string> AppealAsync(string name, string phone)
    {
        await using var chief = await app.SignedInAsync(Demo.Chief);
        var appeals = chief.ServiceProvider.GetRequiredService<AppealService>();
        var saved = await appeals.CreateAsync(new AppealForm { CategoryId = 1, ApplicantName = name, ApplicantPhone = phone, Description = $"Шумят соседи ({phone})" });
        Assert.True(saved.Succeeded, string.Join(", ", saved.Errors.Values));
        return (await appeals.GetAsync(saved.Id))!.RegistrationNumber;
    }

    private async Task VolunteerAsync(string name, string phone)
    {
        await using var db = app.NewDbContext();
        var association = await db.Associations.OrderBy(a => a.Id).Select(a => a.Id).FirstAsync();
        db.Volunteers.Add(new Volunteer
        {
            AssociationId = association,
            FullName = name,
            Phone = phone,
            BirthDate = new DateOnly(1990, 4, 12),
            DocumentNumber = "N" + phone[^7..].Replace(" ", ""),
            JoinedOn = new DateOnly(2025, 1, 10),
            Status = VolunteerStatus.Active,
        });
        await db.SaveChangesAsync();
    }

    private static string Phone() => $"+7 705 {Random.Shared.Next(100, 999)} {Random.Shared.Next(10, 99)} {Random.Shared.Next(10, 99)}";

    [Fact]
    public async Task The_file_holds_the_persons_appeal_and_membership_and_nothing_of_anyone_else()
    {
        const string name = "Субъектова Дана Маратовна";
        var phone = Phone();
        var namesakePhone = Phone();
        var own = await AppealAsync(name, phone);
        await VolunteerAsync(name, phone);
        var namesakes = await AppealAsync(name, namesakePhone);
        await VolunteerAsync("Посторонний Арман", phone[..^2] + "00");
        await using (var db = app.NewDbContext())
        {
            var precinct = await db.Precincts.Where(p => p.Number == "17").Select(p => new { p.Id, p.DepartmentId }).FirstAsync();
            db.PreventiveRecords.Add(new PreventiveRecord
            {
                DepartmentId = precinct.DepartmentId,
                PrecinctId = precinct.Id,
                Category = default,
                FullName = name,
                BirthDate = new DateOnly(1990, 4, 12),
                Grounds = "Тайное основание учёта",
                StartedOn = new DateOnly(2026, 1, 1),
                CheckEveryDays = 30,
            });
            await db.SaveChangesAsync();
        }

        using var client = await app.SignedInClientAsync(Demo.Admin);
        var digitsOnly = "8" + new string([.. phone.Where(char.IsAsciiDigit)])[1..]; // the same number written another way
        var response = await client.GetAsync($"/admin/person/export.json?name={Uri.EscapeDataString(" субъектова  дана маратовна ")}&phone={digitsOnly}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        using var json = JsonDocument.Parse(text);
        var appeals = json.RootElement.GetProperty("Appeals").EnumerateArray().ToList();
        Assert.Equal([own], appeals.Select(a => a.GetProperty("RegistrationNumber").GetString()));
        Assert.Equal(phone, appeals[0].GetProperty("ApplicantPhone").GetString());
        var volunteers = json.RootElement.GetProperty("VolunteerMemberships").EnumerateArray().ToList();
        Assert.Equal([name], volunteers.Select(v => v.GetProperty("FullName").GetString()));
        Assert.DoesNotContain(namesakes, text);
        Assert.DoesNotContain(namesakePhone, text);
        Assert.DoesNotContain("Посторонний", text);
        Assert.DoesNotContain("Тайное основание", text); // preventive records stay with the police
        Assert.Contains(json.RootElement.GetProperty("AuditEntries").EnumerateArray(),
            a => a.GetProperty("EntityType").GetString() == nameof(Appeal) && a.GetProperty("Action").GetString() == AuditActions.Insert);

        await using var check = app.NewDbContext();
        var audited = await check.AuditEntries.Where(a => a.Action == AuditActions.Export && a.EntityType == "Person" && a.UserName == Demo.Admin)
            .OrderByDescending(a => a.Id).FirstAsync();
        Assert.Contains(digitsOnly, audited.NewValues);
    }

    [Fact]
    public async Task A_staff_members_file_has_their_sign_ins_and_what_they_did_but_not_the_data_of_the_records_they_touched()
    {
        using (await app.SignedInClientAsync(Demo.Officer17))
        {
        }

        await using (var officer = await app.SignedInAsync(Demo.Officer17))
        {
            await officer.ServiceProvider.GetRequiredService<CommunityPolicing.Web.Data.AuditLog>()
                .WriteAsync(AuditActions.Read, null, nameof(PreventiveRecord), "999999", new { FullName = "Третье Лицо Сериковна" });
        }

        using var client = await app.SignedInClientAsync(Demo.Admin);
        var text = await client.GetStringAsync("/admin/person/export.json?email=OFFICER.17@demo.local");

        using var json = JsonDocument.Parse(text);
        var account = Assert.Single(json.RootElement.GetProperty("UserAccounts").EnumerateArray());
        Assert.Equal(Demo.Officer17, account.GetProperty("Email").GetString());
        Assert.DoesNotContain("PasswordHash", text);
        var rows = json.RootElement.GetProperty("AuditEntries").EnumerateArray().ToList();
        Assert.Contains(rows, r => r.GetProperty("Action").GetString() == AuditActions.SignIn);
        Assert.Contains(rows, r => r.GetProperty("EntityKey").GetString() == "999999" && r.GetProperty("NewValues").ValueKind == JsonValueKind.Null);
        Assert.DoesNotContain("Третье Лицо", text);
    }

    [Fact]
    public async Task The_administrator_sees_the_matches_before_downloading_and_others_see_nothing()
    {
        var phone = Phone();
        await AppealAsync("Поисков Тимур", phone);
        var query = new PersonQuery { Phone = phone };

        await using var admin = await app.SignedInAsync(Demo.Admin);
        var matches = await admin.ServiceProvider.GetRequiredService<PersonalDataService>().SearchAsync(query);
        await using var chief = await app.SignedInAsync(Demo.Chief);

        Assert.Equal(["Поисков Тимур"], matches!.Appeals.Select(a => a.ApplicantName));
        Assert.Null(await chief.ServiceProvider.GetRequiredService<PersonalDataService>().SearchAsync(query));
        Assert.Null(await chief.ServiceProvider.GetRequiredService<PersonalDataService>().ExportAsync(query));
    }

    [Theory]
    [InlineData(Demo.Chief, "/admin/person")]
    [InlineData(Demo.Officer17, "/admin/person/export.json?phone=87051234567")]
    [InlineData(Demo.Coordinator, "/admin/person/export.json?name=Ivanov")]
    public async Task Anyone_but_the_administrator_is_denied(string email, string path)
    {
        using var client = await app.SignedInClientAsync(email);

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_without_criteria_or_with_a_bad_phone_is_refused_with_a_message()
    {
        using var client = await app.SignedInClientAsync(Demo.Admin);

        var empty = await client.GetAsync("/admin/person/export.json");
        var bad = await client.GetAsync("/admin/person/export.json?phone=abc");

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (empty.StatusCode, bad.StatusCode));
        Assert.NotEmpty(await empty.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_page_is_there_for_the_administrator()
    {
        using var client = await app.SignedInClientAsync(Demo.Admin);

        var html = await client.GetStringAsync("/admin/person");

        Assert.Contains("data-testid=\"person-search\"", html);
    }
}
