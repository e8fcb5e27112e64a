using CommunityPolicing.Web.Domain;

namespace CommunityPolicing.UnitTests.Domain;

public sealed class AppealWorkflowTests
{
    [Theory]
    [InlineData(AppealStatus.Registered, AppealEventKind.Assigned, AppealStatus.Assigned)]
    [InlineData(AppealStatus.Assigned, AppealEventKind.Started, AppealStatus.InProgress)]
    [InlineData(AppealStatus.InProgress, AppealEventKind.Answered, AppealStatus.Answered)]
    [InlineData(AppealStatus.Answered, AppealEventKind.Closed, AppealStatus.Closed)]
    [InlineData(AppealStatus.Assigned, AppealEventKind.Redirected, AppealStatus.Redirected)]
    [InlineData(AppealStatus.Redirected, AppealEventKind.Closed, AppealStatus.Closed)]
    [InlineData(AppealStatus.InProgress, AppealEventKind.Extended, AppealStatus.InProgress)]
    [InlineData(AppealStatus.Answered, AppealEventKind.Rated, AppealStatus.Answered)]
    public void Lawful_steps_lead_to_the_next_status(AppealStatus from, AppealEventKind step, AppealStatus to)
    {
        Assert.True(AppealWorkflow.CanApply(from, step));
        Assert.Equal(to, AppealWorkflow.After(from, step));
    }

    [Theory]
    [InlineData(AppealStatus.Registered, AppealEventKind.Started)]
    [InlineData(AppealStatus.Registered, AppealEventKind.Closed)]
    [InlineData(AppealStatus.Answered, AppealEventKind.Answered)]
    [InlineData(AppealStatus.Answered, AppealEventKind.Extended)]
    [InlineData(AppealStatus.Closed, AppealEventKind.Assigned)]
    [InlineData(AppealStatus.Closed, AppealEventKind.Redirected)]
    [InlineData(AppealStatus.InProgress, AppealEventKind.Rated)]
    public void Unlawful_steps_are_refused(AppealStatus from, AppealEventKind step) => Assert.False(AppealWorkflow.CanApply(from, step));

    [Fact]
    public void A_closed_appeal_has_no_next_step() => Assert.Empty(AppealWorkflow.NextSteps(AppealStatus.Closed));
}
