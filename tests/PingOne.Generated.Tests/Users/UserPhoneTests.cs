namespace PingOne.Generated.Tests.Users;

/// <summary>
/// A profile phone read through the phone layer: national numbers in the user's own country (<c>address.countryCode</c>), else the
/// fallback region; a missing attribute told apart from an invalid one; never the whole number in a message.
/// </summary>
public class UserPhoneTests
{
    private static PingOneUser User(string? mobilePhone, string? countryCode = null, string? primaryPhone = null) => new()
    {
        Id = "u1",
        MobilePhone = mobilePhone,
        PrimaryPhone = primaryPhone,
        Address = countryCode is null ? null : new UserAddress { CountryCode = countryCode },
    };

    private static readonly PhoneNormalizationOptions UsFallback = new() { DefaultRegion = "US" };

    [TestCase("(512) 555-1234", "US", "+15125551234")]
    [TestCase("512.555.1234", "US", "+15125551234")]
    [TestCase("020 7946 0958", "GB", "+442079460958")]
    [TestCase("020 7946 0958", "gb", "+442079460958")]
    [TestCase("030 901820", "DE", "+4930901820")]
    [TestCase("+44 20 7946 0958", "US", "+442079460958")]
    [TestCase("+1.5125551234", null, "+15125551234")]
    [TestCase("0044 20 7946 0958", "FR", "+442079460958")]
    public void A_number_is_read_in_the_users_own_country_when_it_is_national(string stored, string? countryCode, string expected)
    {
        var ok = UserPhone.TryRead(User(stored, countryCode), UserPhoneAttribute.MobilePhone, null, out var phone, out var error);

        Assert.That(ok, Is.True, error?.Message);
        Assert.That(error, Is.Null);
        Assert.That(phone!.Value.Phone, Is.EqualTo(expected));
    }

    [Test]
    public void The_users_country_wins_over_the_fallback_region()
    {
        var ok = UserPhone.TryRead(User("020 7946 0958", "GB"), UserPhoneAttribute.MobilePhone, UsFallback, out var phone, out _);

        Assert.That(ok, Is.True);
        Assert.That(phone!.Value.Phone, Is.EqualTo("+442079460958"));
    }

    [TestCase(null)]
    [TestCase("XX")]
    [TestCase("USA")]
    [TestCase("")]
    public void Without_a_known_country_the_fallback_region_reads_a_national_number(string? countryCode)
    {
        var ok = UserPhone.TryRead(User("(512) 555-1234", countryCode), UserPhoneAttribute.MobilePhone, UsFallback, out var phone, out _);

        Assert.That(ok, Is.True);
        Assert.That(phone!.Value.Phone, Is.EqualTo("+15125551234"));
    }

    [Test]
    public void A_national_number_without_a_country_or_fallback_is_MissingCountryCode_and_says_why()
    {
        var ok = UserPhone.TryRead(User("(512) 555-1234"), UserPhoneAttribute.MobilePhone, null, out var phone, out var error);

        Assert.That(ok, Is.False);
        Assert.That(phone, Is.Null);
        Assert.That(error!.Reason, Is.EqualTo(PhoneNumberProblem.MissingCountryCode));
        Assert.That(error.ParamName, Is.EqualTo("mobilePhone"));
        Assert.That(error.Message, Does.Contain("address.countryCode"));
        Assert.That(error.Message, Does.Not.Contain("555-1234").And.Not.Contain("5551234"));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("   ")]
    public void A_missing_attribute_is_Empty_and_ValueOf_tells_absent_from_blank(string? stored)
    {
        var user = User(stored, "US", primaryPhone: "+15125551234");

        var ok = UserPhone.TryRead(user, UserPhoneAttribute.MobilePhone, UsFallback, out var phone, out var error);

        Assert.That(ok, Is.False);
        Assert.That(phone, Is.Null);
        Assert.That(error!.Reason, Is.EqualTo(PhoneNumberProblem.Empty));
        Assert.That(error.ParamName, Is.EqualTo("mobilePhone"));
        Assert.That(error.Message, Does.Contain("no mobilePhone"));
        Assert.That(UserPhone.ValueOf(user, UserPhoneAttribute.MobilePhone), Is.EqualTo(stored));
    }

    [TestCase("+1 555", PhoneNumberProblem.TooShort)]
    [TestCase("call me", PhoneNumberProblem.NotANumber)]
    [TestCase("+999 123 456 789", PhoneNumberProblem.InvalidCountryCode)]
    public void An_invalid_number_is_its_problem_without_the_number_in_the_message(string stored, PhoneNumberProblem problem)
    {
        var ok = UserPhone.TryRead(User(stored, "US"), UserPhoneAttribute.MobilePhone, null, out var phone, out var error);

        Assert.That(ok, Is.False);
        Assert.That(phone, Is.Null);
        Assert.That(error!.Reason, Is.EqualTo(problem));
        Assert.That(error.Message, Does.StartWith("The user's mobilePhone cannot be used"));
        Assert.That(error.Message, Does.Not.Contain("123 456 789"));
    }

    [TestCase(10_000)]
    [TestCase(101)]
    public void A_runaway_profile_phone_is_TooLong_without_being_repeated(int length)
    {
        var stored = new string('5', length);

        var ok = UserPhone.TryRead(User(stored, "US"), UserPhoneAttribute.MobilePhone, null, out var phone, out var error);

        Assert.That(ok, Is.False);
        Assert.That(phone, Is.Null);
        Assert.That(error!.Reason, Is.EqualTo(PhoneNumberProblem.TooLong));
        Assert.That(error.Message, Does.Not.Contain("5555"));
    }

    [Test]
    public void PrimaryPhone_is_read_from_its_own_attribute()
    {
        var user = User("(512) 555-1234", "US", primaryPhone: "020 7946 0958");
        user.Address!.CountryCode = "GB";

        Assert.That(UserPhone.TryRead(user, UserPhoneAttribute.PrimaryPhone, null, out var phone, out _), Is.True);
        Assert.That(phone!.Value.Phone, Is.EqualTo("+442079460958"));
        Assert.That(UserPhone.NameOf(UserPhoneAttribute.PrimaryPhone), Is.EqualTo("primaryPhone"));
    }

    [Test]
    public void An_extension_in_the_profile_is_kept_apart()
    {
        Assert.That(UserPhone.TryRead(User("(512) 555-1234 ext. 313", "US"), UserPhoneAttribute.MobilePhone, null, out var phone, out _), Is.True);
        Assert.That(phone!.Value.Phone, Is.EqualTo("+15125551234"));
        Assert.That(phone.Value.Extension, Is.EqualTo("313"));
    }

    [Test]
    public void Arguments_are_checked()
    {
        Assert.Throws<ArgumentNullException>(() => UserPhone.TryRead(null!, UserPhoneAttribute.MobilePhone, null, out _, out _));
        Assert.Throws<ArgumentOutOfRangeException>(() => UserPhone.TryRead(User("+15125551234"), (UserPhoneAttribute)7, null, out _, out _));
    }
}
