using System;

namespace PingOne.Generated
{
    /// <summary>
    /// A phone number or extension cannot be sent to PingOne. Thrown before any request is sent.
    /// <see cref="ArgumentException.ParamName"/> is <c>phone</c> or <c>extension</c>: the argument that
    /// holds the bad text. The message says what to do and shows at most the last two digits of the number.
    /// </summary>
    public sealed class InvalidPhoneNumberException : ArgumentException
    {
        /// <summary>Creates the exception.</summary>
        /// <param name="reason">Why the value cannot be used.</param>
        /// <param name="message">What is wrong and what to do; must not contain the full number.</param>
        /// <param name="paramName"><c>phone</c> or <c>extension</c>.</param>
        public InvalidPhoneNumberException(PhoneNumberProblem reason, string message, string paramName)
            : base(message, paramName)
        {
            Reason = reason;
        }

        /// <summary>Why the value cannot be used, for programs to branch on.</summary>
        public PhoneNumberProblem Reason { get; }
    }
}
