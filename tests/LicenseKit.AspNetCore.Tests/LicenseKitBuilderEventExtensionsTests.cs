using LicenseKit.AspNetCore.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using static LicenseKit.AspNetCore.Tests.Infrastructure.TestApi;

namespace LicenseKit.AspNetCore.Tests;

public sealed class LicenseKitBuilderEventExtensionsTests
{
    [Test]
    public async Task AddEventDispatcher_DeliversWhatAWriteRecordedInTheBackground()
    {
        var delivered = new TaskCompletionSource<LicenseEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var api = await StartAsync(s => s.AddLicenseKit()
            .AddEventHandler(new CallbackHandler(delivered))
            .AddEventDispatcher(o => o.PollInterval = TimeSpan.FromMilliseconds(50)));

        var created = await (await api.Admin.PostAsync("/licenses", Json("""{"product_id":"prod_1","customer_id":"cust_1"}"""))).ReadJsonAsync();

        var licenseEvent = await delivered.Task.WaitAsync(TimeSpan.FromSeconds(30));
        licenseEvent.Should().BeOfType<LicenseIssued>().Which.License.Id.Should().Be(created.GetProperty("id").GetString());
    }

    [Test]
    public void AddEventDispatcher_CalledTwice_RegistersOneHostedService()
    {
        var services = new ServiceCollection();
        services.AddLicenseKit().AddEventDispatcher().AddEventDispatcher(o => o.MaxAttempts = 3);

        services.Count(d => d.ServiceType == typeof(IHostedService)).Should().Be(1);
    }

    private sealed class CallbackHandler(TaskCompletionSource<LicenseEvent> delivered) : ILicenseEventHandler
    {
        public Task HandleAsync(LicenseEvent licenseEvent, CancellationToken cancellationToken)
        {
            delivered.TrySetResult(licenseEvent);
            return Task.CompletedTask;
        }
    }
}
