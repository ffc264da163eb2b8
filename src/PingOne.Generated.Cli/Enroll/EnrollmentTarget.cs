namespace PingOne.Generated.Cli.Enroll;

/// <summary>Where a run creates devices: the API base address and the environment. A journal belongs to one target.</summary>
internal sealed record EnrollmentTarget(Uri Api, string EnvironmentId)
{
    public bool SameAs(EnrollmentTarget other) =>
        Uri.Compare(Api, other.Api, UriComponents.AbsoluteUri, UriFormat.UriEscaped, StringComparison.OrdinalIgnoreCase) == 0 &&
        string.Equals(EnvironmentId, other.EnvironmentId, StringComparison.OrdinalIgnoreCase);

    public override string ToString() => $"{Api.AbsoluteUri} environment {EnvironmentId}";
}
