using System;
using System.Collections.Generic;
using System.Linq;

namespace PingOne.Generated
{
    /// <summary>
    /// The client's settings cannot be used, or a request would leave for a host, port or scheme the
    /// settings do not allow. Thrown before anything is sent; fix the settings (the message names them).
    /// </summary>
    public sealed class PingOneConfigurationException : InvalidOperationException
    {
        /// <summary>Creates the exception for one problem.</summary>
        /// <param name="message">What is wrong and which setting to change.</param>
        public PingOneConfigurationException(string message)
            : this(new[] { message })
        {
        }

        /// <summary>Creates the exception for every problem found.</summary>
        /// <param name="problems">What is wrong, one line per setting.</param>
        public PingOneConfigurationException(IEnumerable<string> problems)
            : this(problems?.ToArray() ?? throw new ArgumentNullException(nameof(problems)))
        {
        }

        private PingOneConfigurationException(string[] problems)
            : base(problems.Length == 1 ? problems[0] : "The PingOne settings cannot be used: " + string.Join(" ", problems))
        {
            Problems = problems;
        }

        /// <summary>Each problem found, naming its setting.</summary>
        public IReadOnlyList<string> Problems { get; }
    }
}
