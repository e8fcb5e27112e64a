using System.Globalization;
using Bunit;
using CommunityPolicing.Web.Components.Shared;
using CommunityPolicing.Web.Domain;
using CommunityPolicing.Web.Features.Patrols;

namespace CommunityPolicing.ComponentTests.Features.Dashboards;

public sealed class WidgetTests : ComponentTest
{
    [Fact]
    public void A_bar_list_draws_each_bar_in_proportion_to_the_largest_and_writes_the_figure()
    {
        var cut = Render<BarList>(p => p
            .Add(b => b.Items, [("Public order", 40d, "/appeals?category=1"), ("Fraud", 10d, null), ("Noise", 0d, null)])
            .Add(b => b.Title, "Appeals by category"));

        var bars = cut.FindAll(".bar").Select(b => b.GetAttribute("style")).ToList();
        Assert.Equal(["width: 100%", "width: 25%", "width: 0%"], bars);
        Assert.Equal(["40", "10", "0"], cut.FindAll(".bar-value").Select(v => v.TextContent));
        Assert.Equal("/appeals?category=1", cut.Find(".bar-label a").GetAttribute("href"));
        Assert.Equal("Appeals by category", cut.Find("[role=table]").GetAttribute("aria-label"));
    }

    [Fact]
    public void An_empty_bar_list_says_so_instead_of_drawing_nothing()
    {
        var cut = Render<BarList>(p => p.Add(b => b.Items, []).Add(b => b.Empty, "No appeals in this period."));

        Assert.Empty(cut.FindAll(".bar"));
        Assert.Contains("No appeals in this period.", cut.Markup);
    }

    [Fact]
    public void A_figure_shows_its_value_and_marks_a_warning()
    {
        var cut = Render<Figure>(p => p.Add(f => f.Label, "Overdue").Add(f => f.Value, "11").Add(f => f.Warn, true).Add(f => f.TestId, "overdue-count"));

        Assert.Equal("11", cut.Find("[data-testid=overdue-count] .figure-value").TextContent);
        Assert.Contains("warn", cut.Find(".figure-value").ClassList);
    }

    [Fact]
    public void The_patrol_status_chip_names_the_status_in_the_users_language()
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("ru");

        var cut = Render<PatrolStatusChip>(p => p.Add(c => c.Status, PatrolStatus.Completed));

        Assert.Contains("Проведён", cut.Markup);
    }
}
