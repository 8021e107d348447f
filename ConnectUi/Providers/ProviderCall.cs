using System.Net.Sockets;
using System.Security.Authentication;
using ConnectUi.Security.Outbound;

namespace ConnectUi.Providers;

/// <summary>How a provider call failed before an HTTP answer arrived.</summary>
public enum CallFailure
{
    Timeout,
    HostNotFound,
    HostNotAllowed,
    TlsFailure,
    Unreachable,

    /// <summary>The connection dropped mid-answer: worth one more try.</summary>
    ConnectionLost,
}

/// <summary>One attempt's ending: an HTTP answer with its (size-capped) body, or a transport failure.</summary>
public sealed record CallReply
{
    public int? StatusCode { get; init; }

    /// <summary>The body as text; null when it passed the size cap or no answer came.</summary>
    public string? Body { get; init; }

    public bool BodyTooLarge { get; init; }

    public string? MediaType { get; init; }

    public CallFailure? Failure { get; init; }

    /// <summary>The guard's reason for a <see cref="CallFailure.HostNotAllowed"/>; never holds a secret.</summary>
    public string? FailureReason { get; init; }

    public TimeSpan Elapsed { get; init; }

    public bool IsServerError => StatusCode is >= 500;

    public bool IsRedirect => StatusCode is >= 300 and < 400;
}

/// <summary>
/// Sends one request with the outbound limits every verifier shares: a timeout told apart from the
/// caller's cancellation, headers-first reading and a body size cap. Retry decisions stay with the verifier,
/// which alone knows whether an answer was an authentication failure.
/// </summary>
public static class ProviderCall
{
    public static async Task<CallReply> SendAsync(
        HttpClient client,
        Func<HttpRequestMessage> createRequest,
        TimeSpan timeout,
        TimeProvider timeProvider,
        CancellationToken cancellationToken,
        int maxBodyBytes = LimitedBody.DefaultMaxBytes)
    {
        var started = timeProvider.GetTimestamp();
        using var timeoutSource = new CancellationTokenSource(timeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutSource.Token);
        try
        {
            using var request = createRequest();
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
            var body = await LimitedBody.ReadAsStringAsync(response.Content, linked.Token, maxBodyBytes).ConfigureAwait(false);
            return new CallReply
            {
                StatusCode = (int)response.StatusCode,
                Body = body,
                BodyTooLarge = body is null,
                MediaType = response.Content.Headers.ContentType?.MediaType,
                Elapsed = timeProvider.GetElapsedTime(started),
            };
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (ex is OperationCanceledException || timeoutSource.IsCancellationRequested)
        {
            return Failed(CallFailure.Timeout);
        }
        catch (Exception ex) when (Find<HostNotAllowedException>(ex) is { } refused)
        {
            return Failed(CallFailure.HostNotAllowed, refused.Message);
        }
        catch (Exception ex)
        {
            return Failed(Classify(ex));
        }

        CallReply Failed(CallFailure failure, string? reason = null) =>
            new() { Failure = failure, FailureReason = reason, Elapsed = timeProvider.GetElapsedTime(started) };
    }

    private static CallFailure Classify(Exception ex)
    {
        var socket = Find<SocketException>(ex);
        if (socket?.SocketErrorCode is SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain
            || ex is HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError })
        {
            return CallFailure.HostNotFound;
        }

        if (Find<AuthenticationException>(ex) is not null
            || ex is HttpRequestException { HttpRequestError: HttpRequestError.SecureConnectionError })
        {
            return CallFailure.TlsFailure;
        }

        if (socket?.SocketErrorCode is SocketError.ConnectionReset or SocketError.ConnectionAborted
            || ex is HttpRequestException { HttpRequestError: HttpRequestError.ResponseEnded or HttpRequestError.HttpProtocolError }
            || ex is IOException)
        {
            return CallFailure.ConnectionLost;
        }

        return CallFailure.Unreachable;
    }

    private static T? Find<T>(Exception? ex) where T : Exception
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            if (ex is T match)
            {
                return match;
            }
        }

        return null;
    }
}
