using CommunityPolicing.Testing;
using CommunityPolicing.Web.Features.Appeals;
using CommunityPolicing.Web.Features.PersonalData;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPolicing.IntegrationTests.Features.PersonalData;

/// <summary>A subject request finds a person's number however it was typed, and never another person's number that merely ends alike.</summary>
[Collection(AppCollection.Name)]
public sealed class PersonPhoneMatchTests(TestApp app)
{
    private async Task<string> AppealAsync(string name, string phone)
    {
        await using var chief = await app.SignedInAsync(Demo.Chief);
        var appeals = chief.ServiceProvider.GetRequiredService<AppealService>();
        var saved = await appeals.CreateAsync(new AppealForm { CategoryId = 1, ApplicantName = name, ApplicantPhone = phone, Description = "Шумят соседи" });
        Assert.True(saved.Succeeded, string.Join(", ", saved.Errors.Values));
        return (await appeals.GetAsync(saved.Id))!.RegistrationNumber;
    }

    private async Task<List<string>> FoundAsync(string phone)
    {
        await using var admin = await app.SignedInAsync(Demo.Admin);
        var matches = await admin.ServiceProvider.GetRequiredService<PersonalDataService>().SearchAsync(new PersonQuery { Phone = phone });
        return [.. matches!.Appeals.Select(a => a.RegistrationNumber)];
    }

    [Fact]
    public async Task The_same_number_typed_differently_matches_and_a_part_or_another_country_does_not()
    {
        var local = $"{Random.Shared.Next(100, 999)} {Random.Shared.Next(10, 99)} {Random.Shared.Next(10, 99)}";
        var digits = local.Replace(" ", "");
        var international = await AppealAsync("Номеров Ержан", $"+7 708 {local}");
        var domestic = await AppealAsync("Номеров Ержан", $"8 (708) {local}");
        var abroad = await AppealAsync("Номеров Ержан", $"+1 708 {local}"); // the same ten digits in another country

        Assert.Equal([international, domestic], await FoundAsync("8708" + digits));
        Assert.Equal([international, domestic], await FoundAsync($"+7 (708) {local.Replace(' ', '-')}"));
        Assert.Equal([abroad], await FoundAsync("+1708" + digits));
        Assert.Empty(await FoundAsync(digits)); // the last seven digits are not the number
        Assert.Empty(await FoundAsync("708" + digits)); // nor the last ten
    }
}
