using System;
using System.Collections.Generic;

namespace PingOne.Generated
{
    /// <summary>
    /// The shape the generated client throws for a status whose body the spec types (nswag.json:
    /// exceptionClass). Internal: callers catch <see cref="PingOneException"/>.
    /// </summary>
    internal sealed class PingOneException<TResult> : PingOneException
    {
        public PingOneException(string message, int statusCode, string? response, IReadOnlyDictionary<string, IEnumerable<string>> headers, TResult result, Exception? innerException)
            : base(statusCode, message, result as PingOneError, headers, innerException)
        {
        }
    }
}
