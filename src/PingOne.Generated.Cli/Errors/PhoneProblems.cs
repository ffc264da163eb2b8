namespace PingOne.Generated.Cli;

/// <summary>
/// Why a phone number or extension cannot be used, in the command line's words: built from the library's
/// <see cref="PhoneNumberProblem"/> (structured), never from its message (which names .NET options such as
/// <c>PhoneNormalizationOptions.DefaultRegion</c>). The value itself is not repeated: the user typed it, and a
/// full phone number never goes into a message.
/// </summary>
internal static class PhoneProblems
{
    /// <param name="reason">The library's reason.</param>
    /// <param name="phone">What the phone is called where it came from: <c>--phone</c>, or <c>the phone cell</c>.</param>
    /// <param name="extension">What the extension is called there: <c>--extension</c>, or <c>the extension cell</c>.</param>
    public static string Describe(PhoneNumberProblem reason, string phone, string extension) => reason switch
    {
        PhoneNumberProblem.Empty => $"{phone} is empty: give the number with its country calling code, e.g. +1 512 555 1234",
        PhoneNumberProblem.NotANumber => $"{phone} is not a phone number: use digits with spaces, '+', '.', '-' or parentheses, and an extension such as 'ext. 313'",
        PhoneNumberProblem.MissingCountryCode => $"{phone} has no country calling code: write it with + and the country code (e.g. +1 512 555 1234), or pass --phone-region (e.g. --phone-region US) to accept national numbers",
        PhoneNumberProblem.InvalidCountryCode => $"{phone} starts with a country calling code that does not exist: check the digits after the +",
        PhoneNumberProblem.TooShort => $"{phone} is too short for its country: check that no digit is missing, including the area code",
        PhoneNumberProblem.TooLong => $"{phone} is too long for its country: remove extra digits, and give an extension after 'ext.' or in {extension}",
        PhoneNumberProblem.InvalidForRegion => $"{phone} is not a valid number in its country (e.g. its area code does not exist): check it, or pass --validation possible if the number is newer than the phone metadata",
        PhoneNumberProblem.InvalidExtension => $"{extension} is not a valid extension: use up to 20 digits, '#', '*' and ',' (a pause), with at least one digit",
        PhoneNumberProblem.ConflictingExtensions => $"{phone} gives one extension and {extension} another: give the extension once",
        _ => $"{phone} cannot be used ({reason})",
    };
}
