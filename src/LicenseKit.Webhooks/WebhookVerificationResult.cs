namespace LicenseKit;

/// <summary>The outcome of <see cref="WebhookVerifier.Verify(string?, string?, string?, ReadOnlySpan{byte})"/>.</summary>
public sealed record WebhookVerificationResult
{
    /// <summary>Whether the delivery is authentic and fresh; only then may its body be trusted.</summary>
    public bool IsValid => Code == WebhookVerificationCode.Valid;

    /// <summary>Why the delivery was accepted or refused.</summary>
    public required WebhookVerificationCode Code { get; init; }

    /// <summary>The header at fault when <see cref="Code"/> is <see cref="WebhookVerificationCode.MissingHeader"/>, e.g. <c>webhook-id</c>.</summary>
    public string? Header { get; init; }

    /// <summary>The verified <c>webhook-id</c> (the event id) when valid: the key to deduplicate deliveries by.</summary>
    public string? WebhookId { get; init; }

    /// <summary>The attempt's timestamp, when it could be read.</summary>
    public DateTimeOffset? Timestamp { get; init; }
}
