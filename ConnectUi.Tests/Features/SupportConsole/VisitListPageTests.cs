using Bunit;
using ConnectUi.Connections;
using ConnectUi.Features.SupportConsole;
using ConnectUi.Journeys;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using ConnectUi.Providers;

namespace ConnectUi.Tests.Features.SupportConsole;

public sealed class VisitListPageTests : ConsoleTestContext
{
    private static IReadOnlyList<string> Codes(IRenderedComponent<VisitListPage> page) =>
        page.FindAll("[data-testid=visit-link]").Select(a => a.TextContent).ToArray();

    private static AngleSharp.Dom.IElement RowOf(IRenderedComponent<VisitListPage> page, string code) =>
        page.FindAll("[data-testid=visit-row]").Single(r => r.QuerySelector("[data-testid=visit-link]")!.TextContent == code);

    private static string StateOf(IRenderedComponent<VisitListPage> page, string code) =>
        RowOf(page, code).QuerySelector("[data-testid=visit-state]")!.GetAttribute("data-state")!;

    [Fact]
    public void Lists_the_visits_with_provider_end_user_step_outcome_and_how_long_ago()
    {
        Visit("ACE347", idle: TimeSpan.FromMinutes(3), outcome: VerificationOutcome.SettingRejected, refusals: 1);

        var page = Render<VisitListPage>();

        var cells = page.Find("[data-testid=visit-row]").QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray();
        Assert.Equal("ACE-347", cells[0]);
        Assert.Equal("ConnectWise PSA", cells[1]);
        Assert.Equal("acme-17", cells[2]);
        Assert.StartsWith("Step 2: ", cells[3], StringComparison.Ordinal);
        Assert.Equal(SupportConsoleStrings.OutcomeSettingRejected, cells[4]);
        Assert.Equal(string.Format(SupportConsoleStrings.AgoMinutes, 3), cells[5]);
        Assert.Equal(SupportConsoleStrings.StateActive, cells[6]);
    }

    [Fact]
    public void Two_refusals_or_five_idle_minutes_raise_the_stuck_flag_as_the_clock_moves()
    {
        Visit("ACE347", refusals: 2, outcome: VerificationOutcome.InvalidCredentials);
        Visit("HJK679", idle: TimeSpan.FromMinutes(4));
        Visit("MNP349", idle: TimeSpan.FromMinutes(4), state: VisitState.Connected);

        var page = Render<VisitListPage>();
        Assert.Equal("stuck", StateOf(page, "ACE-347"));
        Assert.Equal("active", StateOf(page, "HJK-679"));

        Time.Advance(TimeSpan.FromMinutes(1));

        page.WaitForAssertion(() => Assert.Equal("stuck", StateOf(page, "HJK-679")));
        Assert.Equal("connected", StateOf(page, "MNP-349"));
        Assert.Contains(SupportConsoleStrings.StateStuck, RowOf(page, "HJK-679").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Filters_by_provider_outcome_end_user_and_stuck()
    {
        Visit("ACE347", endUser: "acme-17", outcome: VerificationOutcome.IpNotAllowed, provider: "konnektive", step: null);
        Visit("HJK679", endUser: "globex-3", outcome: VerificationOutcome.InvalidCredentials, refusals: 2);
        Visit("MNP349", endUser: "acme-99", idle: TimeSpan.FromMinutes(1));
        var page = Render<VisitListPage>();
        Assert.Equal(3, Codes(page).Count);

        page.Find("[data-testid=filter-provider]").Change("konnektive");
        Assert.Equal(["ACE-347"], Codes(page));

        page.Find("[data-testid=filter-provider]").Change(string.Empty);
        page.Find("[data-testid=filter-outcome]").Change(nameof(VerificationOutcome.InvalidCredentials));
        Assert.Equal(["HJK-679"], Codes(page));

        page.Find("[data-testid=filter-outcome]").Change(string.Empty);
        page.Find("[data-testid=filter-end-user]").Change("acme");
        Assert.Equal(["ACE-347", "MNP-349"], Codes(page));

        page.Find("[data-testid=filter-end-user]").Change(string.Empty);
        page.Find("[data-testid=filter-stuck]").Change(true);
        Assert.Equal(["HJK-679"], Codes(page));
        Assert.Equal(string.Format(SupportConsoleStrings.VisitCount, 1), page.Find("[data-testid=visit-count]").TextContent);
    }

    [Fact]
    public async Task A_visit_reported_by_the_feed_appears_and_moves_without_reloading()
    {
        var page = Render<VisitListPage>();
        Assert.NotNull(page.Find("[data-testid=no-visits]"));

        var visit = Visit("ACE347");
        Directory.Visits.Clear();
        await page.InvokeAsync(() => Feed.PublishAsync(new JourneyUpdate(visit, new JourneyEvent(1, visit.Id, visit.StartedAt, JourneyEventKind.PageOpened)), default));
        page.WaitForAssertion(() => Assert.Equal(["ACE-347"], Codes(page)));

        var refused = visit with { LastOutcome = VerificationOutcome.InvalidCredentials, RefusalCount = 2 };
        await page.InvokeAsync(() => Feed.PublishAsync(new JourneyUpdate(refused, new JourneyEvent(2, visit.Id, visit.StartedAt, JourneyEventKind.Outcome)), default));
        page.WaitForAssertion(() => Assert.Equal("stuck", StateOf(page, "ACE-347")));
        Assert.Single(page.FindAll("[data-testid=visit-row]"));
    }

    [Fact]
    public void Finding_by_support_code_opens_the_visit_and_explains_a_miss()
    {
        var visit = Visit("ACE347");
        var page = Render<VisitListPage>();

        page.Find("[data-testid=find-code]").Input("hjk-679");
        page.Find("form.console-find").Submit();
        Assert.Equal(string.Format(SupportConsoleStrings.CodeNotFound, "HJK-679"), page.Find("[data-testid=find-code-problem]").TextContent);

        page.Find("[data-testid=find-code]").Input("OOO");
        page.Find("form.console-find").Submit();
        Assert.Equal(SupportConsoleStrings.CodeMalformed, page.Find("[data-testid=find-code-problem]").TextContent);

        page.Find("[data-testid=find-code]").Input(" ace 347 ");
        page.Find("form.console-find").Submit();
        page.WaitForAssertion(() => Assert.EndsWith($"/support/visits/{visit.Id}", Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal));
    }

    [Fact]
    public void Leaving_the_page_ends_its_feed_subscription()
    {
        var page = Render<VisitListPage>();
        Assert.Equal(1, Feed.SubscriberCount);
        page.Instance.Dispose();
        Assert.Equal(0, Feed.SubscriberCount);
    }
}
