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
        var category = new AppealCategory { Code = "graffiti", NameEn = "Graffiti", NameRu = "Граффити", NameKk = "Граффити", SortOrder = 20 };

        Assert.True((await asChief.SaveCategoryAsync(category)).NotFound);
        Assert.True((await asChief.AddCalendarDayAsync(new CalendarDay { Date = new DateOnly(2027, 6, 1), Name = "x" })).NotFound);
        Assert.Equal("Validation.Code", (await asAdmin.SaveCategoryAsync(new AppealCategory { Code = "Граф фити", NameEn = "a", NameRu = "b", NameKk = "c" })).Errors["Code"]);
        Assert.Equal("Validation.WorkingDayOnWeekend", (await asAdmin.AddCalendarDayAsync(
            new CalendarDay { Date = new DateOnly(2027, 6, 1), Kind = CalendarDayKind.WorkingDay, Name = "Вторник" })).Errors["Date"]);
        Assert.True((await asAdmin.SaveCategoryAsync(category)).Succeeded);
        Assert.Equal("Validation.AlreadyUsed", (await asAdmin.SaveCategoryAsync(category)).Errors["Code"]);
        Assert.Contains(await chief.ServiceProvider.GetRequiredService<AppealService>().CategoriesAsync(), c => c.Code == "graffiti");
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
