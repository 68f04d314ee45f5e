namespace LicenseKit;

/// <summary>
/// The JSON body of a webhook, in the Standard Webhooks shape: <c>business_id</c>, <c>type</c>, <c>timestamp</c> and
/// <c>data</c>. Serialize and read it with <c>LicenseWebhookJsonContext.Default.LicenseWebhookPayload</c>.
/// </summary>
public sealed record LicenseWebhookPayload
{
    /// <summary>The business the license belongs to.</summary>
    public required string BusinessId { get; init; }

    /// <summary>The event type, one of <see cref="LicenseEventTypes"/>; it tells which <see cref="Data"/> fields are set.</summary>
    public required string Type { get; init; }

    /// <summary>When the event happened (the store write), not when it was delivered.</summary>
    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>What the event carries.</summary>
    public required LicenseWebhookData Data { get; init; }

    /// <summary>Builds the payload of <paramref name="licenseEvent"/>.</summary>
    /// <param name="licenseEvent">The event.</param>
    /// <returns>The payload.</returns>
    /// <exception cref="ArgumentException">The event is of a type this version does not know.</exception>
    public static LicenseWebhookPayload From(LicenseEvent licenseEvent)
    {
        var type = LicenseEventTypes.Of(licenseEvent);
        var data = licenseEvent switch
        {
            LicenseIssued issued => new LicenseWebhookData { License = issued.License },
            LicenseUpdated updated => new LicenseWebhookData { License = updated.License, PreviousLicense = updated.Previous },
            LicenseActivated activated => new LicenseWebhookData { License = activated.License, Instance = activated.Instance },
            LicenseDeactivated deactivated => new LicenseWebhookData { License = deactivated.License, Instance = deactivated.Instance },
            LicenseValidationFailed failed => new LicenseWebhookData { License = failed.License, ValidationCode = failed.Code },
            _ => throw new ArgumentException($"No webhook payload is defined for {licenseEvent.GetType().Name}.", nameof(licenseEvent)),
        };

        return new LicenseWebhookPayload { BusinessId = licenseEvent.BusinessId, Type = type, Timestamp = licenseEvent.OccurredAt, Data = data };
    }
}
