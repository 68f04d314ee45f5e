using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LicenseKit.Webhooks.Tests.Support;

/// <summary>One request as the receiver saw it.</summary>
internal sealed record ReceivedAttempt(string Path, string? WebhookId, string? Timestamp, string? Signature, string? ContentType, byte[] Body);

/// <summary>
/// A real Kestrel server on 127.0.0.1 with a port of its own, recording every request and answering as the test's
/// <c>respond</c> callback decides (by 1-based attempt number).
/// </summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ReceivedAttempt> _attempts = new();
    private int _count;

    private WebhookReceiver(WebApplication app) => _app = app;

    public IReadOnlyList<ReceivedAttempt> Attempts => [.. _attempts];

    public Uri BaseAddress { get; private set; } = null!;

    public string UrlFor(string path) => new Uri(BaseAddress, path).ToString();

    public static async Task<WebhookReceiver> StartAsync(Func<int, HttpContext, Task> respond)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.Run(async context =>
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
            var headers = context.Request.Headers;
            receiver._attempts.Enqueue(new ReceivedAttempt(
                context.Request.Path,
                headers[WebhookHeaders.Id],
                headers[WebhookHeaders.Timestamp],
                headers[WebhookHeaders.Signature],
                context.Request.ContentType,
                buffer.ToArray()));
            await respond(Interlocked.Increment(ref receiver._count), context);
        });
        await app.StartAsync();
        receiver.BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
        return receiver;
    }

    /// <summary>Answers <paramref name="status"/> to the first <paramref name="failures"/> attempts, then 204.</summary>
    public static Func<int, HttpContext, Task> FailFirst(int failures, int status) => (attempt, context) =>
    {
        context.Response.StatusCode = attempt <= failures ? status : StatusCodes.Status204NoContent;
        return Task.CompletedTask;
    };

    /// <summary>Never answers the first <paramref name="failures"/> attempts (until the sender gives up on them), then 204.</summary>
    public static Func<int, HttpContext, Task> HangFirst(int failures) => async (attempt, context) =>
    {
        if (attempt <= failures)
        {
            try
            {
                await Task.Delay(Timeout.Infinite, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        context.Response.StatusCode = StatusCodes.Status204NoContent;
    };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
