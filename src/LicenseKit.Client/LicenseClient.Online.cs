using LicenseKit.Client.Internal;

namespace LicenseKit.Client;

// The calls that go to the server: activate, refresh, deactivate. They run one at a time.
public sealed partial class LicenseClient
{
    /// <summary>
    /// Activates <paramref name="licenseKey"/> on this machine and stores the signed license the server returns.
    /// Activating again on the same machine reuses its seat.
    /// </summary>
    /// <param name="licenseKey">The key the user entered; surrounding whitespace is ignored.</param>
    /// <param name="cancellationToken">Cancels the call (the only exception this method lets through).</param>
    /// <returns><see cref="LicenseStateCode.Licensed"/> with the license's activation message, or why not (e.g.
    /// <see cref="LicenseStateCode.ActivationLimitReached"/>, <see cref="LicenseStateCode.ServerUnreachable"/>).</returns>
    public async Task<LicenseState> ActivateAsync(string licenseKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(licenseKey);
        if (_fingerprint.Value is not { } fingerprint)
        {
            return FingerprintUnavailableState;
        }

        await _online.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var key = licenseKey.Trim();
            var (response, failure) = await _api.ActivateAsync(new ActivateRequest(key, _instanceName, fingerprint), cancellationToken).ConfigureAwait(false);
            if (failure is not null)
            {
                return failure;
            }

            var token = response!.SignedLicense;
            if (token is null && response.SignedLicenseUnavailable)
            {
                // The server kept the activation but could not sign it at that moment: ask once for this instance's token.
                var (validation, _) = await _api.ValidateAsync(new ValidateRequest(key, response.Id, response.Id is null ? fingerprint : null), cancellationToken).ConfigureAwait(false);
                token = validation is { Valid: true } ? validation.SignedLicense : null;
                if (token is null)
                {
                    return SigningUnavailableState;
                }
            }

            var state = Accept(token, fingerprint);
            return response.ActivationMessage is null ? state : state with { Message = response.ActivationMessage };
        }
        finally
        {
            _online.Release();
        }
    }

    /// <summary>
    /// Asks the server whether the stored license still holds and, if so, stores the fresh signed license it returns.
    /// When the server says the license was revoked, disabled, expired, archived, not found or deactivated, the stored
    /// license is removed and the state says why. When the server cannot be reached, the app stays licensed until the
    /// token's own expiry (<see cref="LicenseStateCode.LicensedOffline"/>). <see cref="StartBackgroundRefresh"/> calls
    /// this on schedule.
    /// </summary>
    /// <param name="cancellationToken">Cancels the call (the only exception this method lets through).</param>
    /// <returns>The state after the refresh.</returns>
    public async Task<LicenseState> RefreshAsync(CancellationToken cancellationToken = default)
    {
        var snapshot = _snapshot ?? Load();
        if (snapshot.Stored is not { } stored || snapshot.Claims is not { } claims || _fingerprint.Value is not { } fingerprint)
        {
            return Check();
        }

        await _online.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // A heartbeat keeps this machine's seat (a floating seat's lease is renewed, a node-locked one confirmed) and
            // brings a fresh token. When it is refused, validation below tells why in the terms a verdict is read in.
            if (claims.InstanceId is { } instanceId)
            {
                var (beat, beatFailure) = await _api.HeartbeatAsync(new HeartbeatRequest(claims.Key, instanceId), cancellationToken).ConfigureAwait(false);
                // A renewed lease whose token could not be signed just then: validation below brings the token.
                if (beatFailure is null && !(beat!.SignedLicense is null && beat.SignedLicenseUnavailable))
                {
                    return Accept(beat.SignedLicense, fingerprint);
                }

                if (beatFailure?.Code == LicenseStateCode.ServerUnreachable)
                {
                    SetOffline(stored);
                    return Check() with { Message = beatFailure.Message };
                }
            }

            var request = new ValidateRequest(claims.Key, claims.InstanceId, claims.InstanceId is null ? fingerprint : null);
            var (response, failure) = await _api.ValidateAsync(request, cancellationToken).ConfigureAwait(false);
            if (failure is null && !response!.Valid)
            {
                failure = new LicenseState { Code = ServerCodes.ToStateCode(response.Code), ServerCode = response.Code, Claims = claims };
            }

            if (failure is null)
            {
                return Accept(response!.SignedLicense, fingerprint);
            }

            if (failure.Code == LicenseStateCode.ServerUnreachable)
            {
                SetOffline(stored);
                return Check() with { Message = failure.Message };
            }

            if (ServerCodes.RemovesLicense(failure.Code))
            {
                Remove(stored, failure);
            }

            return failure;
        }
        finally
        {
            _online.Release();
        }
    }

    /// <summary>
    /// Deactivates this machine on the server, freeing its seat for another machine, and removes the stored license.
    /// When the server cannot be reached, nothing changes and the state says <see cref="LicenseStateCode.ServerUnreachable"/>.
    /// </summary>
    /// <param name="cancellationToken">Cancels the call (the only exception this method lets through).</param>
    /// <returns><see cref="LicenseStateCode.NotActivated"/> once the seat is free, or why it is not.</returns>
    public async Task<LicenseState> DeactivateAsync(CancellationToken cancellationToken = default)
    {
        var snapshot = _snapshot ?? Load();
        if (snapshot.Stored is not { } stored)
        {
            return Check();
        }

        if (snapshot.Claims is not { InstanceId: { } instanceId } claims)
        {
            return new LicenseState { Code = LicenseStateCode.TokenInvalid, Message = "The stored license names no activation to deactivate." };
        }

        await _online.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var failure = await _api.DeactivateAsync(new DeactivateRequest(claims.Key, instanceId), cancellationToken).ConfigureAwait(false);
            if (failure is not null && !ServerCodes.RemovesLicense(failure.Code))
            {
                return failure;
            }

            // Deactivated now, or the server had already let go of this activation: either way the seat is free.
            Remove(stored, verdict: null);
            return NotActivatedState;
        }
        finally
        {
            _online.Release();
        }
    }

    /// <summary>Verifies a token from the server and, if it is good for this machine, makes it the stored license.</summary>
    private LicenseState Accept(string? token, string fingerprint)
    {
        if (token is null)
        {
            return new LicenseState
            {
                Code = LicenseStateCode.Rejected,
                Message = "The server sent no signed license: signing must be enabled on the server (AddSignedLicenses).",
            };
        }

        var state = LicenseStates.FromVerification(_verifier.Verify(token, fingerprint), offline: false);
        if (!state.IsLicensed)
        {
            return state;
        }

        // A token straight from the server re-anchors the clock check on the server's signing time.
        var now = _time.GetUtcNow();
        var anchor = state.Claims!.IssuedAt > now ? state.Claims.IssuedAt : now;
        var stored = new StoredLicenseToken(token, anchor);
        TrySave(stored);
        lock (_gate)
        {
            Volatile.Write(ref _lastVerifiedTicks, anchor.UtcTicks);
            _snapshot = new Snapshot(stored, state.Claims, Verdict: null, Offline: false);
            ScheduleRefreshLocked();
        }

        return state;
    }

    private void SetOffline(StoredLicenseToken stored)
    {
        lock (_gate)
        {
            if (_snapshot is { } current && ReferenceEquals(current.Stored, stored))
            {
                _snapshot = current with { Offline = true };
            }
        }
    }

    private void Remove(StoredLicenseToken stored, LicenseState? verdict)
    {
        lock (_gate)
        {
            if (_snapshot is { } current && !ReferenceEquals(current.Stored, stored))
            {
                return;
            }

            TryDelete();
            _snapshot = new Snapshot(Stored: null, Claims: null, verdict, Offline: false);
        }
    }
}
