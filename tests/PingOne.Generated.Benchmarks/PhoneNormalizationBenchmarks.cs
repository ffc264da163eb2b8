using BenchmarkDotNet.Attributes;
using PhoneNumbers;
using PingOne.Generated;

namespace PingOne.Generated.Benchmarks;

/// <summary>Steady-state cost of one normalization beside libphonenumber's bare parse + E.164 format.</summary>
[MemoryDiagnoser]
public class PhoneNormalizationBenchmarks
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();
    private readonly PhoneNumberNormalizer _normalizer = PhoneNumberNormalizer.Default;
    private string _international = string.Empty;

    [Params("+1.5125551234", "+15125551234", "+1.512.555.1234", "15125551234", "1-512-555-1234", "+1 (512) 555-1234",
            "+44 (0)20 7946 0958", "+39 06 6982 1234", "+81 3-1234-5678", "+1 (512) 555-1234 ext. 313#")]
    public string Input { get; set; } = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        // The least libphonenumber must be given to read the text as international, as the layer does.
        _international = Input.StartsWith('+') ? Input : "+" + Input;
        _normalizer.Normalize(Input);
        Util.Format(Util.Parse(_international, "ZZ"), PhoneNumberFormat.E164);
    }

    [Benchmark(Baseline = true, Description = "libphonenumber Parse+Format(E164)")]
    public string BareLibPhoneNumber() => Util.Format(Util.Parse(_international, "ZZ"), PhoneNumberFormat.E164);

    [Benchmark(Description = "PhoneNumberNormalizer.Normalize (strict)")]
    public string Normalize() => _normalizer.Normalize(Input).Phone;
}
