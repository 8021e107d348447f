using System.Collections.Concurrent;
using Microsoft.JSInterop;

namespace ConnectUi.Tests.Support;

/// <summary>A browser whose script imports complete when the test says so, one pending task per import.</summary>
public sealed class ScriptedBrowser : IJSRuntime
{
    public List<TaskCompletionSource<IJSObjectReference>> Imports { get; } = [];

    public List<string> ImportedPaths { get; } = [];

    public RecordingModule Module { get; } = new();

    public async ValueTask<TValue> InvokeAsync<TValue>(string identifier, object?[]? args)
    {
        Assert.Equal("import", identifier);
        ImportedPaths.Add((string)args![0]!);
        var import = new TaskCompletionSource<IJSObjectReference>();
        Imports.Add(import);
        return (TValue)await import.Task;
    }

    public ValueTask<TValue> InvokeAsync<TValue>(string identifier, CancellationToken cancellationToken, object?[]? args) =>
        InvokeAsync<TValue>(identifier, args);
}

/// <summary>A script module that records each call as <c>name(arguments)</c>; a string result is that text.</summary>
public sealed class RecordingModule : IJSObjectReference
{
    private readonly ConcurrentQueue<string> _calls = new();
    private int _disposals;

    public IEnumerable<string> Calls => _calls;

    public int Disposals => _disposals;

    public Exception? DisposeFailure { get; set; }

    public ValueTask<TValue> InvokeAsync<TValue>(string identifier, object?[]? args)
    {
        var call = $"{identifier}({string.Join(",", args ?? [])})";
        _calls.Enqueue(call);
        return ValueTask.FromResult(typeof(TValue) == typeof(string) ? (TValue)(object)call : default(TValue)!);
    }

    public ValueTask<TValue> InvokeAsync<TValue>(string identifier, CancellationToken cancellationToken, object?[]? args) =>
        InvokeAsync<TValue>(identifier, args);

    public ValueTask DisposeAsync()
    {
        Interlocked.Increment(ref _disposals);
        return DisposeFailure is null ? ValueTask.CompletedTask : ValueTask.FromException(DisposeFailure);
    }
}
