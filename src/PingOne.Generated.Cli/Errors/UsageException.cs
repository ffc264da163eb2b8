namespace PingOne.Generated.Cli;

/// <summary>
/// The command line itself is wrong (options that do not fit, a missing option): reported as one line ending in
/// "see 'pingone-voice &lt;command&gt; --help'", exit 1. Its message is written in option names.
/// </summary>
internal sealed class UsageException : ArgumentException
{
    public UsageException(string message) : base(message)
    {
    }
}
