using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace PingOne.Generated.Cli.Doctor;

/// <summary>The doctor's findings, one per check, printed as lines (<c>ok: …</c> / <c>problem: …</c>) or as one JSON document.</summary>
internal sealed class DoctorReport
{
    private readonly List<Finding> _findings = new();
    private readonly HashSet<string> _reportedDrift = new(StringComparer.Ordinal);
    private readonly TextWriter? _lines;

    /// <param name="lines">Where each finding is written as a line as soon as it is known; <see langword="null"/> for JSON at the end.</param>
    public DoctorReport(TextWriter? lines) => _lines = lines;

    /// <summary>One check's outcome.</summary>
    /// <param name="Check">What was checked, e.g. <c>token</c>, <c>drift</c>.</param>
    /// <param name="Status"><c>ok</c>, <c>problem</c> or <c>skipped</c>.</param>
    /// <param name="Message">What was found, and for a problem what to do.</param>
    /// <param name="Operation">The spec operation concerned, if any.</param>
    /// <param name="SpecPath">For drift: the spec path to change.</param>
    public sealed record Finding(string Check, string Status, string Message, string? Operation = null, string? SpecPath = null);

    public IReadOnlyList<Finding> Findings => _findings;

    public bool HasProblems => _findings.Any(f => f.Status == "problem");

    public Task OkAsync(string check, string message, string? operation = null) => AddAsync(new Finding(check, "ok", message, operation));

    public Task ProblemAsync(string check, string message, string? operation = null) => AddAsync(new Finding(check, "problem", message, operation));

    public Task SkippedAsync(string check, string message) => AddAsync(new Finding(check, "skipped", message));

    /// <summary>A drift, reported once per spec path however many answers show it.</summary>
    public Task DriftAsync(string operation, string specPath, string jsonPath, string problem) =>
        _reportedDrift.Add(specPath + "\n" + problem)
            ? AddAsync(new Finding("drift", "problem", $"{operation} answer, {jsonPath}: {problem}. Change {specPath} in openapi/pingone-mfa-devices.yaml and regenerate.", operation, specPath))
            : Task.CompletedTask;

    /// <summary>The whole report as <c>--output json</c> prints it: <c>{"ok": …, "checks": [{"check", "status", "message", "operation", "specPath"}]}</c>.</summary>
    public JObject ToData() => JObject.FromObject(new { ok = !HasProblems, checks = _findings }, JsonSerializer.Create(new JsonSerializerSettings
    {
        NullValueHandling = NullValueHandling.Ignore,
        ContractResolver = new Newtonsoft.Json.Serialization.CamelCasePropertyNamesContractResolver(),
    }));

    private async Task AddAsync(Finding finding)
    {
        _findings.Add(finding);
        if (_lines is not null) await _lines.WriteLineAsync($"{finding.Status}: {finding.Check}: {finding.Message}").ConfigureAwait(false);
    }
}
