namespace PingOne.Generated.Cli.Enroll;

/// <summary>Whether a row can be sent: a user, a policy, and a phone (with extension) that normalizes.</summary>
internal static class RowValidation
{
    public static RowResult Check(EnrollmentRow row, PhoneNumberNormalizer normalizer, out NormalizedPhone phone)
    {
        phone = default;
        if (row.UserId is null) return new RowResult(row.Line, row.UserId, RowStatus.Invalid, Error: "userId is empty");
        if (row.PolicyId is null) return new RowResult(row.Line, row.UserId, RowStatus.Invalid, Error: "policyId is empty (add the column or pass --policy)");
        if (!normalizer.TryNormalize(row.Phone ?? string.Empty, row.Extension, out phone, out var error))
            return new RowResult(row.Line, row.UserId, RowStatus.Invalid, Error: $"{error!.Reason}: {error.Message}");
        return new RowResult(row.Line, row.UserId, RowStatus.Valid);
    }
}
