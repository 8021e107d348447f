using System.Net;
using ConnectUi.Security.Outbound;

namespace ConnectUi.Tests.Security.Outbound;

/// <summary>A DNS server under the test's control: each resolution returns the next answer, the last one repeating.</summary>
public sealed class FakeResolver(params IPAddress[][] answers) : IHostResolver
{
    public int Calls { get; private set; }

    public Task<IPAddress[]> ResolveAsync(string hostname, CancellationToken cancellationToken)
    {
        var answer = answers.Length == 0 ? [] : answers[Math.Min(Calls, answers.Length - 1)];
        Calls++;
        return Task.FromResult(answer);
    }
}

/// <summary>Stands in for the socket connection: records where the guard would connect, and hands back an empty stream.</summary>
public sealed class RecordingConnector
{
    public List<IPEndPoint> EndPoints { get; } = [];

    public ValueTask<Stream> ConnectAsync(IPEndPoint endPoint, CancellationToken cancellationToken)
    {
        EndPoints.Add(endPoint);
        return ValueTask.FromResult<Stream>(new MemoryStream());
    }
}
