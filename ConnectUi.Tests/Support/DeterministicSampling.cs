using CsCheck;

namespace ConnectUi.Tests.Support;

/// <summary>
/// Property checks over the same inputs every run: CsCheck only replays a given seed for the first iteration,
/// so each sample gets its own fixed seed, which a failure reports.
/// </summary>
public static class DeterministicSampling
{
    public static void SampleDeterministically<T>(this Gen<T> gen, Action<T> assert, int count)
    {
        for (var i = 1UL; i <= (ulong)count; i++)
        {
            gen.Sample(assert, seed: new PCG(1, i).ToString(), iter: 1, threads: 1);
        }
    }

    public static async Task SampleDeterministicallyAsync<T>(this Gen<T> gen, Func<T, Task> assert, int count)
    {
        for (var i = 1UL; i <= (ulong)count; i++)
        {
            await gen.SampleAsync(assert, seed: new PCG(1, i).ToString(), iter: 1, threads: 1);
        }
    }
}
