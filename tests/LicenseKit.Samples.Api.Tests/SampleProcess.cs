using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace LicenseKit.Samples.Api.Tests;

/// <summary>The built sample API running as its own process (<c>dotnet LicenseKit.Samples.Api.dll</c>), Kestrel on 127.0.0.1.</summary>
public sealed class SampleProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _log = new();

    private SampleProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>What the process wrote to its console so far.</summary>
    public string Log => string.Join('\n', _log);

    /// <summary>
    /// Starts the sample on PostgreSQL at <paramref name="postgres"/>, in the Production environment with its shipped
    /// appsettings.json; <paramref name="settings"/> override configuration keys (as environment variables).
    /// </summary>
    public static SampleProcess Start(string postgres, IReadOnlyDictionary<string, string> settings)
    {
        var assembly = BuildPaths.SampleApiAssembly;
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo("dotnet", [assembly])
        {
            WorkingDirectory = Path.GetDirectoryName(assembly)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Urls"] = address.ToString();
        start.Environment["ConnectionStrings__Postgres"] = postgres;
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = new Process { StartInfo = start };
        var sample = new SampleProcess(process, address);
        process.OutputDataReceived += (_, e) => sample.Append(e.Data);
        process.ErrorDataReceived += (_, e) => sample.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return sample;
    }

    /// <summary>Waits for the process to exit by itself and returns its exit code, or fails with the log so far.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"The sample was still running after {timeout}. Log:\n{Log}");
        }

        return _process.ExitCode;
    }

    /// <summary>Waits until the console shows <paramref name="text"/>, or fails with the log so far.</summary>
    public async Task WaitForLogAsync(string text, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (!Log.Contains(text, StringComparison.Ordinal))
        {
            if (HasExited || deadline.IsCancellationRequested)
            {
                Assert.Fail($"The sample never logged '{text}' (exited: {HasExited}). Log:\n{Log}");
            }

            await Task.Delay(100, CancellationToken.None);
        }
    }

    /// <summary>Waits until <c>/healthz</c> answers 200, or fails with the log so far.</summary>
    public async Task WaitUntilHealthyAsync(HttpClient http, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (true)
        {
            try
            {
                using var health = await http.GetAsync(new Uri(Address, "/healthz"), deadline.Token);
                if (health.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException || (e is OperationCanceledException && !deadline.IsCancellationRequested))
            {
                // Not listening yet, or the probe itself timed out.
            }
            catch (OperationCanceledException)
            {
                // The deadline passed mid-request; reported below.
            }

            if (HasExited || deadline.IsCancellationRequested)
            {
                Assert.Fail($"The sample did not become healthy (exited: {HasExited}). Log:\n{Log}");
            }

            await Task.Delay(200, CancellationToken.None);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            _log.Enqueue(line);
        }
    }

    /// <summary>A TCP port of 127.0.0.1 that nothing listens on at the time of the call.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
