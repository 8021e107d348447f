namespace ConnectUi.Tests.Hardening;

/// <summary>What each <see cref="Fault"/> must lead to, whatever the provider.</summary>
public static class FaultExpectations
{
    /// <summary>What the support line must say, so the right cause was found and not just the right outcome.</summary>
    public static string ExpectedDetail(Fault fault) => fault switch
    {
        Fault.ConnectionRefused => "Unreachable",
        Fault.ResetMidBody => "ConnectionLost",
        Fault.NeverAnswers or Fault.EndlessTrickle => "Timeout",
        Fault.Status500 => "HTTP 500",
        Fault.Status502 => "HTTP 502",
        Fault.Status503 => "HTTP 503",
        Fault.TooManyRequests => "HTTP 429",
        Fault.InvalidTls => "TlsFailure",
        Fault.Garbage or Fault.TruncatedJson or Fault.DeeplyNestedJson => "body is not the expected JSON",
        Fault.HtmlLoginPage => "HTML body (text/html)",
        Fault.EmptyBody => "empty body",
        Fault.HugeStreamedBody or Fault.HugeDeclaredBody => "body larger than the size cap",
        _ => throw new ArgumentOutOfRangeException(nameof(fault)),
    };

    /// <summary>
    /// Short only where the timeout is the point, and a little longer when a healthy call must finish first; generous
    /// elsewhere so a busy machine cannot turn another fault into a timeout. Even the short ones leave a loaded machine
    /// time to deliver the retry to the faulty provider before it times out (at 500 ms, a run at load 30 did not).
    /// </summary>
    public static TimeSpan Timeout(Fault fault, bool afterHealthyCall = false) => fault switch
    {
        Fault.NeverAnswers or Fault.EndlessTrickle => TimeSpan.FromMilliseconds(afterHealthyCall ? 2_000 : 1_500),
        _ => TimeSpan.FromSeconds(15),
    };
}
