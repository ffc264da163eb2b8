using System.Collections.Generic;
using Microsoft.Extensions.Options;

namespace PingOne.Generated
{
    /// <summary>Checks the <c>PingOne</c> settings at start-up; each failure names the setting.</summary>
    internal sealed class PingOneMfaClientOptionsValidator : IValidateOptions<PingOneMfaClientOptions>
    {
        public ValidateOptionsResult Validate(string? name, PingOneMfaClientOptions options)
        {
            var failures = new List<string>();
            if (options.Region is null) failures.Add("PingOne:Region must be one of NorthAmerica, Canada, Europe, Australia, Singapore, AsiaPacific.");
            CheckAddress(options.ApiBaseAddress, "PingOne:ApiBaseAddress", options.AllowHttpOnLoopback, failures);
            CheckAddress(options.AuthBaseAddress, "PingOne:AuthBaseAddress", options.AllowHttpOnLoopback, failures);

            var hasToken = !string.IsNullOrWhiteSpace(options.AccessToken);
            var hasClient = !string.IsNullOrWhiteSpace(options.ClientId) || !string.IsNullOrEmpty(options.ClientSecret);
            if (hasToken && hasClient)
                failures.Add("PingOne:AccessToken and PingOne:ClientId/ClientSecret are both set; set one way to authenticate.");
            else if (!hasToken)
            {
                if (string.IsNullOrWhiteSpace(options.EnvironmentId)) failures.Add("PingOne:EnvironmentId is required for the client-credentials grant (or set PingOne:AccessToken).");
                if (string.IsNullOrWhiteSpace(options.ClientId)) failures.Add("PingOne:ClientId is required for the client-credentials grant (or set PingOne:AccessToken).");
                if (string.IsNullOrEmpty(options.ClientSecret)) failures.Add("PingOne:ClientSecret is required for the client-credentials grant (or set PingOne:AccessToken).");
            }

            var retry = options.Retry;
            if (retry is null) failures.Add("PingOne:Retry must not be null.");
            else
            {
                if (retry.MaxAttempts < 1) failures.Add($"PingOne:Retry:MaxAttempts must be at least 1 (it is {retry.MaxAttempts}).");
                if (retry.BaseDelay < System.TimeSpan.Zero) failures.Add("PingOne:Retry:BaseDelay must not be negative.");
                if (retry.MaxDelay < retry.BaseDelay) failures.Add("PingOne:Retry:MaxDelay must be at least PingOne:Retry:BaseDelay.");
            }
            if (options.PhoneNormalization is null) failures.Add("PingOne:PhoneNormalization must not be null.");
            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }

        private static void CheckAddress(System.Uri? address, string setting, bool allowHttpOnLoopback, List<string> failures)
        {
            if (address is null) return;
            if (!address.IsAbsoluteUri) failures.Add($"{setting} must be an absolute URL such as https://api.pingone.com/v1/.");
            else if (address.Scheme != "https" && !(address.Scheme == "http" && address.IsLoopback && allowHttpOnLoopback))
                failures.Add($"{setting} must use https{(address.IsLoopback ? " (or set PingOne:AllowHttpOnLoopback for a local emulator)" : string.Empty)}.");
        }
    }
}
