namespace LicenseKit.Stores;

// Events: recorded under the same lock as the write they describe, claimed and marked under it too.
public sealed partial class InMemoryLicenseStore : ILicenseEventStore
{
    private readonly SortedDictionary<long, LicenseEventRecord> _events = [];
    private readonly Dictionary<string, long> _eventSequences = new(StringComparer.Ordinal);
    private readonly SortedSet<long> _pendingEvents = [];
    private long _lastEventSequence;

    /// <inheritdoc />
    public Task<IReadOnlyList<LicenseEventRecord>> ListEventsAsync(string businessId, LicenseEventPosition after, int limit, LicenseEventState? state = null, CancellationToken cancellationToken = default)
    {
        // Records carry no transaction id here and are added under the lock in sequence order: nothing to hold back.
        lock (_gate)
        {
            IReadOnlyList<LicenseEventRecord> page = _events
                .SkipWhile(e => !after.IsBefore(e.Value))
                .Select(e => e.Value)
                .Where(e => e.BusinessId == businessId && (state is null || e.State == state))
                .Take(limit)
                .ToArray();
            return Task.FromResult(page);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<LicenseEventRecord>> ClaimEventsAsync(string owner, DateTimeOffset now, DateTimeOffset leaseUntil, int limit, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var claimed = new List<LicenseEventRecord>();
            var licensesSeen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var sequence in _pendingEvents)
            {
                if (claimed.Count == limit)
                {
                    break;
                }

                var record = _events[sequence];
                // Only the oldest pending event of a license may go, due or not: that keeps the license's order.
                if (licensesSeen.Add(record.LicenseId) && record.NextAttemptAt <= now)
                {
                    claimed.Add(record with { LeaseOwner = owner, NextAttemptAt = leaseUntil, Attempts = record.Attempts + 1 });
                }
            }

            foreach (var record in claimed)
            {
                _events[record.Sequence] = record;
            }

            return Task.FromResult<IReadOnlyList<LicenseEventRecord>>(claimed);
        }
    }

    /// <inheritdoc />
    public Task<bool> MarkDeliveredAsync(string eventId, string owner, DateTimeOffset deliveredAt, CancellationToken cancellationToken = default) =>
        Task.FromResult(MarkLeased(eventId, owner, r => r with { State = LicenseEventState.Delivered, DeliveredAt = deliveredAt, LeaseOwner = null }));

    /// <inheritdoc />
    public Task<int> MarkDeliveredAsync(IReadOnlyCollection<string> eventIds, string owner, DateTimeOffset deliveredAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventIds);
        return Task.FromResult(eventIds.Count(id => MarkLeased(id, owner, r => r with { State = LicenseEventState.Delivered, DeliveredAt = deliveredAt, LeaseOwner = null })));
    }

    /// <inheritdoc />
    public Task<bool> MarkFailedAsync(string eventId, string owner, string error, DateTimeOffset? retryAt, LicenseEventTargets deliveredTargets, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(deliveredTargets);
        return Task.FromResult(MarkLeased(eventId, owner, r => retryAt is { } at
            ? r with { NextAttemptAt = at, LastError = error, LeaseOwner = null, DeliveredTargets = deliveredTargets }
            : r with { State = LicenseEventState.Parked, LastError = error, LeaseOwner = null, DeliveredTargets = deliveredTargets }));
    }

    /// <inheritdoc />
    public Task<LicenseEventRecord?> RedriveEventAsync(string businessId, string eventId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (!_eventSequences.TryGetValue(eventId, out var sequence) || _events[sequence].BusinessId != businessId)
            {
                return Task.FromResult<LicenseEventRecord?>(null);
            }

            var record = _events[sequence];
            if (record.State == LicenseEventState.Parked)
            {
                record = _events[sequence] = record with { State = LicenseEventState.Pending, Attempts = 0, NextAttemptAt = now };
                _pendingEvents.Add(sequence);
            }

            return Task.FromResult<LicenseEventRecord?>(record);
        }
    }

    /// <inheritdoc />
    public Task<int> PruneEventsAsync(DateTimeOffset deliveredBefore, int limit, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var pruned = _events.Values.Where(e => e.State == LicenseEventState.Delivered && e.DeliveredAt < deliveredBefore).Take(limit).ToArray();
            foreach (var record in pruned)
            {
                _events.Remove(record.Sequence);
                _eventSequences.Remove(record.Id);
            }

            return Task.FromResult(pruned.Length);
        }
    }

    /// <summary>Records the event of a write; the caller holds the lock and has just written.</summary>
    private void RecordEvent(LicenseEventRecord record)
    {
        var sequence = ++_lastEventSequence;
        _events.Add(sequence, record with { Sequence = sequence });
        _eventSequences.Add(record.Id, sequence);
        _pendingEvents.Add(sequence);
    }

    private bool MarkLeased(string eventId, string owner, Func<LicenseEventRecord, LicenseEventRecord> mark)
    {
        lock (_gate)
        {
            if (!_eventSequences.TryGetValue(eventId, out var sequence)
                || _events[sequence] is not { State: LicenseEventState.Pending } record
                || !string.Equals(record.LeaseOwner, owner, StringComparison.Ordinal))
            {
                return false;
            }

            var marked = _events[sequence] = mark(record);
            if (marked.State != LicenseEventState.Pending)
            {
                _pendingEvents.Remove(sequence);
            }

            return true;
        }
    }
}
