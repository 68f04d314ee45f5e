using Microsoft.Extensions.Logging;

namespace LicenseKit.Webhooks.Internal;

internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "Webhook {WebhookId} delivered to {Endpoint} ({StatusCode}).")]
    public static partial void Delivered(ILogger logger, string webhookId, string endpoint, int? statusCode);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Webhook {WebhookId} not delivered to {Endpoint}: {Error}")]
    public static partial void DeliveryFailed(ILogger logger, string webhookId, string endpoint, string error);
}
