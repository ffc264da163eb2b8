namespace PingOne.Generated
{
    /// <summary>How strictly a phone number is checked against libphonenumber's metadata.</summary>
    public enum PhoneValidation
    {
        /// <summary>
        /// The number must be valid for its country: a known area code or mobile range of the current
        /// metadata. The default.
        /// </summary>
        Strict = 0,

        /// <summary>
        /// The number only needs a length that numbers of its country can have. For numbers from ranges
        /// newer than the metadata the package ships with; PingOne still decides whether it can call them.
        /// </summary>
        Possible = 1,
    }
}
