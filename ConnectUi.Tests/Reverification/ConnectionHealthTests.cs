using ConnectUi.Connections;
using ConnectUi.Providers;

namespace ConnectUi.Tests.Reverification;

public sealed class ConnectionHealthTests
{
    [Fact]
    public void Every_outcome_has_a_meaning()
    {
        foreach (var outcome in Enum.GetValues<VerificationOutcome>())
        {
            _ = ConnectionHealth.MeaningOf(outcome);
        }
    }

    [Theory]
    [InlineData(VerificationOutcome.InvalidCredentials)]
    [InlineData(VerificationOutcome.IpNotAllowed)]
    [InlineData(VerificationOutcome.PermissionDenied)]
    [InlineData(VerificationOutcome.SettingRejected)]
    public void The_refusals_the_issue_names_count_towards_needs_relink(VerificationOutcome refusal)
    {
        var once = ConnectionHealth.After(ConnectionStatus.Healthy, 0, refusal);
        Assert.Equal((ConnectionStatus.Healthy, 1), once);
        Assert.Equal((ConnectionStatus.NeedsRelink, 2), ConnectionHealth.After(once.Status, once.ConsecutiveRefusals, refusal));
    }

    [Theory]
    [InlineData(VerificationOutcome.Timeout)]
    [InlineData(VerificationOutcome.Unreachable)]
    [InlineData(VerificationOutcome.HostNotFound)]
    [InlineData(VerificationOutcome.TlsFailure)]
    [InlineData(VerificationOutcome.ProviderError)]
    public void No_answer_is_unreachable_keeps_the_refusal_count_and_never_leaves_needs_relink(VerificationOutcome fault)
    {
        Assert.Equal((ConnectionStatus.Unreachable, 1), ConnectionHealth.After(ConnectionStatus.Healthy, 1, fault));
        Assert.Equal((ConnectionStatus.NeedsRelink, 2), ConnectionHealth.After(ConnectionStatus.NeedsRelink, 2, fault));
    }

    [Fact]
    public void A_rate_limit_changes_nothing_and_an_accepted_call_resets_everything()
    {
        Assert.Equal((ConnectionStatus.Unreachable, 1), ConnectionHealth.After(ConnectionStatus.Unreachable, 1, VerificationOutcome.RateLimited));
        Assert.Equal((ConnectionStatus.Healthy, 0), ConnectionHealth.After(ConnectionStatus.NeedsRelink, 5, VerificationOutcome.Verified));
    }
}
