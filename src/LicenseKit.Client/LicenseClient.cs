using LicenseKit.Client.Internal;

namespace LicenseKit.Client;

/// <summary>
/// This machine's license: activate a key once, then check it offline from the stored signed token in microseconds,
/// refresh it online before it runs out, and deactivate it to move the seat. Every call answers with a
/// <see cref="LicenseState"/>; expected outcomes (no network, revoked, limit reached, tampered file…) never throw.
/// <code>
/// using var client = new LicenseClient(options);
/// var state = client.Check();                                   // offline, from disk
/// if (!state.IsLicensed) state = await client.ActivateAsync(key); // online, once
/// </code>
/// </summary>
/// <remarks>
/// Thread-safe. Keep one client for the life of the app. <see cref="Check"/> never touches the network;
/// <see cref="ActivateAsync"/>, <see cref="RefreshAsync"/> and <see cref="DeactivateAsync"/> do, one at a time.
/// </remarks>
public sealed partial class LicenseClient : IDisposable
{
    private static readonly LicenseState NotActivatedState = new() { Code = LicenseStateCode.NotActivated };
    private static readonly LicenseState FingerprintUnavailableState = new()
    {
        Code = LicenseStateCode.FingerprintUnavailable,
        Message = "This machine's id could not be read, so the license cannot be bound to it.",
    };

    // Transient: the server kept the activation (activating again reuses its seat) but could not sign it just then.
    private static readonly LicenseState SigningUnavailableState = new()
    {
        Code = LicenseStateCode.ServerUnreachable,
        Message = "The server recorded the activation but could not sign the license just now; activate again later (the seat is kept).",
    };

    private readonly LicenseTokenVerifier _verifier;
    private readonly LicenseServerApi _api;
    private readonly ILicenseTokenStorage _storage;
    private readonly Lazy<string?> _fingerprint;
    private readonly TimeProvider _time;
    private readonly TimeSpan _clockSkew;
    private readonly string _instanceName;
    private readonly double _refreshAfter;
    private readonly TimeSpan _retryInterval;
    private readonly TimeSpan _checkpointInterval;
    private readonly Lazy<HttpClient>? _ownedHttpClient;
    private readonly SemaphoreSlim _online = new(1, 1);
    private readonly Lock _gate = new();

    // Null until the storage was read; replaced as a whole under _gate, read without a lock.
    private volatile Snapshot? _snapshot;

    // The latest clock reading (UTC ticks) at which the license was found valid: a clock earlier than this is set back.
    private long _lastVerifiedTicks;

    /// <summary>Creates a client with its own <see cref="HttpClient"/>, for apps without dependency injection.</summary>
    /// <param name="options">The server, keys, application name and optional storage, fingerprint and clock.</param>
    /// <exception cref="ArgumentException">A required option is missing or out of range, or a public key is not a P-256 public key PEM.</exception>
    public LicenseClient(LicenseClientOptions options)
        : this(options, new Lazy<HttpClient>(CreateOwnedHttpClient))
    {
    }

    /// <summary>Creates a client that sends its calls through <paramref name="httpClient"/> (not disposed by the client).</summary>
    /// <param name="options">The server, keys, application name and optional storage, fingerprint and clock.</param>
    /// <param name="httpClient">The client to send with; its handlers (proxy, retries, logging) apply.</param>
    /// <exception cref="ArgumentException">A required option is missing or out of range, or a public key is not a P-256 public key PEM.</exception>
    public LicenseClient(LicenseClientOptions options, HttpClient httpClient)
        : this(options, WithoutOwner(httpClient ?? throw new ArgumentNullException(nameof(httpClient))), ownedHttpClient: null)
    {
    }

    /// <summary>
    /// Creates a client that asks <paramref name="httpClientFactory"/> for an <see cref="HttpClient"/> on every call, e.g.
    /// <c>() =&gt; factory.CreateClient(name)</c> from <c>IHttpClientFactory</c>, so a long-lived client follows DNS changes.
    /// </summary>
    /// <param name="options">The server, keys, application name and optional storage, fingerprint and clock.</param>
    /// <param name="httpClientFactory">Gives the client to send each call with; the clients are not disposed by this client.</param>
    /// <exception cref="ArgumentException">A required option is missing or out of range, or a public key is not a P-256 public key PEM.</exception>
    public LicenseClient(LicenseClientOptions options, Func<HttpClient> httpClientFactory)
        : this(options, httpClientFactory ?? throw new ArgumentNullException(nameof(httpClientFactory)), ownedHttpClient: null)
    {
    }

    // The client's own HttpClient is created on the first online call: an offline check at start-up need not load the network stack.
    private LicenseClient(LicenseClientOptions options, Lazy<HttpClient> ownedHttpClient)
        : this(options, () => ownedHttpClient.Value, ownedHttpClient)
    {
    }

