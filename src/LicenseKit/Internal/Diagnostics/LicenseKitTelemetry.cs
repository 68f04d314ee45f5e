using System.Diagnostics;
using System.Diagnostics.Metrics;
using LicenseKit.Serialization;

namespace LicenseKit.Internal;

/// <summary>
/// Counters and spans of every operation; counters are only touched when something listens, and spans exist only when a
/// listener samples them.
/// </summary>
internal sealed class LicenseKitTelemetry : IDisposable
{
    private static readonly ActivitySource Source = new(LicenseKitDiagnostics.Name);

    private readonly Meter _meter;
    private readonly Counter<long> _issued;
    private readonly Counter<long> _updates;
    private readonly Counter<long> _activations;
    private readonly Counter<long> _deactivations;
    private readonly Counter<long> _validations;
    private readonly Counter<long> _heartbeats;

    public LicenseKitTelemetry(IMeterFactory? meterFactory)
    {
        _meter = meterFactory?.Create(LicenseKitDiagnostics.Name) ?? new Meter(LicenseKitDiagnostics.Name);
        _issued = _meter.CreateCounter<long>(LicenseKitDiagnostics.IssuedCounter, "{license}", "License issue attempts.");
        _updates = _meter.CreateCounter<long>(LicenseKitDiagnostics.UpdatesCounter, "{update}", "License update attempts.");
        _activations = _meter.CreateCounter<long>(LicenseKitDiagnostics.ActivationsCounter, "{activation}", "Activation attempts.");
        _deactivations = _meter.CreateCounter<long>(LicenseKitDiagnostics.DeactivationsCounter, "{deactivation}", "Deactivation attempts.");
        _validations = _meter.CreateCounter<long>(LicenseKitDiagnostics.ValidationsCounter, "{validation}", "License validations.");
        _heartbeats = _meter.CreateCounter<long>(LicenseKitDiagnostics.HeartbeatsCounter, "{heartbeat}", "Heartbeat attempts.");
    }

    public static Activity? StartActivity(string operation) =>
        Source.HasListeners() ? Source.StartActivity(operation, ActivityKind.Internal) : null;

    public void Record(LicenseOperation operation, string? errorCode)
    {
        var code = errorCode ?? LicenseKitDiagnostics.SuccessCode;
        TagSpan(errorCode is null, code);
        var counter = operation switch
        {
            LicenseOperation.Issue => _issued,
            LicenseOperation.Update => _updates,
            LicenseOperation.Activate => _activations,
            LicenseOperation.Heartbeat => _heartbeats,
            _ => _deactivations,
        };

        if (counter.Enabled)
        {
            counter.Add(
                1,
                new KeyValuePair<string, object?>(LicenseKitDiagnostics.ResultTag, errorCode is null ? "success" : "failure"),
                new KeyValuePair<string, object?>(LicenseKitDiagnostics.CodeTag, code));
        }
    }

    public void Validated(LicenseValidationCode code)
    {
        var wire = LicenseWireFormat.ToWire(code);
        TagSpan(code == LicenseValidationCode.Valid, wire);
        if (_validations.Enabled)
        {
            _validations.Add(
                1,
                new KeyValuePair<string, object?>(LicenseKitDiagnostics.ResultTag, code == LicenseValidationCode.Valid ? "success" : "failure"),
                new KeyValuePair<string, object?>(LicenseKitDiagnostics.CodeTag, wire));
        }
    }

    // Only our own span: without a listener Activity.Current is the host's (e.g. the HTTP request's), not ours to tag.
    private static void TagSpan(bool succeeded, string code)
    {
        var activity = Activity.Current;
        if (activity is null || !ReferenceEquals(activity.Source, Source))
        {
            return;
        }

        activity.SetTag(LicenseKitDiagnostics.ResultTag, succeeded ? "success" : "failure");
        activity.SetTag(LicenseKitDiagnostics.CodeTag, code);
        if (!succeeded)
        {
            activity.SetStatus(ActivityStatusCode.Error, code);
        }
    }

    public void Dispose() => _meter.Dispose();
}
