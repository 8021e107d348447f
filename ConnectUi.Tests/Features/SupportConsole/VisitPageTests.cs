using Bunit;
using ConnectUi.Connections;
using ConnectUi.Features.SupportConsole;
using ConnectUi.Journeys;
using ConnectUi.Providers.ConnectWisePsa;
using ConnectUi.Staff.Audit;
using ConnectUi.Providers;

namespace ConnectUi.Tests.Features.SupportConsole;

public sealed class VisitPageTests : ConsoleTestContext
{
    private static IReadOnlyList<string> Titles(IRenderedComponent<VisitPage> page) =>
        page.FindAll("[data-testid=timeline-event] .timeline__title").Select(t => t.TextContent).ToArray();

    private JourneyEvent Event(VisitSummary visit, long id, JourneyEventKind kind) =>
        new(id, visit.Id, Time.GetUtcNow(), kind);

    [Fact]
    public async Task The_timeline_grows_live_with_the_invalid_field_then_the_refusal_and_what_to_tell_the_customer()
    {
        var visit = Visit("ACE347");
        Directory.Events.Add(Event(visit, 1, JourneyEventKind.PageOpened) with { Detail = "en-GB, Desktop" });
        var page = Render<VisitPage>(p => p.Add(x => x.VisitId, visit.Id));
        Assert.Equal([string.Format(SupportConsoleStrings.EventPageOpenedWith, "en-GB, Desktop")], Titles(page));

        var invalid = Event(visit, 2, JourneyEventKind.FieldInvalid) with
        {
            Field = nameof(ConnectWisePsaCredentials.Username), Rule = "PredicateValidator", Message = "Use companyId+publicKey.",
        };
        await page.InvokeAsync(() => Feed.PublishAsync(new JourneyUpdate(visit, invalid), default));

        page.WaitForAssertion(() => Assert.Equal(string.Format(SupportConsoleStrings.EventFieldInvalid, "Username", "PredicateValidator"), Titles(page)[0]));
        Assert.Contains("Use companyId+publicKey.", page.Find("[data-testid=customer-message]").TextContent, StringComparison.Ordinal);

        var refusal = Event(visit, 3, JourneyEventKind.Outcome) with
        {
            Outcome = VerificationOutcome.InvalidCredentials, Message = "ConnectWise PSA did not accept the keys.",
            Field = "Username, Password", Step = ConnectWisePsaProvider.Steps.ClientIdAndKeys, TechnicalDetails = "GET /system/info; HTTP 401",
        };
        var refused = visit with { LastOutcome = VerificationOutcome.InvalidCredentials, RefusalCount = 1, CurrentStep = ConnectWisePsaProvider.Steps.ClientIdAndKeys };
        await page.InvokeAsync(() => Feed.PublishAsync(new JourneyUpdate(refused, refusal), default));

        page.WaitForAssertion(() => Assert.Equal(3, Titles(page).Count));
        // Newest first: the refusal heads the timeline (Titles keeps the order), and it is the one outcome event.
        Assert.Equal("Outcome", page.Find("[data-testid=timeline-event]").GetAttribute("data-kind"));
        var newest = page.Find("[data-testid=timeline-event][data-kind=Outcome]");
        Assert.Contains("ConnectWise PSA did not accept the keys.", newest.QuerySelector("[data-testid=customer-message]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(ConnectWisePsaStaffStrings.GuidanceInvalidCredentials, newest.QuerySelector("[data-testid=staff-guidance] p")!.TextContent);
        Assert.Contains("Username, Password", newest.TextContent, StringComparison.Ordinal);
        Assert.Contains("HTTP 401", newest.TextContent, StringComparison.Ordinal);
        Assert.Equal(SupportConsoleStrings.OutcomeInvalidCredentials, page.Find("[data-testid=visit-outcome]").TextContent);
    }

    [Fact]
    public async Task An_event_from_another_visit_or_seen_twice_is_not_added()
    {
        var visit = Visit("ACE347");
        var other = Visit("HJK679");
        Directory.Events.Add(Event(visit, 1, JourneyEventKind.PageOpened));
        var page = Render<VisitPage>(p => p.Add(x => x.VisitId, visit.Id));

        await page.InvokeAsync(() => Feed.PublishAsync(new JourneyUpdate(other, Event(other, 2, JourneyEventKind.Submitted)), default));
        await page.InvokeAsync(() => Feed.PublishAsync(new JourneyUpdate(visit, Event(visit, 1, JourneyEventKind.PageOpened)), default));

        Assert.Single(Titles(page));
    }

    [Fact]
    public void Times_follow_the_clock_and_idle_visits_say_they_are_stuck()
    {
        var visit = Visit("ACE347");
        Directory.Events.Add(Event(visit, 1, JourneyEventKind.Submitted));
        var page = Render<VisitPage>(p => p.Add(x => x.VisitId, visit.Id));
        Assert.Equal(SupportConsoleStrings.AgoJustNow, page.Find(".timeline__when time").TextContent);
        Assert.Empty(page.FindAll("[data-testid=stuck-alert]"));

        Time.Advance(TimeSpan.FromMinutes(5));

        page.WaitForAssertion(() => Assert.Equal(string.Format(SupportConsoleStrings.AgoMinutes, 5), page.Find(".timeline__when time").TextContent));
        Assert.Equal(string.Format(SupportConsoleStrings.StuckIdle, 5), page.Find("[data-testid=stuck-alert]").TextContent.Trim());
    }

    [Fact]
    public void Viewing_a_visit_is_audited_with_who_and_which_code()
    {
        var visit = Visit("ACE347");
        Render<VisitPage>(p => p.Add(x => x.VisitId, visit.Id));

        var entry = Assert.Single(Audit.Entries);
        Assert.Equal(("ann@example.com", AuditAction.VisitViewed, "ACE-347"), (entry.Actor, entry.Action, entry.Subject));
    }

    [Fact]
    public void An_unknown_visit_says_so()
    {
        var page = Render<VisitPage>(p => p.Add(x => x.VisitId, Guid.NewGuid()));
        Assert.Equal(SupportConsoleStrings.VisitNotFoundTitle, page.Find("h1").TextContent);
        Assert.Empty(Audit.Entries);
    }
}
