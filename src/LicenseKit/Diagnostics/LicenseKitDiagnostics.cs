namespace LicenseKit;

/// <summary>The names under which LicenseKit reports metrics and traces, for hosts wiring up OpenTelemetry.</summary>
public static class LicenseKitDiagnostics
{
    /// <summary>The name of the <see cref="System.Diagnostics.Metrics.Meter"/> and <see cref="System.Diagnostics.ActivitySource"/>.</summary>
    public const string Name = "LicenseKit";

    /// <summary>Counter of issue attempts, tagged <c>licensekit.result</c> and <c>licensekit.code</c>.</summary>
    public const string IssuedCounter = "licensekit.licenses.issued";

    /// <summary>Counter of update attempts (including status changes), tagged like <see cref="IssuedCounter"/>.</summary>
    public const string UpdatesCounter = "licensekit.licenses.updates";

    /// <summary>Counter of activation attempts, tagged like <see cref="IssuedCounter"/>.</summary>
    public const string ActivationsCounter = "licensekit.activations";

    /// <summary>Counter of deactivation attempts, tagged like <see cref="IssuedCounter"/>.</summary>
    public const string DeactivationsCounter = "licensekit.deactivations";

    /// <summary>Counter of heartbeat attempts (lease renewals of floating seats), tagged like <see cref="IssuedCounter"/>.</summary>
    public const string HeartbeatsCounter = "licensekit.heartbeats";

    /// <summary>Counter of validations, tagged with the validation code in <c>licensekit.code</c>.</summary>
    public const string ValidationsCounter = "licensekit.validations";

    /// <summary>The tag holding <c>success</c> or <c>failure</c>.</summary>
    public const string ResultTag = "licensekit.result";

    /// <summary>
    /// The tag holding the error code (<see cref="LicenseErrorCodes"/>), the validation code (<c>VALID</c>, <c>NOT_FOUND</c>, …)
    /// or <see cref="SuccessCode"/> for an operation that succeeded.
    /// </summary>
    public const string CodeTag = "licensekit.code";

    /// <summary>The <see cref="CodeTag"/> value of a successful issue, update, activation or deactivation.</summary>
    public const string SuccessCode = "OK";
}
