namespace PingOne.Generated.Cli;

/// <summary>The documented exit codes of <c>pingone-voice</c>.</summary>
internal static class ExitCodes
{
    /// <summary>Everything worked.</summary>
    public const int Ok = 0;

    /// <summary>Bad input: a usage error, an invalid phone number or setting.</summary>
    public const int BadInput = 1;

    /// <summary>PingOne refused the request (a 4xx, or a 5xx when the outcome is known).</summary>
    public const int PingOneRefused = 2;

    /// <summary>PingOne could not be reached, or the outcome is unknown (the device may have been created).</summary>
    public const int TransportFailure = 3;
}
