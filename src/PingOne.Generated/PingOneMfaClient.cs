using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace PingOne.Generated
{
    /// <summary>
    /// Creates, reads, lists, renames, activates and deletes PingOne MFA voice devices. Thread-safe: create one per <see cref="HttpClient"/> and reuse it.
    /// </summary>
    /// <remarks>
    /// Calls rejected before PingOne processed them (<c>429</c>, a connection that never opened) are retried
    /// after <c>Retry-After</c> or a backoff. A create call whose outcome is unknown is never blindly re-sent:
    /// see <see cref="PingOneRetryOptions.SafeRetry"/>.
    /// </remarks>
    public class PingOneMfaClient
    {
        private const string CreateOperation = "create-voice-device";
        private const string ListOperation = "list-devices";
        private const string GetOperation = "get-device";
        private const string DeleteOperation = "delete-device";
        private const string RenameOperation = "rename-device";
        private const string ActivateOperation = "activate-device";

        private readonly PingOneMfaRestClient _rest = null!;
        private readonly PhoneNumberNormalizer _phoneNormalizer = PhoneNumberNormalizer.Default;
        private readonly RetryPolicy _retry = null!;
        private readonly ILogger _logger = NullLogger.Instance;
        private readonly TimeProvider _time = TimeProvider.System;

        /// <summary>For mocking frameworks only.</summary>
        protected PingOneMfaClient()
        {
        }

        /// <summary>Creates a client that sends its requests through <paramref name="httpClient"/>.</summary>
        /// <param name="httpClient">
        /// The HTTP client; its handlers authenticate the requests (see <see cref="PingOneAuthenticationHandler"/>).
        /// It is not disposed by this client, and its <see cref="HttpClient.BaseAddress"/> is not used: the
        /// options decide where requests go.
        /// </param>
        /// <param name="options">The region or API base address, phone normalization and retry settings.</param>
        /// <param name="logger">Receives one Debug line per call and a Warning per retry; <see langword="null"/> for none.</param>
        /// <param name="timeProvider">The clock for retry waits; <see langword="null"/> for the system clock.</param>
        public PingOneMfaClient(HttpClient httpClient, PingOneMfaClientOptions options, ILogger<PingOneMfaClient>? logger = null, TimeProvider? timeProvider = null)
        {
            if (httpClient is null) throw new ArgumentNullException(nameof(httpClient));
            if (options is null) throw new ArgumentNullException(nameof(options));
            _rest = new PingOneMfaRestClient(httpClient) { BaseUrl = options.EffectiveApiBaseAddress.AbsoluteUri };
            _phoneNormalizer = new PhoneNumberNormalizer(options.PhoneNormalization);
            _logger = logger ?? (ILogger)NullLogger.Instance;
            _time = timeProvider ?? TimeProvider.System;
            _retry = new RetryPolicy(options.Retry ?? new PingOneRetryOptions(), _time);
        }

        /// <summary>
        /// Creates a voice MFA device for a user: <c>POST {api}/environments/{environmentId}/users/{userId}/devices</c>.
        /// </summary>
        /// <param name="environmentId">The environment's id.</param>
        /// <param name="userId">The user's id.</param>
        /// <param name="request">
        /// The device to create. Its <see cref="CreateVoiceDeviceRequest.Phone"/> and
        /// <see cref="CreateVoiceDeviceRequest.Extension"/> are normalized in place before sending.
        /// </param>
        /// <param name="cancellationToken">Cancels the request and any wait between attempts.</param>
        /// <returns>The device PingOne created (or, with safe retries, the one a failed attempt created).</returns>
        /// <exception cref="InvalidPhoneNumberException">The phone number or extension cannot be used; nothing was sent.</exception>
        /// <exception cref="ArgumentException"><paramref name="environmentId"/>, <paramref name="userId"/> or the policy id is empty.</exception>
        /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
        /// <exception cref="PingOneException">
        /// PingOne refused the request, or the outcome is unknown (<see cref="PingOneException.DeviceMayHaveBeenCreated"/>).
        /// </exception>
        /// <exception cref="HttpRequestException">PingOne could not be reached, after the retries.</exception>
        public virtual async Task<VoiceDevice> CreateVoiceDeviceAsync(string environmentId, string userId, CreateVoiceDeviceRequest request, CancellationToken cancellationToken = default)
        {
            RequireId(environmentId, nameof(environmentId));
            RequireId(userId, nameof(userId));
            if (request is null) throw new ArgumentNullException(nameof(request));
            if (string.IsNullOrWhiteSpace(request.Policy?.Id))
                throw new ArgumentException("request.Policy.Id must be the id of a device authentication policy.", nameof(request));
            request.Normalize(_phoneNormalizer);

            var firstAttemptAt = _time.GetUtcNow();
            Exception? unknownOutcome = null;
            for (var attempt = 1; ; attempt++)
            {
                var started = _time.GetTimestamp();
                try
                {
                    // After an attempt that may have created the device, look before sending again.
                    if (unknownOutcome is not null)
                    {
                        var created = await FindCreatedDeviceAsync(environmentId, userId, request, firstAttemptAt, cancellationToken).ConfigureAwait(false);
                        if (created is not null)
                        {
                            _logger.FoundCreatedDevice(created.Id);
                            return created;
                        }
                    }
                    var device = await _rest.CreateVoiceDeviceAsync(request, environmentId, userId, cancellationToken).ConfigureAwait(false);
                    _logger.CallSucceeded(CreateOperation, 201, _time.GetElapsedTime(started), attempt);
                    return device;
                }
                catch (Exception failure) when (!RetryPolicy.IsCancellationBy(failure, cancellationToken))
                {
                    _logger.CallFailed(CreateOperation, failure, _time.GetElapsedTime(started), attempt);
                    var rejected = RetryPolicy.IsRejectedBeforeProcessing(failure);
                    var uncertain = unknownOutcome is not null || RetryPolicy.IsOutcomeUnknown(failure);
                    if (!rejected && !uncertain) throw;
                    if (uncertain && !rejected) unknownOutcome ??= failure;
                    if (uncertain && !_retry.Options.SafeRetry) throw PingOneException.OutcomeUnknown(unknownOutcome ?? failure);
                    if (attempt >= _retry.Options.MaxAttempts)
                    {
                        if (unknownOutcome is not null) throw PingOneException.OutcomeUnknown(unknownOutcome);
                        throw;
                    }
                    await WaitBeforeRetryAsync(CreateOperation, failure, attempt, cancellationToken).ConfigureAwait(false);
                }
            }
        }

        /// <summary>Lists a user's MFA devices of every type: <c>GET {api}/environments/{environmentId}/users/{userId}/devices</c>.</summary>
        /// <param name="environmentId">The environment's id.</param>
        /// <param name="userId">The user's id.</param>
        /// <param name="cancellationToken">Cancels the request and any wait between attempts.</param>
        /// <returns>The devices on the first page PingOne returns, in the user's device order.</returns>
        /// <exception cref="ArgumentException"><paramref name="environmentId"/> or <paramref name="userId"/> is empty.</exception>
        /// <exception cref="PingOneException">PingOne refused the request.</exception>
        /// <exception cref="HttpRequestException">PingOne could not be reached, after the retries.</exception>
        public virtual Task<IReadOnlyList<VoiceDevice>> ListDevicesAsync(string environmentId, string userId, CancellationToken cancellationToken = default)
        {
            RequireId(environmentId, nameof(environmentId));
            RequireId(userId, nameof(userId));
            return ReadAsync(ListOperation, 200, () => ListOnceAsync(environmentId, userId, cancellationToken), cancellationToken);
        }

        /// <summary>Reads one of a user's MFA devices: <c>GET {api}/environments/{environmentId}/users/{userId}/devices/{deviceId}</c>.</summary>
        /// <param name="environmentId">The environment's id.</param>
        /// <param name="userId">The user's id.</param>
        /// <param name="deviceId">The device's id.</param>
        /// <param name="cancellationToken">Cancels the request and any wait between attempts.</param>
        /// <returns>The device; a device of another type keeps its <c>type</c> and its own properties in <c>AdditionalProperties</c>.</returns>
        /// <exception cref="ArgumentException">An id is empty.</exception>
        /// <exception cref="PingOneException">PingOne refused the request; <c>404</c> when the device does not exist.</exception>
        /// <exception cref="HttpRequestException">PingOne could not be reached, after the retries.</exception>
        public virtual Task<VoiceDevice> GetDeviceAsync(string environmentId, string userId, string deviceId, CancellationToken cancellationToken = default)
        {
            RequireId(environmentId, nameof(environmentId));
            RequireId(userId, nameof(userId));
            RequireId(deviceId, nameof(deviceId));
            return ReadAsync(GetOperation, 200, () => _rest.GetDeviceAsync(environmentId, userId, deviceId, cancellationToken), cancellationToken);
        }

        /// <summary>Deletes one of a user's MFA devices: <c>DELETE {api}/environments/{environmentId}/users/{userId}/devices/{deviceId}</c>.</summary>
        /// <param name="environmentId">The environment's id.</param>
        /// <param name="userId">The user's id.</param>
        /// <param name="deviceId">The device's id.</param>
        /// <param name="cancellationToken">Cancels the request and any wait between attempts.</param>
        /// <returns>A task that completes when the device is gone.</returns>
        /// <exception cref="ArgumentException">An id is empty.</exception>
        /// <exception cref="PingOneException">PingOne refused the request; <c>404</c> when the device does not exist.</exception>
        /// <exception cref="HttpRequestException">PingOne could not be reached, after the retries.</exception>
        /// <remarks>Deleting twice ends the same way, so it is retried like a read; a <c>404</c> after an attempt with an unknown outcome counts as deleted.</remarks>
        public virtual Task DeleteDeviceAsync(string environmentId, string userId, string deviceId, CancellationToken cancellationToken = default)
        {
            RequireId(environmentId, nameof(environmentId));
            RequireId(userId, nameof(userId));
            RequireId(deviceId, nameof(deviceId));
            var retried = false;
            return ReadAsync(DeleteOperation, 204, async () =>
            {
                try
                {
                    await _rest.DeleteDeviceAsync(environmentId, userId, deviceId, cancellationToken).ConfigureAwait(false);
                }
                catch (PingOneException gone) when (gone.Status == 404 && retried)
                {
                    // An earlier attempt whose answer was lost did delete it.
                }
                finally
                {
                    retried = true;
                }
                return true;
            }, cancellationToken);
        }

        /// <summary>Renames a device: <c>PUT {api}/environments/{environmentId}/users/{userId}/devices/{deviceId}/nickname</c>.</summary>
        /// <param name="environmentId">The environment's id.</param>
        /// <param name="userId">The user's id.</param>
        /// <param name="deviceId">The device's id.</param>
        /// <param name="nickname">The new nickname (at most 100 characters); an empty string clears it.</param>
        /// <param name="cancellationToken">Cancels the request and any wait between attempts.</param>
        /// <returns>The renamed device.</returns>
        /// <exception cref="ArgumentException">An id is empty, or the nickname is longer than 100 characters.</exception>
        /// <exception cref="PingOneException">PingOne refused the request.</exception>
        /// <exception cref="HttpRequestException">PingOne could not be reached, after the retries.</exception>
        public virtual Task<VoiceDevice> UpdateNicknameAsync(string environmentId, string userId, string deviceId, string nickname, CancellationToken cancellationToken = default)
        {
            RequireId(environmentId, nameof(environmentId));
            RequireId(userId, nameof(userId));
            RequireId(deviceId, nameof(deviceId));
            if (nickname is null) throw new ArgumentNullException(nameof(nickname));
            if (nickname.Length > 100) throw new ArgumentException("The nickname may have at most 100 characters.", nameof(nickname));
            var body = new UpdateNicknameRequest { Nickname = nickname };
            return ReadAsync(RenameOperation, 200, () => _rest.UpdateDeviceNicknameAsync(body, environmentId, userId, deviceId, cancellationToken), cancellationToken);
        }

        /// <summary>
        /// Activates an <c>ACTIVATION_REQUIRED</c> device with the OTP sent to it:
        /// <c>POST {api}/environments/{environmentId}/users/{userId}/devices/{deviceId}</c> as <c>application/vnd.pingidentity.device.activate+json</c>.
        /// </summary>
        /// <param name="environmentId">The environment's id.</param>
        /// <param name="userId">The user's id.</param>
        /// <param name="deviceId">The device's id.</param>
        /// <param name="otp">The one-time password the user received.</param>
        /// <param name="cancellationToken">Cancels the request and any wait between attempts.</param>
        /// <returns>The device, now active.</returns>
        /// <exception cref="ArgumentException">An id or the OTP is empty.</exception>
        /// <exception cref="PingOneException">PingOne refused the OTP or the request.</exception>
        /// <exception cref="HttpRequestException">PingOne could not be reached, after the retries.</exception>
        /// <remarks>An OTP is used once, so only rejections before processing (<c>429</c>, no connection) are retried.</remarks>
        public virtual Task<VoiceDevice> ActivateDeviceAsync(string environmentId, string userId, string deviceId, string otp, CancellationToken cancellationToken = default)
        {
            RequireId(environmentId, nameof(environmentId));
            RequireId(userId, nameof(userId));
            RequireId(deviceId, nameof(deviceId));
            RequireId(otp, nameof(otp));
            var body = new ActivateDeviceRequest { Otp = otp.Trim() };
            return SendAsync(ActivateOperation, 200, () => _rest.ActivateDeviceAsync(body, environmentId, userId, deviceId, cancellationToken), retryUnknownOutcome: false, cancellationToken);
        }

        // Reading is safe to repeat, so an unknown outcome is retried like a rejection.
        private Task<T> ReadAsync<T>(string operation, int successStatus, Func<Task<T>> read, CancellationToken cancellationToken) =>
            SendAsync(operation, successStatus, read, retryUnknownOutcome: true, cancellationToken);

        private async Task<T> SendAsync<T>(string operation, int successStatus, Func<Task<T>> read, bool retryUnknownOutcome, CancellationToken cancellationToken)
        {
            for (var attempt = 1; ; attempt++)
            {
                var started = _time.GetTimestamp();
                try
                {
                    var result = await read().ConfigureAwait(false);
                    _logger.CallSucceeded(operation, successStatus, _time.GetElapsedTime(started), attempt);
                    return result;
                }
                catch (Exception failure) when (!RetryPolicy.IsCancellationBy(failure, cancellationToken))
                {
                    _logger.CallFailed(operation, failure, _time.GetElapsedTime(started), attempt);
                    var retryable = RetryPolicy.IsRejectedBeforeProcessing(failure) || (retryUnknownOutcome && RetryPolicy.IsOutcomeUnknown(failure));
                    if (!retryable || attempt >= _retry.Options.MaxAttempts) throw;
                    await WaitBeforeRetryAsync(operation, failure, attempt, cancellationToken).ConfigureAwait(false);
                }
            }
        }

        private async Task<IReadOnlyList<VoiceDevice>> ListOnceAsync(string environmentId, string userId, CancellationToken cancellationToken)
        {
            var page = await _rest.ListDevicesAsync(environmentId, userId, cancellationToken).ConfigureAwait(false);
            return page._embedded?.Devices?.Where(device => device is not null).ToList() ?? new List<VoiceDevice>();
        }

        // The device an earlier attempt created: a voice device with the same canonical phone and extension,
        // created since the first attempt (with a margin for clock skew between this machine and PingOne).
        private async Task<VoiceDevice?> FindCreatedDeviceAsync(string environmentId, string userId, CreateVoiceDeviceRequest request, DateTimeOffset firstAttemptAt, CancellationToken cancellationToken)
        {
            var devices = await ListOnceAsync(environmentId, userId, cancellationToken).ConfigureAwait(false);
            var since = firstAttemptAt - RetryPolicy.ClockSkewMargin;
            var sent = new NormalizedPhone(request.Phone, request.Extension);
            return devices.FirstOrDefault(device => (device.CreatedAt is null || device.CreatedAt >= since) && device.IsVoiceDeviceFor(sent));
        }

        private async Task WaitBeforeRetryAsync(string operation, Exception failure, int attempt, CancellationToken cancellationToken)
        {
            var wait = _retry.DelayAfter(failure, attempt);
            _logger.WillRetry(operation, RetryPolicy.Describe(failure), wait, attempt + 1, _retry.Options.MaxAttempts);
            await _retry.WaitAsync(wait, cancellationToken).ConfigureAwait(false);
        }

        private static void RequireId(string value, string name)
        {
            if (value is null) throw new ArgumentNullException(name);
            if (value.Trim().Length == 0) throw new ArgumentException($"{name} must not be empty.", name);
        }
    }
}
