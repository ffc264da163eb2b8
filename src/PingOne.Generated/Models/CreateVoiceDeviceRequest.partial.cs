using System;

namespace PingOne.Generated
{
    /// <remarks>
    /// Write <see cref="Phone"/> in any accepted spelling, with or without an extension in it:
    /// <see cref="PingOneMfaClient.CreateVoiceDeviceAsync"/> sends a normalized copy (E.164 phone, the
    /// extension in <see cref="Extension"/>) and leaves this object as it is.
    /// </remarks>
    public partial class CreateVoiceDeviceRequest
    {
        /// <summary>Creates a request for a voice device.</summary>
        /// <param name="phone">The phone number in any accepted spelling, possibly with an extension.</param>
        /// <param name="policyId">The device authentication policy's id.</param>
        /// <param name="extension">An extension given on its own, or <see langword="null"/>.</param>
        /// <returns>The request, as given; the client normalizes the phone when it sends it.</returns>
        /// <exception cref="ArgumentNullException"><paramref name="phone"/> or <paramref name="policyId"/> is <see langword="null"/>.</exception>
        public static CreateVoiceDeviceRequest Create(string phone, string policyId, string? extension = null) => new()
        {
            Phone = phone ?? throw new ArgumentNullException(nameof(phone)),
            Extension = extension,
            Policy = new DevicePolicyReference { Id = policyId ?? throw new ArgumentNullException(nameof(policyId)) },
        };

        // The body that goes on the wire: a copy with the phone in E.164 and the extension apart. Pure: this object is not touched.
        internal CreateVoiceDeviceRequest ToWire(NormalizedPhone phone)
        {
            var wire = (CreateVoiceDeviceRequest)MemberwiseClone();
            wire.Type = VoiceDeviceType.Voice;
            wire.Phone = phone.Phone;
            wire.Extension = phone.Extension;
            return wire;
        }
    }
}
