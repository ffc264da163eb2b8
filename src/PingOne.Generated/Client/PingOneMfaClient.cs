using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;
using Polly;

namespace PingOne.Generated
{
    /// <summary>
    /// Creates, reads, lists, renames, activates and deletes PingOne MFA voice devices. Thread-safe: create
    /// one per set of settings, reuse it, and dispose it when done.
    /// </summary>
    /// <remarks>
    /// Each method checks its arguments, builds the body PingOne expects (never changing the caller's
    /// objects) and makes one call of the generated client through one pipeline: retries (Polly), then
    /// authentication, then the network. Every failure between the client and PingOne is a
    /// <see cref="PingOneException"/> whose <see cref="PingOneException.Kind"/> says what happened.
    /// </remarks>
    public partial class PingOneMfaClient : IDisposable
    {
        private const string CreateOperation = "create-voice-device";
        private const string ListOperation = "list-devices";
        private const string GetOperation = "get-device";
        private const string DeleteOperation = "delete-device";
        private const string RenameOperation = "rename-device";
        private const string ActivateOperation = "activate-device";
        private const string SetOrderOperation = "set-device-order";
        private const string RemoveOrderOperation = "remove-device-order";
        private const string BlockOperation = "block-device";
        private const string UnblockOperation = "unblock-device";
        private const string UnlockOperation = "unlock-device";

        private readonly PingOneMfaRestClient _rest = null!;
        private readonly PhoneNumberNormalizer _phoneNormalizer = PhoneNumberNormalizer.Default;
        private readonly RetryPipelines _retries = null!;
        private readonly PingOneRetryOptions _retryOptions = new();
        private readonly ILogger _logger = NullLogger.Instance;
        private readonly TimeProvider _time = TimeProvider.System;
        private readonly IDisposable[] _owned = Array.Empty<IDisposable>();
        private readonly SchemaDrift _drift = null!;
        // The credentials this client must never show (its secret, its tokens): every failure is masked against them.
        private readonly KnownSecrets _secrets = new();

        /// <summary>For mocking frameworks only.</summary>
        protected PingOneMfaClient()
        {
        }

        /// <summary>
        /// Creates a client and everything it sends through: the token provider (client credentials or the
        /// access token of the options), the authentication handler that checks every request's address,
        /// the retry pipeline, and, unless <see cref="PingOneMfaClientOptions.Transport"/> is given, the
        /// network handler. The client owns what it creates and disposes it in <see cref="Dispose()"/>.
        /// </summary>
        /// <param name="options">The settings; read once, here.</param>
        /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
        /// <exception cref="PingOneConfigurationException">The settings cannot be used; the message names each problem.</exception>
        public PingOneMfaClient(PingOneMfaClientOptions options)
        {
            if (options is null) throw new ArgumentNullException(nameof(options));
            var problems = options.Validate();
            if (problems.Count > 0) throw new PingOneConfigurationException(problems);

            _time = options.TimeProvider ?? TimeProvider.System;
            _logger = options.LoggerFactory?.CreateLogger<PingOneMfaClient>() ?? (ILogger)NullLogger.Instance;
            _phoneNormalizer = new PhoneNumberNormalizer(options.PhoneNormalization);
            // A copy: changing the options object after this constructor changes nothing, for the pipelines too.
            _retryOptions = new PingOneRetryOptions
            {
                MaxAttempts = options.Retry.MaxAttempts,
                BaseDelay = options.Retry.BaseDelay,
                MaxDelay = options.Retry.MaxDelay,
                SafeRetry = options.Retry.SafeRetry,
                SafeRetryClockSkew = options.Retry.SafeRetryClockSkew,
            };
            _retries = new RetryPipelines(_retryOptions, _time, _logger, _secrets);

            var ownsTransport = options.Transport is null;
            var transport = options.Transport ?? DefaultTransport.Create();
            var apiHosts = new HostPolicy(new[] { options.EffectiveApiBaseAddress }, options.AllowHttpOnLoopback);
            var owned = new List<IDisposable>();
            IAccessTokenProvider tokens;
            if (!string.IsNullOrWhiteSpace(options.AccessToken))
                tokens = new StaticAccessTokenProvider(options.AccessToken!, apiHosts, _secrets);
            else
            {
                var tokenHttp = new HttpClient(transport, disposeHandler: false);
                var credentials = new ClientCredentialsTokenProvider(tokenHttp, options, apiHosts, _time, _secrets);
                owned.Add(tokenHttp);
                tokens = credentials;
            }
            // A caller's transport outlives the client: the handler chain over it is then not disposed (it would dispose the transport).
            var apiHttp = new HttpClient(new PingOneAuthenticationHandler(tokens, apiHosts, transport), disposeHandler: ownsTransport);
            owned.Add(apiHttp);
            _owned = owned.ToArray();
            _drift = new SchemaDrift(_logger);
            _rest = new BufferReusingRestClient(apiHttp, _drift) { BaseUrl = options.EffectiveApiBaseAddress.AbsoluteUri };
        }

