namespace PingOne.Generated
{
    public partial class VoiceDevice
    {
        /// <summary>The device's HAL links (<c>_links</c> on the wire): itself, its environment and its user.</summary>
        [Newtonsoft.Json.JsonIgnore]
        public DeviceLinks? Links => _links;

        /// <summary>
        /// Whether this is a voice device for <paramref name="phone"/>: the same canonical number and extension,
        /// however PingOne spelled the number it stored.
        /// </summary>
        /// <param name="phone">A normalized phone, e.g. from <see cref="PhoneNumberNormalizer.Normalize"/>.</param>
        /// <returns><see langword="true"/> for a <c>VOICE</c> device whose phone and extension normalize to <paramref name="phone"/>.</returns>
        public bool IsVoiceDeviceFor(NormalizedPhone phone) =>
            string.Equals(Type, "VOICE", System.StringComparison.OrdinalIgnoreCase) &&
            Phone is not null &&
            PhoneNumberNormalizer.Lenient.TryNormalize(Phone, Extension, out var stored, out _) &&
            stored == phone;
    }
}
