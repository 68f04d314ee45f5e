using LicenseKit.Client.Tests.Infrastructure;

namespace LicenseKit.Client.Tests;

/// <summary>
/// The client against the real activation endpoints (LicenseKit.AspNetCore with signing, on the test server), one fake
/// clock for server and machines. Split by concern: activation, offline use, server verdicts, tampering.
/// </summary>
public sealed partial class LicenseClientTests
{
    private LicenseServer _server = null!;
    private readonly List<IDisposable> _disposables = [];

    [SetUp]
    public async Task SetUp() => _server = await LicenseServer.StartAsync();

    [TearDown]
    public async Task TearDown()
    {
        foreach (var disposable in _disposables)
        {
            disposable.Dispose();
        }

        _disposables.Clear();
        await _server.DisposeAsync();
    }

    private LicenseClient Machine(string name, ILicenseTokenStorage storage, NetworkSwitch? network = null) =>
        Track(_server.CreateClient(name, storage, network));

    private T Track<T>(T disposable)
        where T : IDisposable
    {
        _disposables.Add(disposable);
        return disposable;
    }
}
