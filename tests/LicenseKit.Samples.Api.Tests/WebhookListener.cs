using System.Collections.Concurrent;
using System.Net;

namespace LicenseKit.Samples.Api.Tests;

/// <summary>
/// A webhook receiver on 127.0.0.1 (HttpListener): it never answers the first request (as a receiver stuck mid-delivery
/// would), and answers 204 to every later one, recording each request's <c>webhook-id</c> and answer.
/// </summary>
public sealed class WebhookListener : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<(string? WebhookId, int Status)> _requests = new();
    private readonly TaskCompletionSource _firstRequest = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task _loop;
    private int _count;

    public WebhookListener()
    {
        Url = $"http://127.0.0.1:{SampleProcess.FreePort()}/hooks/";
        _listener.Prefixes.Add(Url);
        _listener.Start();
        _loop = Task.Run(AcceptAsync);
    }

    public string Url { get; }

    /// <summary>Every request so far, with the status it was answered (0 for the one left hanging).</summary>
    public IReadOnlyList<(string? WebhookId, int Status)> Requests => [.. _requests];

    /// <summary>Completes when the first request arrives.</summary>
    public Task FirstRequest => _firstRequest.Task;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Close();
        await _loop.ContinueWith(_ => { }, TaskScheduler.Default);
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (HttpListenerException)
            {
                return;
            }

            var webhookId = context.Request.Headers["webhook-id"];
            if (Interlocked.Increment(ref _count) == 1)
            {
                _requests.Enqueue((webhookId, 0));
                _firstRequest.TrySetResult();
                continue; // left unanswered: the sender is killed while it waits
            }

            context.Response.StatusCode = 204;
            context.Response.Close();
            _requests.Enqueue((webhookId, 204));
        }
    }
}
