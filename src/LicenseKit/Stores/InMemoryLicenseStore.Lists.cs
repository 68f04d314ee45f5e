namespace LicenseKit.Stores;

// The list reads newest first from a sorted index (the business's licenses, or a customer's, a product's, the archived
// ones or those of one status, whichever the query names), starting at its cursor, and stops once the page is full: it
// never scans or sorts the store. created_at, id, customer and product never change, so only a create touches those
// indexes; an edit that archives, restores or changes a status moves the license between the other two.
public sealed partial class InMemoryLicenseStore
{
    private readonly Dictionary<string, SortedSet<ListSlot>> _listByBusiness = new(StringComparer.Ordinal);
    private readonly Dictionary<(string BusinessId, string CustomerId), SortedSet<ListSlot>> _listByCustomer = [];
    private readonly Dictionary<(string BusinessId, string ProductId), SortedSet<ListSlot>> _listByProduct = [];
    private readonly Dictionary<string, SortedSet<ListSlot>> _listArchived = new(StringComparer.Ordinal);
    private readonly Dictionary<(string BusinessId, LicenseStatus Status), SortedSet<ListSlot>> _listByStatus = [];

    /// <inheritdoc />
    public Task<IReadOnlyList<License>> ListAsync(string businessId, LicenseKeysetQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var page = new List<License>(Math.Clamp(query.Limit, 0, 100));
        lock (_gate)
        {
            var index = query.CustomerId is { } customerId ? _listByCustomer.GetValueOrDefault((businessId, customerId))
                : query.ProductId is { } productId ? _listByProduct.GetValueOrDefault((businessId, productId))
                : query.Archived is true ? _listArchived.GetValueOrDefault(businessId)
                : query.Status is { } status ? _listByStatus.GetValueOrDefault((businessId, status))
                : _listByBusiness.GetValueOrDefault(businessId);
            foreach (var slot in From(index, query) ?? [])
            {
                if (page.Count >= query.Limit || (query.CreatedFrom is { } from && slot.CreatedAt < from))
                {
                    break;
                }

                if (Matches(slot.Entry!.License, query))
                {
                    page.Add(slot.Entry.License);
                }
            }
        }

        return Task.FromResult<IReadOnlyList<License>>(page);
    }

    private void AddToListIndexes(Entry entry)
    {
        var license = entry.License;
        var slot = new ListSlot(license.CreatedAt, license.Id, entry);
        Slots(_listByBusiness, license.BusinessId).Add(slot);
        Slots(_listByCustomer, (license.BusinessId, license.CustomerId)).Add(slot);
        Slots(_listByProduct, (license.BusinessId, license.ProductId)).Add(slot);
        AddToEditableListIndexes(license, slot);
    }

    // An edit that changes what the archived and status indexes hold moves the license between them.
    private void MoveInListIndexes(Entry entry, License previous)
    {
        var license = entry.License;
        if (previous.Archived == license.Archived && previous.Status == license.Status)
        {
            return;
        }

        var slot = new ListSlot(license.CreatedAt, license.Id, entry);
        if (previous.Archived)
        {
            _listArchived[previous.BusinessId].Remove(slot);
        }

        _listByStatus[(previous.BusinessId, previous.Status)].Remove(slot);
        AddToEditableListIndexes(license, slot);
    }

    private void AddToEditableListIndexes(License license, ListSlot slot)
    {
        if (license.Archived)
        {
            Slots(_listArchived, license.BusinessId).Add(slot);
        }

        Slots(_listByStatus, (license.BusinessId, license.Status)).Add(slot);
    }

    private static SortedSet<ListSlot> Slots<TKey>(Dictionary<TKey, SortedSet<ListSlot>> indexes, TKey key)
        where TKey : notnull
    {
        if (!indexes.TryGetValue(key, out var slots))
        {
            slots = new SortedSet<ListSlot>(ListSlot.NewestFirst);
            indexes.Add(key, slots);
        }

        return slots;
    }

    // The index (null when nothing is left) from the first slot the query can match: after its cursor and before its
    // created_before. A probe with the empty id sorts after every license of its instant, so created_before stays
    // exclusive. Each Min, Max or view is a walk down the tree, so a query without a probe reads the index as it is.
    private static SortedSet<ListSlot>? From(SortedSet<ListSlot>? index, LicenseKeysetQuery query)
    {
        if (index is null || index.Count == 0)
        {
            return null;
        }

        ListSlot? start = query.After is { } after ? new ListSlot(after.CreatedAt, after.Id, null) : null;
        if (query.CreatedBefore is { } before
            && (start is null || ListSlot.NewestFirst.Compare(new ListSlot(before, string.Empty, null), start.Value) > 0))
        {
            start = new ListSlot(before, string.Empty, null);
        }

        if (start is not { } probe)
        {
            return index;
        }

        var last = index.Max;
        return ListSlot.NewestFirst.Compare(probe, last) > 0 ? null : index.GetViewBetween(probe, last);
    }

    private static bool Matches(License license, LicenseKeysetQuery query) =>
        (query.ProductId is null || license.ProductId == query.ProductId)
        && (query.CustomerId is null || license.CustomerId == query.CustomerId)
        && (query.Status is null || license.Status == query.Status)
        && (query.Archived is null || license.Archived == query.Archived)
        && (query.CreatedFrom is null || license.CreatedAt >= query.CreatedFrom)
        && (query.CreatedBefore is null || license.CreatedAt < query.CreatedBefore)
        && (query.After is not { } after
            || license.CreatedAt < after.CreatedAt
            || (license.CreatedAt == after.CreatedAt && string.CompareOrdinal(license.Id, after.Id) < 0));

    // A license's place in the newest-first order; a probe (no entry) marks where a read starts.
    private readonly record struct ListSlot(DateTimeOffset CreatedAt, string Id, Entry? Entry)
    {
        public static readonly Comparer<ListSlot> NewestFirst = Comparer<ListSlot>.Create((a, b) =>
        {
            var byTime = b.CreatedAt.CompareTo(a.CreatedAt);
            return byTime != 0 ? byTime : string.CompareOrdinal(b.Id, a.Id);
        });
    }
}
