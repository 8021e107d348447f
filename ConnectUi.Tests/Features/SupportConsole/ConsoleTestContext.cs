using Bunit;
using ConnectUi.Connections;
using ConnectUi.Features.SupportConsole;
using ConnectUi.Journeys;
using ConnectUi.Staff.Audit;
using ConnectUi.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ConnectUi.Providers;

namespace ConnectUi.Tests.Features.SupportConsole;

/// <summary>A component test context with the console's services faked: visits in memory, a hand-driven feed, a fake clock.</summary>
public abstract class ConsoleTestContext : ComponentTestContext
{
    protected ConsoleTestContext()
    {
        Services.AddSingleton<TimeProvider>(Time);
        Directory = new FakeVisitDirectory(Time);
        Services.AddSingleton<IVisitDirectory>(Directory);
        Services.AddSingleton<IJourneyFeed>(Feed);
        Services.AddSingleton<IAuditLog>(Audit);
        Services.AddSupportConsole();
        var authorization = AddAuthorization();
        authorization.SetAuthorized("ann@example.com");
        authorization.SetRoles("admin");
    }

    protected FakeTimeProvider Time { get; } = new(TestServices.Now);
    protected FakeVisitDirectory Directory { get; }
    protected FakeJourneyFeed Feed { get; } = new();
    protected FakeAuditLog Audit { get; } = new();

    protected VisitSummary Visit(
        string code,
        string provider = "connectwise-psa",
        string? endUser = "acme-17",
        TimeSpan? idle = null,
        string? step = "step-2-get-your-client-id-and-api-keys",
        VerificationOutcome? outcome = null,
        int refusals = 0,
        VisitState state = VisitState.Active)
    {
        var now = Time.GetUtcNow();
        var visit = new VisitSummary(Guid.NewGuid(), code, provider, endUser, null, "en-GB", ViewportClass.Desktop,
            now - TimeSpan.FromMinutes(10), now - (idle ?? TimeSpan.Zero), step, outcome, refusals, state,
            state == VisitState.Active ? null : now, null);
        Directory.Visits.Add(visit);
        return visit;
    }
}
