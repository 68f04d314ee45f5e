namespace LicenseKit.Internal;

/// <summary>The counted operations, for telemetry and log messages.</summary>
internal enum LicenseOperation
{
    Issue,
    Update,
    Activate,
    Deactivate,
    Heartbeat,
}
