using System;
using System.Collections.Generic;

namespace PingOne.Generated
{
    /// <summary>The one check of a client's settings, used by the client itself and by dependency injection's start-up validation.</summary>
    internal static class PingOneMfaClientOptionsValidation
    {
        public static IReadOnlyList<string> Problems(PingOneMfaClientOptions options)
        {
            var problems = new List<string>();
            if (options.Region is null) problems.Add("PingOne:Region must be one of NorthAmerica, Canada, Europe, Australia, Singapore, AsiaPacific.");
            CheckAddress(options.ApiBaseAddress, "PingOne:ApiBaseAddress", options.AllowHttpOnLoopback, problems);
            CheckAddress(options.AuthBaseAddress, "PingOne:AuthBaseAddress", options.AllowHttpOnLoopback, problems);

            // The environment id becomes a path segment of the token endpoint: only a UUID, never "..".
            if (!string.IsNullOrWhiteSpace(options.EnvironmentId) && !PingOneId.IsUuid(options.EnvironmentId!))
                problems.Add($"PingOne:EnvironmentId must be a PingOne id: a UUID such as {PingOneId.Example}.");
            var hasToken = !string.IsNullOrWhiteSpace(options.AccessToken);
            var hasClient = !string.IsNullOrWhiteSpace(options.ClientId) || !string.IsNullOrEmpty(options.ClientSecret);
            // Sent as "Authorization: Bearer <token>": a pasted "Bearer ..." or a line break would not be one token.
            if (hasToken && BearerToken.Problem(options.AccessToken!) is { } tokenProblem)
                problems.Add($"PingOne:AccessToken must be the access token alone, as PingOne issued it: it {tokenProblem}.");
            if (hasToken && hasClient)
                problems.Add("PingOne:AccessToken and PingOne:ClientId/ClientSecret are both set; set one way to authenticate.");
            else if (!hasToken)
            {
                if (string.IsNullOrWhiteSpace(options.EnvironmentId)) problems.Add("PingOne:EnvironmentId is required for the client-credentials grant (or set PingOne:AccessToken).");
                if (string.IsNullOrWhiteSpace(options.ClientId)) problems.Add("PingOne:ClientId is required for the client-credentials grant (or set PingOne:AccessToken).");
                if (string.IsNullOrEmpty(options.ClientSecret)) problems.Add("PingOne:ClientSecret is required for the client-credentials grant (or set PingOne:AccessToken).");
            }

            var retry = options.Retry;
            if (retry is null) problems.Add("PingOne:Retry must not be null.");
            else
            {
                if (retry.MaxAttempts < 1) problems.Add($"PingOne:Retry:MaxAttempts must be at least 1 (it is {retry.MaxAttempts}).");
                if (retry.BaseDelay < TimeSpan.Zero || retry.BaseDelay > TimeSpan.FromDays(1)) problems.Add("PingOne:Retry:BaseDelay must be between 0 and one day.");
                if (retry.MaxDelay < retry.BaseDelay) problems.Add("PingOne:Retry:MaxDelay must be at least PingOne:Retry:BaseDelay.");
                if (retry.SafeRetryClockSkew < TimeSpan.Zero || retry.SafeRetryClockSkew > TimeSpan.FromDays(1)) problems.Add("PingOne:Retry:SafeRetryClockSkew must be between 0 and one day.");
            }
            if (options.PhoneNormalization is null) problems.Add("PingOne:PhoneNormalization must not be null.");
            return problems;
        }

        private static void CheckAddress(Uri? address, string setting, bool allowHttpOnLoopback, List<string> problems)
        {
            if (address is null) return;
            if (!address.IsAbsoluteUri)
                problems.Add($"{setting} must be an absolute URL such as https://api.pingone.com/v1/.");
            else if (!HttpsOrLoopback.IsAllowed(address, allowHttpOnLoopback))
                problems.Add($"{setting} must use https{(address.IsLoopback ? " (or set PingOne:AllowHttpOnLoopback for a local emulator)" : string.Empty)}.");
            else if (address.UserInfo.Length > 0 || address.Query.Length > 0 || address.Fragment.Length > 0)
                problems.Add($"{setting} must not carry user info, a query or a fragment (it is {address.Scheme}://{address.Host}...).");
        }
    }
}