    private LicenseClient(LicenseClientOptions options, Func<HttpClient> httpClients, Lazy<HttpClient>? ownedHttpClient)
    {
        ArgumentNullException.ThrowIfNull(options);
        var serverUrl = LicenseClientOptionsValidator.Validate(options);
        _ownedHttpClient = ownedHttpClient;
        _time = options.TimeProvider ?? TimeProvider.System;
        _clockSkew = options.ClockSkew;
        _refreshAfter = options.RefreshAfter;
        _retryInterval = options.RetryInterval;
        _checkpointInterval = options.CheckpointInterval;
        _instanceName = string.IsNullOrWhiteSpace(options.InstanceName) ? Environment.MachineName : options.InstanceName;
        _storage = options.Storage ?? new FileLicenseTokenStorage(FileLicenseTokenStorage.GetDefaultPath(options.ApplicationName!));
        var fingerprints = options.FingerprintProvider ?? new MachineIdFingerprintProvider(options.ApplicationName!);
        _fingerprint = new Lazy<string?>(fingerprints.GetFingerprint, LazyThreadSafetyMode.ExecutionAndPublication);
        _verifier = new LicenseTokenVerifier(new Dictionary<string, string>(options.PublicKeys, StringComparer.Ordinal), _time, _clockSkew);
        _api = new LicenseServerApi(httpClients, serverUrl, options.ApiKey);
    }

    /// <summary>
    /// Checks the stored license offline: no network, no disk after the first call (but for an hourly checkpoint), only
    /// the signature and times of the stored token against this machine and the clock. Never throws.
    /// </summary>
    /// <returns><see cref="LicenseStateCode.Licensed"/> or <see cref="LicenseStateCode.LicensedOffline"/> with
    /// <see cref="LicenseState.ValidUntil"/>, or the reason the app is not licensed.</returns>
    public LicenseState Check()
    {
        var snapshot = _snapshot ?? Load();
        if (snapshot.Stored is not { } stored)
        {
            return snapshot.Verdict ?? NotActivatedState;
        }

        if (_fingerprint.Value is not { } fingerprint)
        {
            return FingerprintUnavailableState;
        }

        var now = _time.GetUtcNow();
        var lastVerifiedAt = new DateTimeOffset(Volatile.Read(ref _lastVerifiedTicks), TimeSpan.Zero);
        if (now + _clockSkew < lastVerifiedAt)
        {
            return new LicenseState
            {
                Code = LicenseStateCode.ClockSetBack,
                Claims = snapshot.Claims,
                Message = $"The clock reads {now:O}, earlier than the last successful check at {lastVerifiedAt:O}.",
            };
        }

        var state = LicenseStates.FromVerification(_verifier.Verify(stored.Token, fingerprint), snapshot.Offline);
        if (state.IsLicensed)
        {
            RecordValidCheck(now, stored);
        }

        return state;
    }

    /// <summary>Stops the background refresh, releases the keys and, when the client created it, its <see cref="HttpClient"/>.</summary>
    public void Dispose()
    {
        StopBackgroundRefresh();
        _verifier.Dispose();
        if (_ownedHttpClient is { IsValueCreated: true })
        {
            _ownedHttpClient.Value.Dispose();
        }
    }

    private static Func<HttpClient> WithoutOwner(HttpClient httpClient) => () => httpClient;

    private static HttpClient CreateOwnedHttpClient() => new(new SocketsHttpHandler
    {
        // A long-lived client should still notice DNS changes of the license server.
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        ConnectTimeout = TimeSpan.FromSeconds(10),
    })
    {
        Timeout = TimeSpan.FromSeconds(30),
    };

    private Snapshot Load()
    {
        lock (_gate)
        {
            if (_snapshot is { } loaded)
            {
                return loaded;
            }

            StoredLicenseToken? stored;
            try
            {
                stored = _storage.Load();
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // A storage that fails to read holds no usable license; the contract says so, a custom one may not.
                stored = null;
            }

            if (stored is not null)
            {
                RaiseLastVerified(stored.LastVerifiedAt);
            }

            var snapshot = new Snapshot(stored, ClaimsOf(stored), Verdict: null, Offline: false);
            _snapshot = snapshot;
            return snapshot;
        }
    }

    private void RecordValidCheck(DateTimeOffset now, StoredLicenseToken stored)
    {
        RaiseLastVerified(now);
        if (now - stored.LastVerifiedAt < _checkpointInterval)
        {
            return;
        }

        lock (_gate)
        {
            if (_snapshot is { } current && ReferenceEquals(current.Stored, stored))
            {
                var checkpoint = stored with { LastVerifiedAt = now };
                TrySave(checkpoint);
                _snapshot = current with { Stored = checkpoint };
            }
        }
    }

    private void RaiseLastVerified(DateTimeOffset at)
    {
        var ticks = at.UtcTicks;
        var seen = Volatile.Read(ref _lastVerifiedTicks);
        while (ticks > seen)
        {
            var previous = Interlocked.CompareExchange(ref _lastVerifiedTicks, ticks, seen);
            if (previous == seen)
            {
                return;
            }

            seen = previous;
        }
    }

    private LicenseTokenClaims? ClaimsOf(StoredLicenseToken? stored) => stored is null ? null : _verifier.Verify(stored.Token).Claims;

    private void TrySave(StoredLicenseToken stored)
    {
        try
        {
            _storage.Save(stored);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The license stays valid in memory; the next save (checkpoint or refresh) tries again.
        }
    }

    private void TryDelete()
    {
        try
        {
            _storage.Delete();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The in-memory verdict already says the license is gone; a leftover file is re-checked against the server.
        }
    }

    /// <summary>What the client holds: the stored token and its claims, or why there is none, and whether the server was last out of reach.</summary>
    private sealed record Snapshot(StoredLicenseToken? Stored, LicenseTokenClaims? Claims, LicenseState? Verdict, bool Offline);
}
