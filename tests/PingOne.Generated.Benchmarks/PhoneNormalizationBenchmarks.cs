using BenchmarkDotNet.Attributes;
using PhoneNumbers;
using PingOne.Generated;

namespace PingOne.Generated.Benchmarks;

/// <summary>
/// Steady-state cost of one normalization beside libphonenumber on its own: bare parse + E.164 format
/// (the issue's yardstick), and parse + the same validation + format (like for like).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class PhoneNormalizationBenchmarks
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();
    private readonly PhoneNumberNormalizer _strict = PhoneNumberNormalizer.Default;
    private readonly PhoneNumberNormalizer _possible = new(new PhoneNormalizationOptions { Validation = PhoneValidation.Possible });
    private string _international = string.Empty;

    [Params("+1.5125551234", "+15125551234", "+1.512.555.1234", "15125551234", "1-512-555-1234", "+1 (512) 555-1234",
            "+44 (0)20 7946 0958", "+39 06 6982 1234", "+81 3-1234-5678", "+1 (512) 555-1234 ext. 313#")]
    public string Input { get; set; } = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        // The least libphonenumber must be given to read the text as international, as the layer does.
        _international = Input.StartsWith('+') ? Input : "+" + Input;
        _strict.Normalize(Input);
        _possible.Normalize(Input);
        BareParseFormat();
    }

    [Benchmark(Baseline = true, Description = "libphonenumber Parse+Format")]
    public string BareParseFormat() => Util.Format(Util.Parse(_international, "ZZ"), PhoneNumberFormat.E164);

    [Benchmark(Description = "libphonenumber Parse+IsValidNumber+Format")]
    public string BareParseValidateFormat()
    {
        var number = Util.Parse(_international, "ZZ");
        return Util.IsValidNumber(number) ? Util.Format(number, PhoneNumberFormat.E164) : string.Empty;
    }

    [Benchmark(Description = "Normalize, Strict (default)")]
    public string NormalizeStrict() => _strict.Normalize(Input).Phone;

    [Benchmark(Description = "Normalize, Possible")]
    public string NormalizePossible() => _possible.Normalize(Input).Phone;
}
