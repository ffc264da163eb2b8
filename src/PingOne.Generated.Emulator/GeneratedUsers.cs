using System.Globalization;

namespace PingOne.Generated.Emulator;

/// <summary>
/// The profiles of <see cref="EmulatorOptions.GeneratedUsers"/>: a realistic, deterministic mix computed from the index (see
/// <see cref="EmulatorOptions.GeneratedUsers"/> for the mix), so a directory of any size costs nothing until it is read and a
/// test can tell in advance what each user holds.
/// </summary>
internal static class GeneratedUsers
{
    // Created and last updated, for every generated and seeded user.
    public static readonly DateTimeOffset CreatedAt = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static string Username(int index) => "user" + index.ToString("D6", CultureInfo.InvariantCulture);

    // Every 50th user shares the email of the user before it: PingOne does not require emails to be unique.
    public static string Email(int index) => Username(index % 50 == 49 ? index - 1 : index) + "@example.com";

    public static PingOneUser Profile(int index)
    {
        var n = (1000 + index % 9000).ToString(CultureInfo.InvariantCulture);
        var london = "0" + (index % 1000).ToString("D3", CultureInfo.InvariantCulture);
        string? mobile = null, primary = null, country = "US";
        switch (index % 20)
        {
            case 0 or 3: mobile = "+1 512 555 " + n; break;
            case 1 or 4: mobile = "+1.512.555." + n; break;
            case 2 or 5: mobile = "+1 (512) 555-" + n; break;
            case 6 or 7: mobile = "+44 20 7946 " + london; country = "GB"; break;
            case 8: mobile = "(512) 555-" + n; break;
            case 9: mobile = "512.555." + n; break;
            case 10: mobile = "020 7946 " + london; country = "GB"; break;
            // Parenthesized, as national numbers are most often written: bare digits without a country would read as an international number.
            case 11 or 12: mobile = "(512) 555-" + n; country = null; break;
            case 13 or 14: primary = "+1 512 555 " + n; break;
            case 15 or 16: break;
            case 17: mobile = "+1 555 01"; break;
            case 18: mobile = "n/a"; break;
            default: mobile = "+1 512 555 " + n; primary = "+1 737 555 " + n; break;
        }
        return new PingOneUser
        {
            Id = EmulatorSeed.GeneratedUserId(index),
            Username = Username(index),
            Email = Email(index),
            Enabled = index % 25 != 24,
            Population = new ResourceReference { Id = index % 4 == 3 ? EmulatorSeed.ContractorsPopulationId : EmulatorSeed.PopulationId },
            Name = new UserName { Given = "User", Family = index.ToString("D6", CultureInfo.InvariantCulture) },
            MobilePhone = mobile,
            PrimaryPhone = primary,
            Address = country is null ? null : new UserAddress { CountryCode = country },
            CreatedAt = CreatedAt,
            UpdatedAt = CreatedAt,
        };
    }

    // The three seeded users: Ping's example username, a national number with its country, and a user without a phone.
    public static PingOneUser[] Seeded() => new[]
    {
        Seed(EmulatorSeed.UserId, EmulatorSeed.Username, "helena.wingar@example.com", "Helena", "Wingar", "+1.5125551111", "US"),
        Seed(EmulatorSeed.SecondUserId, "marysample", "marysample@example.com", "Mary", "Sample", "(512) 555-2222", "US"),
        Seed(EmulatorSeed.ThirdUserId, "jdoe", "jdoe@example.com", "John", "Doe", null, null),
    };

    private static PingOneUser Seed(string id, string username, string email, string given, string family, string? mobile, string? country) => new()
    {
        Id = id,
        Username = username,
        Email = email,
        Enabled = true,
        Population = new ResourceReference { Id = EmulatorSeed.PopulationId },
        Name = new UserName { Given = given, Family = family },
        MobilePhone = mobile,
        Address = country is null ? null : new UserAddress { CountryCode = country },
        CreatedAt = CreatedAt,
        UpdatedAt = CreatedAt,
    };
}
