using System.Reflection;

namespace LicenseKit.Samples.Api.Tests;

/// <summary>Paths the project file records at build time.</summary>
internal static class BuildPaths
{
    /// <summary>The built sample API's entry assembly.</summary>
    public static string SampleApiAssembly => Get(nameof(SampleApiAssembly));

    /// <summary>The repository's PostgreSQL helper script.</summary>
    public static string PostgresScript => Get(nameof(PostgresScript));

    private static string Get(string key) =>
        typeof(BuildPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}
