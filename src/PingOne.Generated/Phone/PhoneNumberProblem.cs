namespace PingOne.Generated
{
    /// <summary>Why a phone number or extension cannot be used; see <see cref="InvalidPhoneNumberException.Reason"/>.</summary>
    public enum PhoneNumberProblem
    {
        /// <summary>The phone text is empty or white space.</summary>
        Empty = 0,

        /// <summary>The text is not a phone number: letters, symbols, or no digits.</summary>
        NotANumber = 1,

        /// <summary>The number has no country calling code and no default region was configured.</summary>
        MissingCountryCode = 2,

        /// <summary>The number starts with a country calling code that does not exist (e.g. <c>+999</c>).</summary>
        InvalidCountryCode = 3,

        /// <summary>The number has too few digits for its country.</summary>
        TooShort = 4,

        /// <summary>The number has too many digits for its country.</summary>
        TooLong = 5,

        /// <summary>The number has no valid form in its country (e.g. an area code that does not exist).</summary>
        InvalidForRegion = 6,

        /// <summary>The extension has characters other than digits, <c>#</c>, <c>*</c> and <c>,</c>, no digit, or more than 20 characters.</summary>
        InvalidExtension = 7,

        /// <summary>The phone text and the extension argument name two different extensions.</summary>
        ConflictingExtensions = 8,
    }
}
