namespace PingOne.Generated
{
    /// <summary>A token provider that can forget a token PingOne rejected, so the next request gets a new one.</summary>
    internal interface ITokenCache
    {
        void Invalidate(string rejectedToken);
    }
}
