namespace LicenseKit.Client;

// The background refresh: a timer on the client's TimeProvider that renews the token before its lifetime runs out. It is
// the client's one online loop, so periodic calls that later join it (a floating seat's heartbeat) share its schedule.
public sealed partial class LicenseClient
{
    private readonly CancellationTokenSource _stopping = new();
    private ITimer? _refreshTimer;

    /// <summary>
    /// Raised after every background refresh with the state it produced (licensed, licensed offline, revoked…), on a
    /// thread-pool thread. A handler that throws does not stop the schedule.
    /// </summary>
    public event EventHandler<LicenseState>? StateChanged;

    /// <summary>
    /// Starts refreshing the stored license in the background: after <see cref="LicenseClientOptions.RefreshAfter"/> of
    /// each token's lifetime, and every <see cref="LicenseClientOptions.RetryInterval"/> while the server cannot be
    /// reached. Does nothing while no license is stored (an activation starts the schedule). Calling it twice is harmless.
    /// </summary>
    public void StartBackgroundRefresh()
    {
        ObjectDisposedException.ThrowIf(_stopping.IsCancellationRequested, this);
        _ = _snapshot ?? Load();
        lock (_gate)
        {
            _refreshTimer ??= _time.CreateTimer(static state => ((LicenseClient)state!).OnRefreshDue(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            ScheduleRefreshLocked();
        }
    }

    private void StopBackgroundRefresh()
    {
        lock (_gate)
        {
            if (!_stopping.IsCancellationRequested)
            {
                _stopping.Cancel();
            }

            _refreshTimer?.Dispose();
            _refreshTimer = null;
        }
    }

    private void ScheduleRefreshLocked()
    {
        if (_refreshTimer is null || _stopping.IsCancellationRequested)
        {
            return;
        }

        var due = Timeout.InfiniteTimeSpan;
        if (_snapshot is { Claims: { } claims } snapshot)
        {
            var refreshAt = claims.IssuedAt + ((claims.TokenExpiresAt - claims.IssuedAt) * _refreshAfter);
            var untilRefresh = refreshAt - _time.GetUtcNow();
            due = snapshot.Offline ? _retryInterval : untilRefresh > TimeSpan.Zero ? untilRefresh : TimeSpan.Zero;
        }

        _refreshTimer.Change(due, Timeout.InfiniteTimeSpan);
    }

    private async void OnRefreshDue()
    {
        // async void on purpose: a timer callback has no caller to observe a task. Every path is caught below.
        LicenseState state;
        try
        {
            state = await RefreshAsync(_stopping.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }
        catch (ObjectDisposedException)
        {
            return;
        }

        lock (_gate)
        {
            ScheduleRefreshLocked();
        }

        try
        {
            StateChanged?.Invoke(this, state);
        }
#pragma warning disable CA1031 // An app's handler must not end the refresh schedule; its exception has nowhere to go.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }
}