        /// <summary>
        /// Creates a voice MFA device for a user: <c>POST {api}/environments/{environmentId}/users/{userId}/devices</c>.
        /// </summary>
        /// <param name="environmentId">The environment's id.</param>
        /// <param name="userId">The user's id.</param>
        /// <param name="request">
        /// The device to create. A normalized copy is sent (E.164 phone, extension apart); <paramref name="request"/> itself is not changed.
        /// </param>
        /// <param name="cancellationToken">Cancels the request and any wait between attempts.</param>
        /// <returns>The device PingOne created (or, with safe retries, the one a failed attempt created).</returns>
        /// <exception cref="InvalidPhoneNumberException">The phone number or extension cannot be used; nothing was sent.</exception>
        /// <exception cref="ArgumentException"><paramref name="environmentId"/>, <paramref name="userId"/> or the policy id is not a UUID.</exception>
        /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
        /// <exception cref="PingOneException">
        /// The call failed (<see cref="PingOneException.Kind"/>); <see cref="PingOneException.DeviceMayHaveBeenCreated"/>
        /// when PingOne may have created the device although the call failed.
        /// </exception>
        /// <exception cref="PingOneConfigurationException">The request would leave for an address the settings do not allow.</exception>
        /// <exception cref="OperationCanceledException">
        /// <paramref name="cancellationToken"/> was cancelled. If that happened after the request was sent, the device
        /// may exist: list the user's devices before creating it again.
        /// </exception>
        public virtual Task<VoiceDevice> CreateVoiceDeviceAsync(string environmentId, string userId, CreateVoiceDeviceRequest request, CancellationToken cancellationToken = default)
        {
            // Not an async method itself (SendAsync is): one Task and state machine less per create. A bad argument still
            // reaches the caller in the returned task, as it would from an async method, never thrown by the call itself.
            CreateVoiceDeviceRequest wire;
            NormalizedPhone phone;
            DateTimeOffset firstAttemptAt;
            try
            {
                PingOneId.Require(environmentId, nameof(environmentId));
                PingOneId.Require(userId, nameof(userId));
                if (request is null) throw new ArgumentNullException(nameof(request));
                if (request.Policy?.Id is not { } policyId || !PingOneId.IsUuid(policyId))
                    throw new ArgumentException($"request.Policy.Id must be the id of a device authentication policy: a UUID such as {PingOneId.Example}.", nameof(request));
                if (request.Phone is null)
                    throw new InvalidPhoneNumberException(PhoneNumberProblem.Empty, "The request has no phone number. Set Phone to the number with its country calling code, e.g. +1 512 555 1234.", "phone");
                phone = _phoneNormalizer.Normalize(request.Phone, request.Extension);
                wire = request.ToWire(phone);
                // The time of the first attempt only matters to safe retry's look-up.
                firstAttemptAt = _retryOptions.SafeRetry ? _time.GetUtcNow() : default;
            }
            catch (Exception invalid)
            {
                return Task.FromException<VoiceDevice>(invalid);
            }

            return SendAsync(CreateOperation, environmentId, 201, _retries.Create,
                static (s, ctx) => RetryPipelines.MayHaveBeenProcessedBefore(ctx)
                    ? s.Client.FindOrCreateAsync(s.EnvironmentId, s.UserId, s.Wire, s.Phone, s.FirstAttemptAt, RetryPipelines.TelemetryOf(ctx), ctx.CancellationToken)
                    : s.Client._rest.CreateVoiceDeviceAsync(s.Wire, s.EnvironmentId, s.UserId, ctx.CancellationToken),
                (Client: this, EnvironmentId: environmentId, UserId: userId, Wire: wire, Phone: phone, FirstAttemptAt: firstAttemptAt), cancellationToken, createsDevice: true);
        }

        /// <summary>Lists a user's MFA devices of every type: <c>GET {api}/environments/{environmentId}/users/{userId}/devices</c>, every page.</summary>
        /// <param name="environmentId">The environment's id.</param>
        /// <param name="userId">The user's id.</param>
        /// <param name="cancellationToken">Cancels the requests and any wait between attempts.</param>
        /// <returns>The devices of every page PingOne links (<c>_links.next</c>), in the user's device order.</returns>
        /// <exception cref="ArgumentException"><paramref name="environmentId"/> or <paramref name="userId"/> is not a UUID.</exception>
        /// <exception cref="PingOneException">
        /// A call failed (<see cref="PingOneException.Kind"/>); <see cref="PingOneFailureKind.InvalidResponse"/> when a page links a next
        /// page outside the list's own address, or more than <see cref="MaxListPages"/> pages follow each other.
        /// </exception>
        /// <exception cref="PingOneConfigurationException">The request would leave for an address the settings do not allow.</exception>
        public virtual Task<IReadOnlyList<VoiceDevice>> ListDevicesAsync(string environmentId, string userId, CancellationToken cancellationToken = default) =>
            QueryDevicesAsync(environmentId, userId, null, cancellationToken);

