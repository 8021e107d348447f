using System.Net.Http.Headers;
using System.Text.Json;
using ConnectUi.Providers;
using ConnectUi.Security.Outbound;
using Microsoft.Extensions.Options;

namespace ConnectUi.Tests.ThirdProvider.Tallybook;

/// <summary>Tallybook's test call: one read of the account the token is for.</summary>
public sealed class TallybookVerifier(
    HttpClient httpClient,
    IOptions<TallybookOptions> options,
    IOptions<OutboundOptions> outboundOptions,
    TimeProvider timeProvider) : IProviderVerifier
{
    public const string AccountPath = "v1/accounts/";

    public string ProviderId => TallybookProvider.Id;

    public async Task<VerificationResult> VerifyAsync(CredentialModel credentials, CancellationToken cancellationToken)
    {
        var tallybook = credentials as TallybookCredentials
            ?? throw new ArgumentException($"Expected {nameof(TallybookCredentials)}.", nameof(credentials));
        string?[] secrets = [tallybook.PrivateAppToken];
        var call = $"GET {AccountPath}{tallybook.AccountId}";
        var endpoint = new Uri(new Uri(options.Value.BaseUrl.TrimEnd('/') + "/"), AccountPath + Uri.EscapeDataString(tallybook.AccountId));
        var reply = await ProviderCall.SendAsync(
            httpClient,
            () => new HttpRequestMessage(HttpMethod.Get, endpoint)
            {
                Headers = { Authorization = new AuthenticationHeaderValue("Bearer", tallybook.PrivateAppToken) },
            },
            outboundOptions.Value.Timeout,
            timeProvider,
            cancellationToken);

        var error = ErrorCode(reply.Body);
        var details = TechnicalDetails.Describe(call, reply, providerCode: error, secrets: secrets);
        return reply switch
        {
            { Failure: CallFailure.Timeout } => Failed(VerificationOutcome.Timeout, details),
            { StatusCode: 200 } when AccountName(reply.Body) is { } name => new VerificationResult(VerificationOutcome.Verified, AccountLabel: name),
            { StatusCode: 401 } when error == "token_revoked" => Failed(TallybookOutcomes.TokenRevoked, details),
            { StatusCode: 401 } => Failed(VerificationOutcome.InvalidCredentials, details),
            { StatusCode: 403 } => Failed(VerificationOutcome.PermissionDenied, details),
            { StatusCode: 404 } => Failed(TallybookOutcomes.AccountNotFound, details),
            _ => Failed(VerificationOutcome.ProviderError, details),
        };
    }

    private static VerificationResult Failed(ProviderOutcome outcome, string details) =>
        VerificationResult.Failed(outcome, TallybookProblems.For(outcome, details));

    private static string? ErrorCode(string? body) => Read(body, "error");

    private static string? AccountName(string? body) => Read(body, "name");

    private static string? Read(string? body, string property)
    {
        try
        {
            using var json = JsonDocument.Parse(body ?? string.Empty);
            return json.RootElement.ValueKind == JsonValueKind.Object
                && json.RootElement.TryGetProperty(property, out var value)
                && value.ValueKind == JsonValueKind.String
                ? value.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
