namespace LicenseKit.AspNetCore.Tests.Samples;

/// <summary>The databases the sample host runs on; every sample test fixture runs on each.</summary>
public enum SampleStore
{
    Sqlite,
    Postgres,
}