        /// <summary>
        /// Lists a user's MFA devices that match <paramref name="query"/>: <c>GET {api}/environments/{environmentId}/users/{userId}/devices?limit=…&amp;filter=…</c>,
        /// then every page PingOne links (<c>_links.next</c>).
        /// </summary>
        /// <param name="environmentId">The environment's id.</param>
        /// <param name="userId">The user's id.</param>
        /// <param name="query">The filter and page size; <see langword="null"/> sends neither.</param>
        /// <param name="cancellationToken">Cancels the requests and any wait between attempts.</param>
        /// <returns>The matching devices of every page, in the user's device order.</returns>
        /// <exception cref="ArgumentException">An id is not a UUID, or <see cref="DeviceListQuery.Limit"/> is less than 1; nothing was sent.</exception>
        /// <exception cref="PingOneException">
        /// A call failed (<see cref="PingOneException.Kind"/>); <see cref="PingOneFailureKind.InvalidResponse"/> when a page links a next
        /// page outside the list's own address, or more than <see cref="MaxListPages"/> pages follow each other.
        /// </exception>
        /// <exception cref="PingOneConfigurationException">The request would leave for an address the settings do not allow.</exception>
        /// <remarks>A next link already followed ends the list (PingOne looping cannot make it endless). Each page is retried on its own.</remarks>
        public virtual async Task<IReadOnlyList<VoiceDevice>> QueryDevicesAsync(string environmentId, string userId, DeviceListQuery? query, CancellationToken cancellationToken = default)
        {
            PingOneId.Require(environmentId, nameof(environmentId));
            PingOneId.Require(userId, nameof(userId));
            if (query?.Limit is < 1) throw new ArgumentException("query.Limit must be at least 1.", nameof(query));
            return await ListAllPagesAsync(environmentId, userId, query?.Limit, query?.Filter, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>The most pages one list follows; a longer chain of next links is refused as an invalid answer.</summary>
        public const int MaxListPages = 100;

        /// <summary>Reads one of a user's MFA devices: <c>GET {api}/environments/{environmentId}/users/{userId}/devices/{deviceId}</c>.</summary>
        /// <param name="environmentId">The environment's id.</param>
        /// <param name="userId">The user's id.</param>
        /// <param name="deviceId">The device's id.</param>
        /// <param name="cancellationToken">Cancels the request and any wait between attempts.</param>
        /// <returns>The device; a device of another type keeps its <c>type</c> and its own properties in <c>AdditionalProperties</c>.</returns>
        /// <exception cref="ArgumentException">An id is not a UUID.</exception>
        /// <exception cref="PingOneException">The call failed; <see cref="PingOneException.Status"/> <c>404</c> when the device does not exist.</exception>
        /// <exception cref="PingOneConfigurationException">The request would leave for an address the settings do not allow.</exception>
        public virtual Task<VoiceDevice> GetDeviceAsync(string environmentId, string userId, string deviceId, CancellationToken cancellationToken = default)
        {
            PingOneId.Require(environmentId, nameof(environmentId));
            PingOneId.Require(userId, nameof(userId));
            PingOneId.Require(deviceId, nameof(deviceId));
            return SendAsync(GetOperation, environmentId, 200, _retries.ReadDevice, static (s, ctx) => s.Generated.GetDeviceAsync(s.EnvironmentId, s.UserId, s.DeviceId, ctx.CancellationToken), (Generated: _rest, EnvironmentId: environmentId, UserId: userId, DeviceId: deviceId), cancellationToken);
        }

        /// <summary>Deletes one of a user's MFA devices: <c>DELETE {api}/environments/{environmentId}/users/{userId}/devices/{deviceId}</c>.</summary>
        /// <param name="environmentId">The environment's id.</param>
        /// <param name="userId">The user's id.</param>
        /// <param name="deviceId">The device's id.</param>
        /// <param name="cancellationToken">Cancels the request and any wait between attempts.</param>
        /// <returns>A task that completes when the device is gone.</returns>
        /// <exception cref="ArgumentException">An id is not a UUID.</exception>
        /// <exception cref="PingOneException">The call failed; <see cref="PingOneException.Status"/> <c>404</c> when the device does not exist.</exception>
        /// <exception cref="PingOneConfigurationException">The request would leave for an address the settings do not allow.</exception>
        /// <remarks>Deleting twice ends the same way, so it is retried like a read; a <c>404</c> after an attempt whose answer was lost counts as deleted.</remarks>
        public virtual Task DeleteDeviceAsync(string environmentId, string userId, string deviceId, CancellationToken cancellationToken = default)
        {
            PingOneId.Require(environmentId, nameof(environmentId));
            PingOneId.Require(userId, nameof(userId));
            PingOneId.Require(deviceId, nameof(deviceId));
            var sentBefore = false;
            return SendAsync(DeleteOperation, environmentId, 204, _retries.Delete, async (_, ctx) =>
            {
                try
                {
                    await _rest.DeleteDeviceAsync(environmentId, userId, deviceId, ctx.CancellationToken).ConfigureAwait(false);
                }
                catch (PingOneException gone) when (gone.Status == 404 && sentBefore)
                {
                    // An earlier attempt whose answer was lost did delete it.
                }
                finally
                {
                    sentBefore = true;
                }
                return true;
            }, 0, cancellationToken);
        }

        /// <summary>Renames a device: <c>PUT {api}/environments/{environmentId}/users/{userId}/devices/{deviceId}/nickname</c>.</summary>
        /// <param name="environmentId">The environment's id.</param>
        /// <param name="userId">The user's id.</param>
        /// <param name="deviceId">The device's id.</param>
        /// <param name="nickname">The new nickname (at most 100 characters); an empty string clears it.</param>
        /// <param name="cancellationToken">Cancels the request and any wait between attempts.</param>
        /// <returns>
        /// PingOne's answer as it documents it: the nickname it stored (<see cref="DeviceNickname.Nickname"/>) and links to
        /// the nickname and to the device (<see cref="DeviceNickname.Links"/>). It is not the device: PingOne's answer has no
        /// device id or other device properties. Call <see cref="GetDeviceAsync"/> when you need the device; the client does
        /// not, so a rename stays one request and a failed read cannot hide a rename that happened.
        /// </returns>
        /// <exception cref="ArgumentException">An id is not a UUID, or the nickname is longer than 100 characters.</exception>
        /// <exception cref="PingOneException">
        /// The call failed (<see cref="PingOneException.Kind"/>). A <c>200</c> whose body cannot be read is
        /// <see cref="PingOneFailureKind.InvalidResponse"/>, thrown at once and never sent again: PingOne answered, so the
        /// rename most likely happened.
        /// </exception>
        /// <exception cref="PingOneConfigurationException">The request would leave for an address the settings do not allow.</exception>
        public virtual Task<DeviceNickname> UpdateNicknameAsync(string environmentId, string userId, string deviceId, string nickname, CancellationToken cancellationToken = default)
        {
            PingOneId.Require(environmentId, nameof(environmentId));
            PingOneId.Require(userId, nameof(userId));
            PingOneId.Require(deviceId, nameof(deviceId));
            if (nickname is null) throw new ArgumentNullException(nameof(nickname));
            if (nickname.Length > 100) throw new ArgumentException("The nickname may have at most 100 characters.", nameof(nickname));
            var body = new UpdateNicknameRequest { Nickname = nickname };
            return SendAsync(RenameOperation, environmentId, 200, _retries.Rename, static (s, ctx) => s.Generated.UpdateDeviceNicknameAsync(s.Body, s.EnvironmentId, s.UserId, s.DeviceId, ctx.CancellationToken), (Generated: _rest, Body: body, EnvironmentId: environmentId, UserId: userId, DeviceId: deviceId), cancellationToken);
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
        /// <exception cref="ArgumentException">An id is not a UUID, or the OTP is empty.</exception>
        /// <exception cref="PingOneException">PingOne refused the OTP, or the call failed (<see cref="PingOneException.Kind"/>).</exception>
        /// <exception cref="PingOneConfigurationException">The request would leave for an address the settings do not allow.</exception>
        /// <remarks>An OTP is used once, so only failures PingOne never processed (<c>429</c>, no connection) are retried.</remarks>
        public virtual Task<VoiceDevice> ActivateDeviceAsync(string environmentId, string userId, string deviceId, string otp, CancellationToken cancellationToken = default)
        {
            PingOneId.Require(environmentId, nameof(environmentId));
            PingOneId.Require(userId, nameof(userId));
            PingOneId.Require(deviceId, nameof(deviceId));
            if (otp is null) throw new ArgumentNullException(nameof(otp));
            if (otp.Trim().Length == 0) throw new ArgumentException("otp must not be empty.", nameof(otp));
            var body = new ActivateDeviceRequest { Otp = otp.Trim() };
            return SendAsync(ActivateOperation, environmentId, 200, _retries.Activate, static (s, ctx) => s.Generated.ActivateDeviceAsync(s.Body, s.EnvironmentId, s.UserId, s.DeviceId, ctx.CancellationToken), (Generated: _rest, Body: body, EnvironmentId: environmentId, UserId: userId, DeviceId: deviceId), cancellationToken);
        }

        /// <summary>
        /// Sets the order of a user's devices; the first becomes the user's default device:
        /// <c>POST {api}/environments/{environmentId}/users/{userId}/devices</c> as <c>application/vnd.pingidentity.devices.reorder+json</c>
        /// with <c>{"order":[{"id":"…"},…]}</c>.
        /// </summary>
        /// <param name="environmentId">The environment's id.</param>
        /// <param name="userId">The user's id.</param>
        /// <param name="deviceIds">The user's devices, first (default) to last: at least one, each a UUID, none twice.</param>
        /// <param name="cancellationToken">Cancels the request and any wait between attempts.</param>
        /// <returns>A task that completes when PingOne accepted the order (<c>200</c> or <c>204</c>; any body is ignored).</returns>
        /// <exception cref="ArgumentException">An id is not a UUID, <paramref name="deviceIds"/> is empty, or names a device twice; nothing was sent.</exception>
        /// <exception cref="ArgumentNullException"><paramref name="deviceIds"/> is <see langword="null"/>.</exception>
        /// <exception cref="PingOneException">The call failed (<see cref="PingOneException.Kind"/>).</exception>
        /// <exception cref="PingOneConfigurationException">The request would leave for an address the settings do not allow.</exception>
        /// <remarks>The same order sent twice is the same order, so it is retried like a read. PingOne appends devices activated later to the end.</remarks>
        public virtual Task SetDeviceOrderAsync(string environmentId, string userId, IEnumerable<string> deviceIds, CancellationToken cancellationToken = default)
        {
            PingOneId.Require(environmentId, nameof(environmentId));
            PingOneId.Require(userId, nameof(userId));
            if (deviceIds is null) throw new ArgumentNullException(nameof(deviceIds));
            var ids = deviceIds.ToList();
            if (ids.Count == 0) throw new ArgumentException("deviceIds must name at least one device.", nameof(deviceIds));
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var id in ids)
            {
                if (id is null || !PingOneId.IsUuid(id))
                    throw new ArgumentException($"Every device id must be a UUID such as {PingOneId.Example}; got '{id}'.", nameof(deviceIds));
                if (!seen.Add(id)) throw new ArgumentException($"deviceIds names the device {id} twice.", nameof(deviceIds));
            }
            var body = new SetDeviceOrderRequest { Order = new System.Collections.ObjectModel.Collection<DeviceOrderEntry>(ids.Select(id => new DeviceOrderEntry { Id = id }).ToList()) };
            return DeviceStateAsync(SetOrderOperation, environmentId, static (s, ctx) => s.Generated.SetDeviceOrderAsync(s.Body, s.EnvironmentId, s.UserId, ctx.CancellationToken), (Generated: _rest, Body: body, EnvironmentId: environmentId, UserId: userId), cancellationToken);
        }

        /// <summary>
        /// Makes a device the user's default: lists the user's devices (<see cref="ListDevicesAsync"/>), moves the device
        /// first, keeps the other active devices in their order, and sets that order (<see cref="SetDeviceOrderAsync"/>).
        /// Devices still <c>ACTIVATION_REQUIRED</c> are left out: Ping's Set Device Order "orders a user's active devices", and
        /// PingOne appends a device to the order when it is activated.
        /// </summary>
        /// <param name="environmentId">The environment's id.</param>
        /// <param name="userId">The user's id.</param>
        /// <param name="deviceId">The device that becomes the default.</param>
        /// <param name="cancellationToken">Cancels the requests and any wait between attempts.</param>
        /// <returns>The device ids in the order sent, <paramref name="deviceId"/> first.</returns>
        /// <exception cref="ArgumentException">
        /// An id is not a UUID, the user's device list has no such device, or the device is still <c>ACTIVATION_REQUIRED</c>
        /// (it cannot be the default before it is activated); nothing was reordered.
        /// </exception>
        /// <exception cref="PingOneException">A call failed (<see cref="PingOneException.Kind"/>).</exception>
        /// <exception cref="PingOneConfigurationException">The request would leave for an address the settings do not allow.</exception>
        /// <remarks>Two requests, not one transaction: a device added between them is left out of the order and PingOne appends it.</remarks>
        public virtual async Task<IReadOnlyList<string>> MakeDefaultDeviceAsync(string environmentId, string userId, string deviceId, CancellationToken cancellationToken = default)
        {
            PingOneId.Require(environmentId, nameof(environmentId));
            PingOneId.Require(userId, nameof(userId));
            PingOneId.Require(deviceId, nameof(deviceId));
            var devices = await ListDevicesAsync(environmentId, userId, cancellationToken).ConfigureAwait(false);
            var device = devices.FirstOrDefault(d => string.Equals(d.Id, deviceId, StringComparison.OrdinalIgnoreCase))
                ?? throw new ArgumentException($"The user has no device {deviceId} (not in the list PingOne returned): nothing was reordered.", nameof(deviceId));
            if (AwaitsActivation(device))
                throw new ArgumentException($"The device {deviceId} is ACTIVATION_REQUIRED: PingOne orders active devices only, so it cannot be the default until it is activated. Nothing was reordered.", nameof(deviceId));
            var others = devices.Where(d => !AwaitsActivation(d)).Select(d => d.Id).Where(id => !string.IsNullOrEmpty(id)).ToList();
            others.RemoveAll(id => string.Equals(id, deviceId, StringComparison.OrdinalIgnoreCase));
            var order = new List<string> { deviceId };
            order.AddRange(others);
            await SetDeviceOrderAsync(environmentId, userId, order, cancellationToken).ConfigureAwait(false);
            return order;
        }

        // Ping's Set Device Order orders active devices; one awaiting activation is appended by PingOne once activated.
        private static bool AwaitsActivation(VoiceDevice device) => string.Equals(device.Status, "ACTIVATION_REQUIRED", StringComparison.OrdinalIgnoreCase);

        /// <summary>
        /// Removes the explicit order of a user's devices, so the user no longer has a default device:
        /// <c>POST {api}/environments/{environmentId}/users/{userId}/devices</c> as <c>application/vnd.pingidentity.devices.order.remove+json</c>, empty body.
        /// </summary>
        /// <param name="environmentId">The environment's id.</param>
        /// <param name="userId">The user's id.</param>
        /// <param name="cancellationToken">Cancels the request and any wait between attempts.</param>
        /// <returns>A task that completes when PingOne accepted it (<c>200</c> or <c>204</c>; any body is ignored: PingOne documents none).</returns>
        /// <exception cref="ArgumentException">An id is not a UUID; nothing was sent.</exception>
        /// <exception cref="PingOneException">The call failed (<see cref="PingOneException.Kind"/>).</exception>
        /// <exception cref="PingOneConfigurationException">The request would leave for an address the settings do not allow.</exception>
        /// <remarks>Removing an order that is already gone leaves it gone, so it is retried like a read. <see cref="SetDeviceOrderAsync"/> sets one again.</remarks>
        public virtual Task RemoveDeviceOrderAsync(string environmentId, string userId, CancellationToken cancellationToken = default)
        {
            PingOneId.Require(environmentId, nameof(environmentId));
            PingOneId.Require(userId, nameof(userId));
            return DeviceStateAsync(RemoveOrderOperation, environmentId, static (s, ctx) => s.Generated.RemoveDeviceOrderAsync(s.EnvironmentId, s.UserId, ctx.CancellationToken), (Generated: _rest, EnvironmentId: environmentId, UserId: userId), cancellationToken);
        }

        /// <summary>
        /// Blocks a device (its <c>block.status</c> becomes <c>BLOCKED</c>):
        /// <c>POST {api}/environments/{environmentId}/users/{userId}/devices/{deviceId}</c> as <c>application/vnd.pingidentity.device.block+json</c>, empty body.
        /// </summary>
        /// <param name="environmentId">The environment's id.</param>
        /// <param name="userId">The user's id.</param>
        /// <param name="deviceId">The device's id.</param>
        /// <param name="cancellationToken">Cancels the request and any wait between attempts.</param>
        /// <returns>A task that completes when PingOne accepted it (<c>200</c> or <c>204</c>; any body is ignored: PingOne documents none).</returns>
        /// <exception cref="ArgumentException">An id is not a UUID.</exception>
        /// <exception cref="PingOneException">The call failed; <see cref="PingOneException.Status"/> <c>404</c> when the device does not exist.</exception>
        /// <exception cref="PingOneConfigurationException">The request would leave for an address the settings do not allow.</exception>
        public virtual Task BlockDeviceAsync(string environmentId, string userId, string deviceId, CancellationToken cancellationToken = default) =>
            DeviceActionAsync(BlockOperation, environmentId, userId, deviceId, static (rest, e, u, d, ct) => rest.BlockDeviceAsync(e, u, d, ct), cancellationToken);

        /// <summary>
        /// Unblocks a device (its <c>block.status</c> becomes <c>UNBLOCKED</c>):
        /// <c>POST {api}/environments/{environmentId}/users/{userId}/devices/{deviceId}</c> as <c>application/vnd.pingidentity.device.unblock+json</c>, empty body.
        /// </summary>
        /// <param name="environmentId">The environment's id.</param>
        /// <param name="userId">The user's id.</param>
        /// <param name="deviceId">The device's id.</param>
        /// <param name="cancellationToken">Cancels the request and any wait between attempts.</param>
        /// <returns>
        /// The device as PingOne answers it (<c>200</c>, Ping's "Unblock MFA User Device" page); a device of another type keeps its
        /// <c>type</c> and its own properties in <c>AdditionalProperties</c>, as for <see cref="GetDeviceAsync"/>.
        /// </returns>
        /// <exception cref="ArgumentException">An id is not a UUID.</exception>
        /// <exception cref="PingOneException">The call failed; <see cref="PingOneException.Status"/> <c>404</c> when the device does not exist;
        /// <see cref="PingOneFailureKind.InvalidResponse"/> when the answer is not the device.</exception>
        /// <exception cref="PingOneConfigurationException">The request would leave for an address the settings do not allow.</exception>
        public virtual Task<VoiceDevice> UnblockDeviceAsync(string environmentId, string userId, string deviceId, CancellationToken cancellationToken = default)
        {
            PingOneId.Require(environmentId, nameof(environmentId));
            PingOneId.Require(userId, nameof(userId));
            PingOneId.Require(deviceId, nameof(deviceId));
            return SendAsync(UnblockOperation, environmentId, 200, _retries.Unblock, static (s, ctx) => s.Generated.UnblockDeviceAsync(s.EnvironmentId, s.UserId, s.DeviceId, ctx.CancellationToken), (Generated: _rest, EnvironmentId: environmentId, UserId: userId, DeviceId: deviceId), cancellationToken);
        }

        /// <summary>
        /// Unlocks a device locked out after too many failed attempts (its <c>lock.status</c> becomes <c>UNLOCKED</c>):
        /// <c>POST {api}/environments/{environmentId}/users/{userId}/devices/{deviceId}</c> as <c>application/vnd.pingidentity.device.unlock+json</c>, empty body.
        /// </summary>
        /// <param name="environmentId">The environment's id.</param>
        /// <param name="userId">The user's id.</param>
        /// <param name="deviceId">The device's id.</param>
        /// <param name="cancellationToken">Cancels the request and any wait between attempts.</param>
        /// <returns>A task that completes when PingOne accepted it (<c>200</c> or <c>204</c>; any body is ignored: PingOne documents none).</returns>
        /// <exception cref="ArgumentException">An id is not a UUID.</exception>
        /// <exception cref="PingOneException">The call failed; <see cref="PingOneException.Status"/> <c>404</c> when the device does not exist.</exception>
        /// <exception cref="PingOneConfigurationException">The request would leave for an address the settings do not allow.</exception>
        public virtual Task UnlockDeviceAsync(string environmentId, string userId, string deviceId, CancellationToken cancellationToken = default) =>
            DeviceActionAsync(UnlockOperation, environmentId, userId, deviceId, static (rest, e, u, d, ct) => rest.UnlockDeviceAsync(e, u, d, ct), cancellationToken);

        // Block and unlock: one empty POST whose vendor content type says which; the same end state however often sent.
        private Task DeviceActionAsync(string operation, string environmentId, string userId, string deviceId, Func<PingOneMfaRestClient, string, string, string, CancellationToken, Task> action, CancellationToken cancellationToken)
        {
            PingOneId.Require(environmentId, nameof(environmentId));
            PingOneId.Require(userId, nameof(userId));
            PingOneId.Require(deviceId, nameof(deviceId));
            return DeviceStateAsync(operation, environmentId, static (s, ctx) => s.Action(s.Generated, s.EnvironmentId, s.UserId, s.DeviceId, ctx.CancellationToken), (Generated: _rest, Action: action, EnvironmentId: environmentId, UserId: userId, DeviceId: deviceId), cancellationToken);
        }

        private async Task DeviceStateAsync<TState>(string operation, string environmentId, Func<TState, ResilienceContext, Task> send, TState state, CancellationToken cancellationToken) =>
            await SendAsync(operation, environmentId, 200, _retries.DeviceState, static async (s, ctx) =>
            {
                await s.Send(s.State, ctx).ConfigureAwait(false);
                return true;
            }, (Send: send, State: state), cancellationToken).ConfigureAwait(false);

        /// <summary>Disposes what the client created: its HTTP clients, its token provider and (unless given in the options) its network handler.</summary>
        public void Dispose()
        {
            Dispose(true);
            GC.SuppressFinalize(this);
        }

        /// <summary>Disposes what the client created.</summary>
        /// <param name="disposing">Whether this is called from <see cref="Dispose()"/>.</param>
        protected virtual void Dispose(bool disposing)
        {
            if (!disposing) return;
            foreach (var owned in _owned) owned.Dispose();
        }

        // The one way to the wire: the pipeline's retries around one generated call; whatever fails reaches the caller as PingOneException.
        // Each call is one operation for telemetry (an activity, a duration), except a list's pages, which report to the list's.
        private async Task<T> SendAsync<T, TState>(string operation, string environmentId, int successStatus, ResiliencePipeline<T> pipeline, Func<TState, ResilienceContext, Task<T>> send, TState state,
            CancellationToken cancellationToken, bool createsDevice = false, OperationTelemetry? listTelemetry = null)
        {
            var owned = listTelemetry is null;
            var telemetry = listTelemetry ?? OperationTelemetry.Start(operation, environmentId, _time);
            var context = ResilienceContextPool.Shared.Get(operation, cancellationToken);
            if (telemetry is not null) RetryPipelines.SetTelemetry(context, telemetry);
            // Timing is for the log lines; without a Debug logger the hot path skips it.
            var timed = _logger.IsEnabled(LogLevel.Debug);
            var started = timed ? _time.GetTimestamp() : 0;
            try
            {
                // The first attempt is sent without entering the retry strategy (most calls end there); a failure of it is handed to
                // the strategy as its own first attempt's outcome. A call cancelled before it is sent goes through the strategy as it
                // always did, and a failure once the caller has cancelled reaches the caller as it is, as the strategy would return it.
                T result = default!;
                ExceptionDispatchInfo? firstFailure = null;
                var done = false;
                if (!cancellationToken.IsCancellationRequested)
                {
                    try
                    {
                        result = await send(state, context).ConfigureAwait(false);
                        done = true;
                    }
                    catch (Exception failure) when (!cancellationToken.IsCancellationRequested)
                    {
                        firstFailure = ExceptionDispatchInfo.Capture(failure);
                    }
                }
                if (!done) result = await RetriedAsync(pipeline, new FirstAttemptReplay<T, TState>(send, state, firstFailure), context).ConfigureAwait(false);
                if (timed) _logger.CallSucceeded(operation, successStatus, _time.GetElapsedTime(started), RetryPipelines.AttemptsOf(context));
                if (createsDevice) ClientTelemetry.CountDeviceCreated();
                if (telemetry is not null)
                {
                    telemetry.AddAttempts(RetryPipelines.AttemptsOf(context));
                    if (owned) telemetry.Succeeded();
                }
                return result;
            }
            catch (Exception failure) when (Failures.Translate(failure, cancellationToken, _secrets) is { } pingOne)
            {
                pingOne.ReadAgainst(_time.GetUtcNow());
                if (createsDevice && (Failures.MayHaveBeenProcessed(pingOne) || RetryPipelines.MayHaveBeenProcessedBefore(context)))
                    pingOne.MarkDeviceMayHaveBeenCreated();
                if (timed) _logger.CallFailed(operation, pingOne, _time.GetElapsedTime(started));
                // The last 429 is counted here; the retried ones when they are retried.
                if (pingOne.Status == 429) ClientTelemetry.CountRateLimited(operation);
                Ended(telemetry, owned, context, pingOne, cancelled: false);
                if (ReferenceEquals(pingOne, failure)) throw;
                throw pingOne;
            }
            catch (OperationCanceledException cancelled) when (cancellationToken.IsCancellationRequested && cancelled.CancellationToken != cancellationToken)
            {
                // The caller cancelled, but the exception carries another token: on .NET Framework, HttpClient's own
                // linked token once the request has left. Callers check ex.CancellationToken == theirToken, so give
                // them theirs, on every framework (the original stays as the inner exception).
                Ended(telemetry, owned, context, cancelled, cancelled: true);
                throw new OperationCanceledException(cancelled.Message, cancelled, cancellationToken);
            }
            catch (Exception other) when (telemetry is not null)
            {
                // The caller's own cancellation or a refused setting: it reaches the caller as it is, and ends the activity too.
                Ended(telemetry, owned, context, other, cancellationToken.IsCancellationRequested);
                throw;
            }
            finally
            {
                ResilienceContextPool.Shared.Return(context);
            }
        }

        // The retry strategy from the first attempt's outcome on. Cancelled before it asked for that outcome, the strategy answers
        // the cancellation itself; it would have answered the first attempt's failure, so that is what the caller gets.
        private static async Task<T> RetriedAsync<T, TState>(ResiliencePipeline<T> pipeline, FirstAttemptReplay<T, TState> attempts, ResilienceContext context)
        {
            try
            {
                return await pipeline.ExecuteAsync(static (ctx, a) => new ValueTask<T>(a.NextAttempt(ctx)), context, attempts).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (attempts.Unplayed is not null)
            {
                attempts.Unplayed.Throw();
                throw;
            }
        }

        private static void Ended(OperationTelemetry? telemetry, bool owned, ResilienceContext context, Exception failure, bool cancelled)
        {
            if (telemetry is null) return;
            telemetry.AddAttempts(RetryPipelines.AttemptsOf(context));
            if (owned) telemetry.Failed(failure, cancelled);
        }

        // Safe retry's second and later attempts: the device an earlier attempt may have created, else a new create.
        private async Task<VoiceDevice> FindOrCreateAsync(string environmentId, string userId, CreateVoiceDeviceRequest wire, NormalizedPhone phone, DateTimeOffset firstAttemptAt, OperationTelemetry? telemetry, CancellationToken cancellationToken)
        {
            if (await FindCreatedDeviceAsync(environmentId, userId, phone, firstAttemptAt, telemetry, cancellationToken).ConfigureAwait(false) is { } created)
            {
                _logger.FoundCreatedDevice(_secrets.Redact(created.Id));
                return created;
            }
            return await _rest.CreateVoiceDeviceAsync(wire, environmentId, userId, cancellationToken).ConfigureAwait(false);
        }

        // The first page as asked, then each page its predecessor links, each through the read pipeline; a next link must stay on
        // the list's own scheme, host, port and path (the token goes wherever the request goes), and a link seen before ends the list.
        // Inside another call's attempt (safe retry's look-up) the pages are fetched bare: that call's pipeline retries and translates.
        private async Task<IReadOnlyList<VoiceDevice>> ListAllPagesAsync(string environmentId, string userId, int? limit, string? filter, CancellationToken cancellationToken, bool bare = false)
        {
            // The whole list is one operation for telemetry (one activity, one duration); its pages add their attempts to it.
            var telemetry = bare ? null : OperationTelemetry.Start(ListOperation, environmentId, _time);
            // One page: the first as asked (address null) or the one a link names; bare, or through the read pipeline.
            Task<DeviceCollection> PageAsync(string? address)
            {
                if (bare)
                    return address is null
                        ? _rest.ListDevicesAsync(environmentId, userId, limit, filter, cancellationToken)
                        : _rest.ListDevicesPageAsync(environmentId, userId, address, cancellationToken);
                return SendAsync(ListOperation, environmentId, 200, _retries.ReadDevices,
                    static (s, ctx) => s.Address is null
                        ? s.Generated.ListDevicesAsync(s.EnvironmentId, s.UserId, s.Limit, s.Filter, ctx.CancellationToken)
                        : s.Generated.ListDevicesPageAsync(s.EnvironmentId, s.UserId, s.Address, ctx.CancellationToken),
                    (Generated: _rest, EnvironmentId: environmentId, UserId: userId, Limit: limit, Filter: filter, Address: address), cancellationToken, listTelemetry: telemetry);
            }

            if (telemetry is null) return await ReadPagesAsync().ConfigureAwait(false);
            try
            {
                var all = await ReadPagesAsync().ConfigureAwait(false);
                telemetry.Succeeded();
                return all;
            }
            catch (Exception failure)
            {
                telemetry.Failed(failure, cancellationToken.IsCancellationRequested);
                throw;
            }

            async Task<IReadOnlyList<VoiceDevice>> ReadPagesAsync()
            {
                var page = await PageAsync(null).ConfigureAwait(false);
                var devices = new List<VoiceDevice>();
                Uri? listAddress = null;
                HashSet<string>? followed = null;
                for (var pages = 1; ; pages++)
                {
                    if (page._embedded?.Devices is { } onPage) devices.AddRange(onPage.Where(device => device is not null));
                    if (page._links?.Next?.Href is not { Length: > 0 } href) return devices;
                    listAddress ??= new Uri(_rest.BaseUrl + "environments/" + Uri.EscapeDataString(environmentId) + "/users/" + Uri.EscapeDataString(userId) + "/devices");
                    var next = NextPageAddress(listAddress, href);
                    followed ??= new HashSet<string>(StringComparer.Ordinal);
                    if (!followed.Add(next.AbsoluteUri)) return devices;
                    if (pages >= MaxListPages)
                        throw PingOneException.InvalidAnswer($"PingOne linked more than {MaxListPages} pages of devices; the list was not read to its end.").RedactWith(_secrets);
                    page = await PageAsync(next.AbsoluteUri).ConfigureAwait(false);
                }
            }
        }

        private Uri NextPageAddress(Uri listAddress, string href)
        {
            if (Uri.TryCreate(listAddress, href, out var next)
                && next.Scheme == listAddress.Scheme
                && string.Equals(next.IdnHost, listAddress.IdnHost, StringComparison.OrdinalIgnoreCase)
                && next.Port == listAddress.Port
                && next.UserInfo.Length == 0
                && string.Equals(next.AbsolutePath, listAddress.AbsolutePath, StringComparison.OrdinalIgnoreCase))
                return next;
            // Only the host is named: a link's query may carry anything.
            var host = Uri.TryCreate(listAddress, href, out var other) ? other.Scheme + "://" + other.Authority : "an address that is not one";
            throw PingOneException.InvalidAnswer($"PingOne linked the next page of devices at {host}, which is not the list's own address ({listAddress.Scheme}://{listAddress.Authority}{listAddress.AbsolutePath}); it was not followed.").RedactWith(_secrets);
        }

        // The device an earlier attempt created: a voice device with the same canonical phone and extension,
        // created since the first attempt (less the configured clock skew between this machine and PingOne).
        private async Task<VoiceDevice?> FindCreatedDeviceAsync(string environmentId, string userId, NormalizedPhone phone, DateTimeOffset firstAttemptAt, OperationTelemetry? telemetry, CancellationToken cancellationToken)
        {
            var started = _time.GetTimestamp();
            // Only voice devices can be the one created: PingOne filters the rest out, so the look-up reads less.
            IReadOnlyList<VoiceDevice> devices;
            try
            {
                devices = await ListAllPagesAsync(environmentId, userId, null, DeviceListQuery.VoiceDevicesFilter, cancellationToken, bare: true).ConfigureAwait(false);
            }
            catch (PingOneException refused) when (refused.Status == 400)
            {
                // Ping documents filters on this list but not this one by name: refused, the whole list is read (IsVoiceDeviceFor checks the type).
                devices = await ListAllPagesAsync(environmentId, userId, null, null, cancellationToken, bare: true).ConfigureAwait(false);
            }
            var since = firstAttemptAt - _retryOptions.SafeRetryClockSkew;
            var created = devices.FirstOrDefault(device => (device.CreatedAt is null || device.CreatedAt >= since) && device.IsVoiceDeviceFor(phone));
            _logger.LookedForCreatedDevice(devices.Count, created is not null, _time.GetElapsedTime(started));
            telemetry?.LookedForCreatedDevice(created is not null, devices.Count);
            return created;
        }
    }
}
