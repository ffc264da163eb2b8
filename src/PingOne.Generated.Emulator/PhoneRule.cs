namespace PingOne.Generated.Emulator;

/// <summary>
/// Which phone texts the emulator accepts for a voice device, modelled on what PingOne documents (its
/// voice-device page lists <c>+1.5125551234</c>, <c>+15125551234</c>, <c>+1.512.555.1234</c>,
/// <c>15125551234</c>, <c>1-512-555-1234</c> and <c>+1 (512) 555-1234</c>): an optional leading <c>+</c>,
/// then digits with <c>.</c>, <c>-</c>, spaces and parentheses as separators. Deliberately its own rule,
/// not the client's normalizer, so the emulator can disagree with the client where PingOne would. The
/// phone is stored and echoed exactly as sent, as PingOne's example answer does.
/// </summary>
internal static class PhoneRule
{
    /// <summary>The fewest digits a phone with its country code has (e.g. Niue, <c>+683 4002</c>).</summary>
    public const int MinDigits = 7;

    /// <summary>The most digits E.164 allows.</summary>
    public const int MaxDigits = 15;

    /// <summary>Why PingOne would refuse <paramref name="phone"/>, or <see langword="null"/> when it is accepted. Never quotes the number.</summary>
    public static string? Problem(string phone)
    {
        var start = phone.StartsWith('+') ? 1 : 0;
        if (phone.Length == start) return "The phone has no digits.";
        var digits = 0;
        var open = false;
        for (var i = start; i < phone.Length; i++)
        {
            var c = phone[i];
            if (c is >= '0' and <= '9') digits++;
            else if (c == '(')
            {
                if (open) return "The phone's parentheses are nested.";
                open = true;
            }
            else if (c == ')')
            {
                if (!open) return "The phone's parentheses do not match.";
                open = false;
            }
            else if (c is '.' or '-' or ' ') continue;
            else if (char.IsLetter(c) || c is '#' or '*' or ',' or ';')
                return "The phone may contain only digits and the separators . - ( ) and space; put an extension in the extension property.";
            else return "The phone may contain only an optional leading +, digits and the separators . - ( ) and space.";
        }
        if (open) return "The phone's parentheses do not match.";
        if (!(char.IsAsciiDigit(phone[start]) || phone[start] == '(') || !char.IsAsciiDigit(phone[^1]))
            return "The phone must start with + or a digit and end with a digit.";
        if (digits is < MinDigits or > MaxDigits) return $"The phone must have {MinDigits} to {MaxDigits} digits, with its country calling code.";
        return null;
    }
}
