using System;
using System.Runtime.Serialization;

namespace PingOne.Generated
{
    /// <remarks>
    /// Before a request is serialized, by <see cref="PingOneMfaClient"/> or by any
    /// <c>JsonConvert.SerializeObject</c>, <see cref="Phone"/> and <see cref="Extension"/> are normalized:
    /// the phone becomes E.164 and an extension written in the phone text moves to <see cref="Extension"/>.
    /// An invalid phone throws <see cref="InvalidPhoneNumberException"/>, so it never reaches the wire.
    /// </remarks>
    public partial class CreateVoiceDeviceRequest
    {
        // What the last normalization produced; a request that still holds it needs no second pass.
        private string? _normalizedPhone;
        private string? _normalizedExtension;

        /// <summary>Creates a request for a voice device with a normalized phone number.</summary>
        /// <param name="phone">The phone number in any accepted spelling, possibly with an extension.</param>
        /// <param name="policyId">The device authentication policy's id.</param>
        /// <param name="extension">An extension given on its own, or <see langword="null"/>.</param>
        /// <param name="normalizer">How to read the number; <see langword="null"/> for <see cref="PhoneNumberNormalizer.Default"/>.</param>
        /// <returns>The request, with <see cref="Phone"/> in E.164 form.</returns>
        /// <exception cref="InvalidPhoneNumberException">The phone or extension cannot be used.</exception>
        /// <exception cref="ArgumentException"><paramref name="policyId"/> is empty.</exception>
        public static CreateVoiceDeviceRequest Create(string phone, string policyId, string? extension = null, PhoneNumberNormalizer? normalizer = null)
        {
            if (phone is null) throw new ArgumentNullException(nameof(phone));
            if (string.IsNullOrWhiteSpace(policyId)) throw new ArgumentException("The device authentication policy id must not be empty.", nameof(policyId));
            var request = new CreateVoiceDeviceRequest { Phone = phone, Extension = extension, Policy = new DevicePolicyReference { Id = policyId } };
            request.Normalize(normalizer ?? PhoneNumberNormalizer.Default);
            return request;
        }

        /// <summary>
        /// Rewrites <see cref="Phone"/> in E.164 form and <see cref="Extension"/> with the extension from either
        /// place. Normalizing twice gives the same values.
        /// </summary>
        /// <param name="normalizer">How to read the number.</param>
        /// <exception cref="InvalidPhoneNumberException">The phone or extension cannot be used; the request is left unchanged.</exception>
        public void Normalize(PhoneNumberNormalizer normalizer)
        {
            if (normalizer is null) throw new ArgumentNullException(nameof(normalizer));
            if (IsNormalized) return;
            if (Phone is null)
                throw new InvalidPhoneNumberException(PhoneNumberProblem.Empty, "The request has no phone number. Set Phone to the number with its country calling code, e.g. +1 512 555 1234.", "phone");
            var normalized = normalizer.Normalize(Phone, Extension);
            Phone = _normalizedPhone = normalized.Phone;
            Extension = _normalizedExtension = normalized.Extension;
        }

        private bool IsNormalized =>
            _normalizedPhone is not null &&
            string.Equals(Phone, _normalizedPhone, StringComparison.Ordinal) &&
            string.Equals(Extension, _normalizedExtension, StringComparison.Ordinal);

        // The guarantee for requests built any other way (initializer, deserialized): nothing unnormalized is written.
        [OnSerializing]
        internal void OnSerializing(StreamingContext context) => Normalize(PhoneNumberNormalizer.Default);
    }
}
