using System.Net;
using System.Net.Sockets;

namespace LicenseKit.Caching.Tests;

/// <summary>
/// The Redis server the cross-host tests share, from <c>LICENSEKIT_REDIS_CONNECTION</c> (set by <c>.ci/run</c>).
/// Without it those tests are skipped, unless <c>LICENSEKIT_REQUIRE_REDIS=1</c>, which makes a skip a failure.
/// </summary>
internal static class RedisServer
{
    public const string ConnectionVariable = "LICENSEKIT_REDIS_CONNECTION";
    public const string RequireVariable = "LICENSEKIT_REQUIRE_REDIS";

    public static string RequireConfiguration()
    {
        var configuration = Environment.GetEnvironmentVariable(ConnectionVariable);
        if (!string.IsNullOrWhiteSpace(configuration))
        {
            return configuration;
        }

        var message = $"{ConnectionVariable} is not set; start redis-server on 127.0.0.1 and set it to e.g. 127.0.0.1:6379.";
        if (Environment.GetEnvironmentVariable(RequireVariable) == "1")
        {
            Assert.Fail($"{RequireVariable}=1 but {message}");
        }

        Assert.Ignore(message);
        return string.Empty;
    }

    /// <summary>A Redis configuration pointing at a loopback port nothing listens on: Redis is down.</summary>
    public static string Unreachable()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return $"127.0.0.1:{port},connectTimeout=500";
    }
}
