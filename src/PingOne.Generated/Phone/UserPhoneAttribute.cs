namespace PingOne.Generated
{
    /// <summary>Which phone of a PingOne user's profile to read (<see cref="UserPhone.TryRead"/>).</summary>
    public enum UserPhoneAttribute
    {
        /// <summary>The user's <c>mobilePhone</c>.</summary>
        MobilePhone = 0,

        /// <summary>The user's <c>primaryPhone</c>.</summary>
        PrimaryPhone = 1,
    }
}
