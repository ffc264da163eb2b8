using System;
using System.Threading;
using System.Threading.Tasks;

namespace PingOne.Generated
{
    /// <summary>The device authentication policies under which voice devices are created.</summary>
    public partial class PingOneMfaClient
    {
        private const string ReadPolicyOperation = "read-device-authentication-policy";

        /// <summary>
        /// Reads one device authentication policy (an "MFA policy" in the PingOne console):
        /// <c>GET {api}/environments/{environmentId}/deviceAuthenticationPolicies/{policyId}</c>.
        /// </summary>
        /// <param name="environmentId">The environment's id.</param>
        /// <param name="policyId">The policy's id, as a create sends it in <c>policy.id</c>.</param>
        /// <param name="cancellationToken">Cancels the request and any wait between attempts.</param>
        /// <returns>
        /// The policy; <see cref="DeviceAuthenticationPolicy.Voice"/>'s <see cref="OfflineDevicePolicy.Enabled"/> says whether it
        /// allows voice devices. Properties the client does not know are kept in each object's <c>AdditionalProperties</c>.
        /// </returns>
        /// <exception cref="ArgumentException"><paramref name="environmentId"/> or <paramref name="policyId"/> is not a UUID; nothing was sent.</exception>
        /// <exception cref="PingOneException">The call failed (<see cref="PingOneException.Kind"/>); a policy that does not exist is <c>404</c>.</exception>
        /// <exception cref="PingOneConfigurationException">The request would leave for an address the settings do not allow.</exception>
        public virtual Task<DeviceAuthenticationPolicy> GetDeviceAuthenticationPolicyAsync(string environmentId, string policyId, CancellationToken cancellationToken = default)
        {
            PingOneId.Require(environmentId, nameof(environmentId));
            PingOneId.Require(policyId, nameof(policyId));
            return SendAsync(ReadPolicyOperation, environmentId, 200, _retries.ReadPolicy, static (s, ctx) => s.Generated.ReadDeviceAuthenticationPolicyAsync(s.EnvironmentId, s.PolicyId, ctx.CancellationToken), (Generated: _rest, EnvironmentId: environmentId, PolicyId: policyId), cancellationToken);
        }
    }
}
