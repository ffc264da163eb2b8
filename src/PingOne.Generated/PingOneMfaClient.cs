using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace PingOne.Generated
{
    /// <summary>
    /// Creates PingOne MFA voice devices. Thread-safe: create one per <see cref="HttpClient"/> and reuse it.
    /// </summary>
    public class PingOneMfaClient
    {
        private readonly PingOneMfaRestClient _rest = null!;
        private readonly PhoneNumberNormalizer _phoneNormalizer = PhoneNumberNormalizer.Default;

        /// <summary>For mocking frameworks only.</summary>
        protected PingOneMfaClient()
        {
        }

        /// <summary>Creates a client that sends its requests through <paramref name="httpClient"/>.</summary>
        /// <param name="httpClient">
        /// The HTTP client; its handlers authenticate the requests. It is not disposed by this client, and its
        /// <see cref="HttpClient.BaseAddress"/> is not used: the options decide where requests go.
        /// </param>
        /// <param name="options">The region or API base address to call.</param>
        public PingOneMfaClient(HttpClient httpClient, PingOneMfaClientOptions options)
        {
            if (httpClient is null) throw new ArgumentNullException(nameof(httpClient));
            if (options is null) throw new ArgumentNullException(nameof(options));
            _rest = new PingOneMfaRestClient(httpClient) { BaseUrl = options.EffectiveApiBaseAddress.AbsoluteUri };
            _phoneNormalizer = new PhoneNumberNormalizer(options.PhoneNormalization);
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
        /// <param name="cancellationToken">Cancels the request.</param>
        /// <returns>The device PingOne created.</returns>
        /// <exception cref="InvalidPhoneNumberException">The phone number or extension cannot be used; nothing was sent.</exception>
        /// <exception cref="ArgumentException"><paramref name="environmentId"/>, <paramref name="userId"/> or the policy id is empty.</exception>
        /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
        /// <exception cref="PingOneException">PingOne refused the request or answered with an unreadable body.</exception>
        /// <exception cref="HttpRequestException">The request could not be sent or the response not received.</exception>
        public virtual Task<VoiceDevice> CreateVoiceDeviceAsync(string environmentId, string userId, CreateVoiceDeviceRequest request, CancellationToken cancellationToken = default)
        {
            RequireId(environmentId, nameof(environmentId));
            RequireId(userId, nameof(userId));
            if (request is null) throw new ArgumentNullException(nameof(request));
            if (string.IsNullOrWhiteSpace(request.Policy?.Id))
                throw new ArgumentException("request.Policy.Id must be the id of a device authentication policy.", nameof(request));
            request.Normalize(_phoneNormalizer);
            return _rest.CreateVoiceDeviceAsync(request, environmentId, userId, cancellationToken);
        }

        private static void RequireId(string value, string name)
        {
            if (value is null) throw new ArgumentNullException(name);
            if (value.Trim().Length == 0) throw new ArgumentException($"{name} must not be empty.", name);
        }
    }
}
