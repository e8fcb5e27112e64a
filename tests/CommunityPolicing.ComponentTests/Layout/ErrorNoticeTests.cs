using System.Globalization;
using Bunit;
using CommunityPolicing.Web.Components.Layout;
using CommunityPolicing.Web.Components.Shared;
using CommunityPolicing.Web.Data;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace CommunityPolicing.ComponentTests.Layout;

/// <summary>What the layout's error boundary shows, and the reconnect display Blazor toggles.</summary>
public sealed class ErrorNoticeTests : ComponentTest
{
    [Fact]
    public void A_database_outage_after_retries_is_a_try_again_notice_that_recovers_the_page()
    {
        var retried = 0;
        var outage = new RetryLimitExceededException("retries exhausted", new NpgsqlException("Failed to connect to 127.0.0.1:55432"));

        var notice = Render<ErrorNotice>(p => p.Add(n => n.Error, outage).Add(n => n.OnRetry, () => retried++));

        Assert.Contains("The database is unavailable at the moment", notice.Find("[data-testid=database-unavailable]").TextContent);
        Assert.Empty(notice.FindAll("[data-testid=page-error]"));
        notice.Find("[data-testid=database-unavailable] button").Click();
        Assert.Equal(1, retried);
    }

    [Fact]
    public void An_unknown_commit_outcome_is_an_outage_too_and_other_errors_offer_a_reload_without_details()
    {
        var unknown = Render<ErrorNotice>(p => p.Add(n => n.Error, new DatabaseUnavailableException("outcome unknown")));
        var other = Render<ErrorNotice>(p => p.Add(n => n.Error, new InvalidOperationException("secret stack detail")));

        Assert.NotEmpty(unknown.FindAll("[data-testid=database-unavailable]"));
        Assert.NotEmpty(other.FindAll("[data-testid=page-error]"));
        Assert.DoesNotContain("secret stack detail", other.Markup);
    }

    [Fact]
    public void The_reconnect_display_is_the_apps_own_and_speaks_the_users_language()
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("ru");

        var modal = Render<ReconnectModal>();

        Assert.NotNull(modal.Find("#components-reconnect-modal")); // Blazor then toggles its classes instead of its own modal
        Assert.Contains("Соединение с сервером потеряно", modal.Markup);
        Assert.Contains("Обновите страницу", modal.Markup);
    }
}
