using System.Text.RegularExpressions;

namespace PingOne.Generated.Emulator;

/// <summary>Which of the spec's operations a request is: its method, path and, where several share those, its content type.</summary>
internal sealed partial class SpecContract
{
    private List<(string Method, Regex Path, string Fragment, IReadOnlyCollection<string> MediaTypes, string OperationId)>? _routes;

    /// <summary>
    /// The <c>operationId</c> of the spec operation a request is, or <see langword="null"/> (the token endpoint, an unknown path).
    /// </summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="apiPath">The path after the API base address's <c>/v1</c>, e.g. <c>/environments/{id}/mfaSettings</c>.</param>
    /// <param name="mediaType">The request's content type without parameters, or <see langword="null"/>.</param>
    public string? OperationOf(string method, string apiPath, string? mediaType)
    {
        var candidates = (_routes ??= Routes()).Where(r => string.Equals(r.Method, method, StringComparison.OrdinalIgnoreCase) && r.Path.IsMatch(apiPath)).ToList();
        if (candidates.Count <= 1) return candidates.SingleOrDefault().OperationId;
        // Several operations share a method and path (PingOne's vendor content types): the request's content type picks one,
        // either as the operation's request body type or through the path's "#block+json" fragment.
        return candidates.FirstOrDefault(r => mediaType is not null && r.MediaTypes.Contains(mediaType, StringComparer.OrdinalIgnoreCase)).OperationId
            ?? candidates.FirstOrDefault(r => mediaType is not null && r.Fragment.Length > 0 && mediaType.EndsWith("." + r.Fragment, StringComparison.OrdinalIgnoreCase)).OperationId
            ?? candidates.FirstOrDefault(r => r.MediaTypes.Contains("application/json") && (mediaType is null || !mediaType.StartsWith("application/vnd.", StringComparison.OrdinalIgnoreCase))).OperationId;
    }

    private List<(string, Regex, string, IReadOnlyCollection<string>, string)> Routes() =>
        _document.Paths.SelectMany(path => path.Value.Select(operation =>
        {
            var parts = path.Key.Split('#', 2);
            var pattern = "^" + Regex.Replace(Regex.Escape(parts[0]), @"\\\{[^/]+?\}", "[^/]+") + "/?$";
            var mediaTypes = operation.Value.RequestBody?.Content.Keys.ToList() ?? new List<string>();
            return (operation.Key.ToUpperInvariant(), new Regex(pattern, RegexOptions.CultureInvariant), parts.Length > 1 ? parts[1] : string.Empty,
                (IReadOnlyCollection<string>)mediaTypes, operation.Value.OperationId);
        })).ToList();
}
