using System.Globalization;

namespace PingOne.Generated.Cli.Enroll;

/// <summary>
/// Which users a run from the directory enrolls, and from which profile attribute: <c>--phone-attribute</c>,
/// <c>--population</c>, <c>--filter</c>. It names the journal's target, so a rerun of the same selection resumes and
/// another selection keeps a journal of its own.
/// </summary>
internal sealed record DirectorySelection(UserPhoneAttribute Attribute, string? PopulationId, string? Filter)
{
    /// <summary>
    /// The SCIM filter sent to PingOne: the population's (its id escaped as a SCIM string) and the caller's, which is
    /// sent as written (PingOne judges it and answers <c>400 INVALID_FILTER</c> for what it does not support).
    /// </summary>
    public string? ScimFilter => (PopulationId, Filter) switch
    {
        (null, null) => null,
        ({ } population, null) => "population.id eq " + UserQuery.Quote(population),
        (null, { } filter) => filter,
        ({ } population, { } filter) => $"population.id eq {UserQuery.Quote(population)} and ({filter})",
    };

    /// <summary>For the journal's header and messages: <c>mobilePhone of population 5a3b… and filter '…'</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{UserPhone.NameOf(Attribute)} of {(PopulationId is null && Filter is null ? "all users" : string.Join(" and ", Parts()))}");

    private IEnumerable<string> Parts()
    {
        if (PopulationId is not null) yield return "population " + PopulationId;
        if (Filter is not null) yield return $"filter '{Filter}'";
    }

    /// <summary>A short stable name for the default journal and results files: the same selection, the same files.</summary>
    public string FileStem(EnrollmentTarget target)
    {
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(target.ToString()));
        return "enroll-directory-" + UserPhone.NameOf(Attribute) + "-" + Convert.ToHexString(hash, 0, 4).ToLowerInvariant();
    }
}
