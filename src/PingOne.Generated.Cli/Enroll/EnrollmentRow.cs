namespace PingOne.Generated.Cli.Enroll;

/// <summary>One data row of the enrollment spreadsheet, with the line it starts on.</summary>
internal sealed record EnrollmentRow(int Line, string? UserId, string? Phone, string? Extension, string? Nickname, string? PolicyId);
