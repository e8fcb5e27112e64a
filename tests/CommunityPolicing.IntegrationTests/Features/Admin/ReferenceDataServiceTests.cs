using CommunityPolicing.Testing;
using CommunityPolicing.Web.Domain;
using CommunityPolicing.Web.Features.Admin;
using CommunityPolicing.Web.Features.Appeals;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPolicing.IntegrationTests.Features.Admin;

[Collection(AppCollection.Name)]
public sealed class ReferenceDataServiceTests(TestApp app)
{
    [Fact]
    public async Task A_day_off_added_by_the_administrator_moves_the_next_appeals_deadline()
    {
        await using var chief = await app.SignedInAsync(Demo.Chief);
        var appeals = chief.ServiceProvider.GetRequiredService<AppealService>();
        var form = new AppealForm { CategoryId = 1, IsAnonymous = true, Description = "Шум" };
        var before = (await appeals.GetAsync((await appeals.CreateAsync(form)).Id))!.DueDate;

        await using var admin = await app.SignedInAsync(Demo.Admin);
        var reference = admin.ServiceProvider.GetRequiredService<ReferenceDataService>();
        var workingDay = before.AddDays(-1).DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? before.AddDays(-3) : before.AddDays(-1);
        var added = await reference.AddCalendarDayAsync(new CalendarDay { Jurisdiction = Jurisdiction.Kazakhstan, Date = workingDay, Kind = CalendarDayKind.DayOff, Name = "Тестовый выходной" });
        var after = (await appeals.GetAsync((await appeals.CreateAsync(form)).Id))!.DueDate;
        await reference.RemoveCalendarDayAsync(added.Id);

        Assert.True(added.Succeeded);
        Assert.True(after > before);
    }

    [Fact]
    public async Task Only_administrators_edit_categories_and_the_calendar_and_bad_input_is_refused()
    {
        await using var chief = await app.SignedInAsync(Demo.Chief);
        var asChief = chief.ServiceProvider.GetRequiredService<ReferenceDataService>();
        await using var admin = await app.SignedInAsync(Demo.Admin);
        var asAdmin = admin.ServiceProvider.GetRequiredService<ReferenceDataService>();
        var category = new AppealCategory { Code = "graffiti", NameEn = "Graffiti", NameRu = "Граффити", NameKk = "Граффити", NameTg = "Граффити", SortOrder = 20 };

        Assert.True((await asChief.SaveCategoryAsync(category)).NotFound);
        Assert.True((await asChief.AddCalendarDayAsync(new CalendarDay { Date = new DateOnly(2027, 6, 1), Name = "x" })).NotFound);
        Assert.Equal("Validation.Code", (await asAdmin.SaveCategoryAsync(new AppealCategory { Code = "Граф фити", NameEn = "a", NameRu = "b", NameKk = "c", NameTg = "c" })).Errors["Code"]);
        Assert.Equal("Validation.WorkingDayOnWeekend", (await asAdmin.AddCalendarDayAsync(
            new CalendarDay { Date = new DateOnly(2027, 6, 1), Kind = CalendarDayKind.WorkingDay, Name = "Вторник" })).Errors["Date"]);
        Assert.True((await asAdmin.SaveCategoryAsync(category)).Succeeded);
        Assert.Equal("Validation.AlreadyUsed", (await asAdmin.SaveCategoryAsync(category)).Errors["Code"]);
        Assert.Contains(await chief.ServiceProvider.GetRequiredService<AppealService>().CategoriesAsync(), c => c.Code == "graffiti");
    }

    [Fact]
    public async Task The_administrator_takes_a_category_off_Open311_and_a_complaint_about_officers_is_never_on_it()
    {
        await using var admin = await app.SignedInAsync(Demo.Admin);
        var asAdmin = admin.ServiceProvider.GetRequiredService<ReferenceDataService>();
        using var client = app.Factory.CreateClient();
        var hidden = new AppealCategory { Code = "internal-audit", NameEn = "Internal audit", NameRu = "Внутренний аудит", NameKk = "Ішкі аудит", NameTg = "Ішкі аудит", SortOrder = 21, IsPublic = false };
        var complaint = new AppealCategory { Code = "conduct", NameEn = "Conduct", NameRu = "Поведение", NameKk = "Мінез-құлық", NameTg = "Мінез-құлық", SortOrder = 22, IsComplaintAboutOfficer = true, IsPublic = true };

        Assert.True((await asAdmin.SaveCategoryAsync(hidden)).Succeeded);
        Assert.True((await asAdmin.SaveCategoryAsync(complaint)).Succeeded);

        var stored = (await asAdmin.CategoriesAsync()).Where(c => c.Code is "internal-audit" or "conduct").ToDictionary(c => c.Code, c => c.IsPublic);
        Assert.Equal(new Dictionary<string, bool> { ["internal-audit"] = false, ["conduct"] = false }, stored);
        var services = await client.GetStringAsync("/open311/v2/services.json");
        Assert.DoesNotContain("internal-audit", services);
        Assert.DoesNotContain("\"conduct\"", services);
    }

    [Fact]
    public async Task Administrators_set_how_long_a_training_counts()
    {
        await using var admin = await app.SignedInAsync(Demo.Admin);
        await using var chief = await app.SignedInAsync(Demo.Chief);
        var asAdmin = admin.ServiceProvider.GetRequiredService<ReferenceDataService>();
        var rule = (await asAdmin.TopicRulesAsync()).Single(r => r.Topic == TrainingTopic.PatrolTactics);

        Assert.True((await chief.ServiceProvider.GetRequiredService<ReferenceDataService>().SaveTopicRuleAsync(rule)).NotFound);
        Assert.Equal("Validation.Range", (await asAdmin.SaveTopicRuleAsync(new TrainingTopicRule { Topic = rule.Topic, ValidityMonths = 0 })).Errors["ValidityMonths"]);
        Assert.True((await asAdmin.SaveTopicRuleAsync(new TrainingTopicRule { Topic = rule.Topic, ValidityMonths = 36, RequiredForPatrol = false })).Succeeded);
        Assert.Equal(36, (await asAdmin.TopicRulesAsync()).Single(r => r.Topic == rule.Topic).ValidityMonths);
        await asAdmin.SaveTopicRuleAsync(rule);
    }
}
