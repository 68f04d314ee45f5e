using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace LicenseKit.Client.Internal;

/// <summary>
/// Calls the activation endpoints. Every outcome is a value: a response, or a failure state (the server's verdict,
/// <see cref="LicenseStateCode.ServerUnreachable"/> for network errors, timeouts, 408, 429 and 5xx, or
/// <see cref="LicenseStateCode.Rejected"/>). Only the caller's own cancellation escapes as an exception.
/// </summary>
internal sealed class LicenseServerApi(Func<HttpClient> httpClients, Uri serverUrl, string? apiKey)
{
    private static readonly MediaTypeHeaderValue JsonMediaType = new("application/json");

    public Task<(ActivateResponse? Response, LicenseState? Failure)> ActivateAsync(ActivateRequest request, CancellationToken cancellationToken) =>
        PostAsync("activate", request, LicenseClientJsonContext.Default.ActivateRequest, LicenseClientJsonContext.Default.ActivateResponse, cancellationToken);

    public Task<(ValidateResponse? Response, LicenseState? Failure)> ValidateAsync(ValidateRequest request, CancellationToken cancellationToken) =>
        PostAsync("validate", request, LicenseClientJsonContext.Default.ValidateRequest, LicenseClientJsonContext.Default.ValidateResponse, cancellationToken);

    public Task<(ActivateResponse? Response, LicenseState? Failure)> HeartbeatAsync(HeartbeatRequest request, CancellationToken cancellationToken) =>
        PostAsync("heartbeat", request, LicenseClientJsonContext.Default.HeartbeatRequest, LicenseClientJsonContext.Default.ActivateResponse, cancellationToken);

    public async Task<LicenseState?> DeactivateAsync(DeactivateRequest request, CancellationToken cancellationToken)
    {
        var (_, failure) = await PostAsync<DeactivateRequest, object>("deactivate", request, LicenseClientJsonContext.Default.DeactivateRequest, null, cancellationToken).ConfigureAwait(false);
        return failure;
    }

    private async Task<(TResponse? Response, LicenseState? Failure)> PostAsync<TRequest, TResponse>(
        string path, TRequest body, JsonTypeInfo<TRequest> requestType, JsonTypeInfo<TResponse>? responseType, CancellationToken cancellationToken)
        where TResponse : class
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(serverUrl, path))
            {
                Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, requestType)) { Headers = { ContentType = JsonMediaType } },
            };
            if (apiKey is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
            }

            using var response = await httpClients().SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (IsTransient(response.StatusCode))
            {
                return (null, Unreachable($"The server answered {(int)response.StatusCode} {response.ReasonPhrase}."));
            }

            if (!response.IsSuccessStatusCode)
            {
                return (null, await ReadProblemAsync(response, cancellationToken).ConfigureAwait(false));
            }

            if (responseType is null)
            {
                return (null, null);
            }

            var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                var value = await JsonSerializer.DeserializeAsync(stream, responseType, cancellationToken).ConfigureAwait(false);
                return value is null ? (null, Unusable("The server's answer was empty.")) : (value, null);
            }
        }
        catch (JsonException ex)
        {
            return (null, Unusable($"The server's answer is not the expected JSON: {ex.Message}"));
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Connection failures, DNS, TLS, timeouts (HttpClient's or a resilience handler's): the server is out of reach.
            return (null, Unreachable(ex.Message));
        }
    }

    private static async Task<LicenseState> ReadProblemAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        ProblemResponse? problem = null;
        try
        {
            var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                problem = await JsonSerializer.DeserializeAsync(stream, LicenseClientJsonContext.Default.ProblemResponse, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (JsonException)
        {
            // Not a LicenseKit problem (e.g. a proxy's HTML page): the status code is all there is.
        }

        return new LicenseState
        {
            Code = ServerCodes.ToStateCode(problem?.Code),
            ServerCode = problem?.Code ?? ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture),
            Message = problem?.Detail ?? $"The server answered {(int)response.StatusCode} {response.ReasonPhrase}.",
        };
    }

    private static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)status >= 500;

    private static LicenseState Unreachable(string message) => new() { Code = LicenseStateCode.ServerUnreachable, Message = message };

    private static LicenseState Unusable(string message) => new() { Code = LicenseStateCode.Rejected, Message = message };
}
