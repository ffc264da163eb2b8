using Microsoft.Extensions.Options;

namespace PingOne.Generated
{
    /// <summary>
    /// Start-up validation of the settings: <see cref="PingOneMfaClientOptions.Validate"/>, the same check the
    /// client makes, each failure naming its setting (<c>PingOne:ClientId is required ...</c>).
    /// </summary>
    internal sealed class PingOneMfaClientOptionsValidator : IValidateOptions<PingOneMfaClientOptions>
    {
        public ValidateOptionsResult Validate(string? name, PingOneMfaClientOptions options)
        {
            var problems = options.Validate();
            return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
        }
    }
}
