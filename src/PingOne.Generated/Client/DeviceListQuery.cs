namespace PingOne.Generated
{
    /// <summary>
    /// What <see cref="PingOneMfaClient.QueryDevicesAsync(string, string, DeviceListQuery?, System.Threading.CancellationToken)"/>
    /// asks PingOne for: a filter and a page size, sent as the query parameters <c>filter</c> and <c>limit</c>.
    /// </summary>
    public sealed class DeviceListQuery
    {
        /// <summary>The filter that keeps voice devices only: <c>type eq "VOICE"</c>.</summary>
        public const string VoiceDevicesFilter = "type eq \"VOICE\"";

        /// <summary>A query for voice devices only (<see cref="VoiceDevicesFilter"/>), PingOne's page size.</summary>
        public static DeviceListQuery VoiceDevices => new() { Filter = VoiceDevicesFilter };

        /// <summary>A SCIM-style filter such as <see cref="VoiceDevicesFilter"/>, sent as is (URL-encoded); <see langword="null"/> sends none.</summary>
        public string? Filter { get; set; }

        /// <summary>The most devices one page holds (at least 1); <see langword="null"/> leaves it to PingOne. The client follows every page either way.</summary>
        public int? Limit { get; set; }
    }
}
