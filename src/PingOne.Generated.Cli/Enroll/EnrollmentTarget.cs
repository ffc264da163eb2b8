namespace PingOne.Generated.Cli.Enroll;

/// <summary>
/// Where a run creates devices: the API base address and the environment, and for a run from the directory the
/// selection of users (attribute, population, filter). A journal belongs to one target.
/// </summary>
internal sealed record EnrollmentTarget(Uri Api, string EnvironmentId, string? Selection = null)
{
    public bool SameAs(EnrollmentTarget other) =>
        Uri.Compare(Api, other.Api, UriComponents.AbsoluteUri, UriFormat.UriEscaped, StringComparison.OrdinalIgnoreCase) == 0 &&
        string.Equals(EnvironmentId, other.EnvironmentId, StringComparison.OrdinalIgnoreCase) &&
        string.Equals(Selection, other.Selection, StringComparison.Ordinal);

    public override string ToString() => $"{Api.AbsoluteUri} environment {EnvironmentId}{(Selection is null ? string.Empty : $" ({Selection})")}";
}
