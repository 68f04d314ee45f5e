using System.Net;

namespace LicenseKit.Client.Tests.Infrastructure;

/// <summary>The network between a client and the server: connected, unplugged, answering 500, or hanging until the caller gives up.</summary>
public sealed class NetworkSwitch : DelegatingHandler
{
    private int _requests;

    public NetworkMode Mode { get; set; } = NetworkMode.Connected;

    /// <summary>How many requests tried to go out, delivered or not.</summary>
    public int Requests => Volatile.Read(ref _requests);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _requests);
        switch (Mode)
        {
            case NetworkMode.Unplugged:
                throw new HttpRequestException("No route to host.", null, HttpStatusCode.ServiceUnavailable);
            case NetworkMode.ServerError:
                return new HttpResponseMessage(HttpStatusCode.InternalServerError) { RequestMessage = request };
            case NetworkMode.Hanging:
                await Task.Delay(Timeout.Infinite, cancellationToken);
                throw new InvalidOperationException("Unreachable: the delay only ends by cancellation.");
            default:
                return await base.SendAsync(request, cancellationToken);
        }
    }
}

public enum NetworkMode
{
    Connected,
    Unplugged,
    ServerError,
    Hanging,
}
