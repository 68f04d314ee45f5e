namespace LicenseKit;

/// <summary>Why <see cref="WebhookVerifier"/> accepted or refused a delivery. Only <see cref="Valid"/> means trust it.</summary>
public enum WebhookVerificationCode
{
    /// <summary>A signature matched one of the secrets and the timestamp is inside the tolerance.</summary>
    Valid = 0,

    /// <summary>A header is absent or empty; <see cref="WebhookVerificationResult.Header"/> names it.</summary>
    MissingHeader = 1,

    /// <summary>The <c>webhook-timestamp</c> is not a whole number of Unix seconds.</summary>
    InvalidTimestamp = 2,

    /// <summary>The timestamp is older than the tolerance allows: a replay, or a delivery that waited too long.</summary>
    TimestampTooOld = 3,

    /// <summary>The timestamp is further in the future than the tolerance allows.</summary>
    TimestampTooNew = 4,

    /// <summary>No <c>v1</c> signature in <c>webhook-signature</c> matches the id, timestamp and body under any secret.</summary>
    SignatureMismatch = 5,
}
