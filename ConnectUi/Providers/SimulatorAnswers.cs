namespace ConnectUi.Providers;

/// <summary>Answers every provider simulator gives the same way: a server error page and a call that never answers.</summary>
public static class SimulatorAnswers
{
    /// <summary>Longer than any sensible outbound timeout; the wait ends as soon as the caller gives up.</summary>
    public static readonly TimeSpan SlowAnswerDelay = TimeSpan.FromMinutes(5);

    public const string ErrorPage = "<!DOCTYPE html><html><head><title>500 Internal Server Error</title></head><body><h1>Internal Server Error</h1></body></html>";

    public static IResult ServerErrorPage() =>
        Results.Content(ErrorPage, "text/html", System.Text.Encoding.UTF8, StatusCodes.Status500InternalServerError);

    public static async Task<IResult> NeverAnswerAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(SlowAnswerDelay, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // The caller gave up, which is the point of this scenario.
        }

        return Results.Empty;
    }
}
