using System;
using System.Threading;
using System.Threading.Tasks;

namespace PingOne.Generated
{
    /// <summary>The environment's MFA settings: the device limit and phone extensions the device operations depend on.</summary>
    public partial class PingOneMfaClient
    {
        private const string GetSettingsOperation = "get-mfa-settings";
        private const string UpdateSettingsOperation = "update-mfa-settings";
        private const string ResetSettingsOperation = "reset-mfa-settings";

        /// <summary>Reads an environment's MFA settings: <c>GET {api}/environments/{environmentId}/mfaSettings</c>.</summary>
        /// <param name="environmentId">The environment's id.</param>
        /// <param name="cancellationToken">Cancels the request and any wait between attempts.</param>
        /// <returns>
        /// The settings; <see cref="MfaSettingsPairing.MaxAllowedDevices"/> and <see cref="MfaSettingsPhoneExtensions.Enabled"/>
        /// decide whether a create succeeds. Properties the client does not know are kept in each object's <c>AdditionalProperties</c>.
        /// </returns>
        /// <exception cref="ArgumentException"><paramref name="environmentId"/> is not a UUID.</exception>
        /// <exception cref="PingOneException">The call failed (<see cref="PingOneException.Kind"/>).</exception>
        /// <exception cref="PingOneConfigurationException">The request would leave for an address the settings do not allow.</exception>
        public virtual Task<MfaSettings> GetMfaSettingsAsync(string environmentId, CancellationToken cancellationToken = default)
        {
            PingOneId.Require(environmentId, nameof(environmentId));
            return SendAsync(GetSettingsOperation, environmentId, 200, _retries.Settings, static (s, ctx) => s.Generated.GetMfaSettingsAsync(s.EnvironmentId, ctx.CancellationToken), (Generated: _rest, EnvironmentId: environmentId), cancellationToken);
        }

        /// <summary>
        /// Replaces an environment's MFA settings: <c>PUT {api}/environments/{environmentId}/mfaSettings</c> with the whole
        /// settings object. Read them with <see cref="GetMfaSettingsAsync"/>, change what you need and pass them here:
        /// properties the client does not know go back as they were read.
        /// </summary>
        /// <param name="environmentId">The environment's id.</param>
        /// <param name="settings">
        /// The settings to store. A copy is sent without the read-only <c>_links</c>, <c>environment</c> and <c>updatedAt</c>;
        /// <paramref name="settings"/> itself is not changed.
        /// </param>
        /// <param name="cancellationToken">Cancels the request and any wait between attempts.</param>
        /// <returns>The settings as PingOne stored them.</returns>
        /// <exception cref="ArgumentException">
        /// <paramref name="environmentId"/> is not a UUID, or <c>pairing.maxAllowedDevices</c> is outside 1 to 15 (PingOne allows
        /// "any number up to 15"); nothing was sent.
        /// </exception>
        /// <exception cref="ArgumentNullException"><paramref name="settings"/> is <see langword="null"/>.</exception>
        /// <exception cref="PingOneException">The call failed (<see cref="PingOneException.Kind"/>).</exception>
        /// <exception cref="PingOneConfigurationException">The request would leave for an address the settings do not allow.</exception>
        /// <remarks>Sending the same whole settings twice ends the same way, so the call is retried like a read.</remarks>
        public virtual Task<MfaSettings> UpdateMfaSettingsAsync(string environmentId, MfaSettings settings, CancellationToken cancellationToken = default)
        {
            PingOneId.Require(environmentId, nameof(environmentId));
            if (settings is null) throw new ArgumentNullException(nameof(settings));
            if (settings.Pairing?.MaxAllowedDevices is { } max && (max < MfaSettingsPairing.MinAllowedDevices || max > MfaSettingsPairing.MaxAllowedDevicesLimit))
                throw new ArgumentException($"pairing.maxAllowedDevices must be between {MfaSettingsPairing.MinAllowedDevices} and {MfaSettingsPairing.MaxAllowedDevicesLimit} (PingOne allows any number up to 15); it is {max}.", nameof(settings));
            var body = settings.ToWire();
            return SendAsync(UpdateSettingsOperation, environmentId, 200, _retries.Settings, static (s, ctx) => s.Generated.UpdateMfaSettingsAsync(s.Body, s.EnvironmentId, ctx.CancellationToken), (Generated: _rest, Body: body, EnvironmentId: environmentId), cancellationToken);
        }

        /// <summary>
        /// Resets an environment's MFA settings to PingOne's defaults: <c>DELETE {api}/environments/{environmentId}/mfaSettings</c>.
        /// PingOne documents the defaults as 5 devices per user (<c>pairing.maxAllowedDevices</c>) and phone extensions disabled.
        /// </summary>
        /// <param name="environmentId">The environment's id.</param>
        /// <param name="cancellationToken">Cancels the request and any wait between attempts.</param>
        /// <returns>The settings after the reset, as PingOne answers them (<c>200</c>).</returns>
        /// <exception cref="ArgumentException"><paramref name="environmentId"/> is not a UUID; nothing was sent.</exception>
        /// <exception cref="PingOneException">The call failed (<see cref="PingOneException.Kind"/>).</exception>
        /// <exception cref="PingOneConfigurationException">The request would leave for an address the settings do not allow.</exception>
        /// <remarks>A second reset ends in the same defaults, so the call is retried like a read.</remarks>
        public virtual Task<MfaSettings> ResetMfaSettingsAsync(string environmentId, CancellationToken cancellationToken = default)
        {
            PingOneId.Require(environmentId, nameof(environmentId));
            return SendAsync(ResetSettingsOperation, environmentId, 200, _retries.Settings, static (s, ctx) => s.Generated.ResetMfaSettingsAsync(s.EnvironmentId, ctx.CancellationToken), (Generated: _rest, EnvironmentId: environmentId), cancellationToken);
        }
    }
}
