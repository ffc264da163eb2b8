using Microsoft.Extensions.Time.Testing;
using PingOne.Generated.Cli.Enroll;

namespace PingOne.Generated.IntegrationTests;

/// <summary>The enrollment's rate limiter: spacing, one cut per burst of 429s, and the climb back.</summary>
public class AdaptiveRateLimiterTests
{
    [Test]
    public void ConfiguredRate_SpacesStarts()
    {
        var time = new FakeTimeProvider();
        var limiter = new AdaptiveRateLimiter(4, time);

        var first = limiter.WaitAsync(CancellationToken.None);
        var second = limiter.WaitAsync(CancellationToken.None);

        Assert.That(first.IsCompleted, Is.True);
        Assert.That(second.IsCompleted, Is.False);
        time.Advance(TimeSpan.FromMilliseconds(249));
        Assert.That(second.IsCompleted, Is.False);
        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.That(second.IsCompleted, Is.True);
    }

    [Test]
    public void BurstOf429s_HalvesTheRateOnce_PerSecond()
    {
        var time = new FakeTimeProvider();
        var limiter = new AdaptiveRateLimiter(100, time);

        for (var i = 0; i < 8; i++) limiter.Throttled(observedRate: 0);
        Assert.That(limiter.CurrentRate, Is.EqualTo(50));
        Assert.That(limiter.Throttles, Is.EqualTo(8));

        time.Advance(TimeSpan.FromSeconds(1));
        limiter.Throttled(observedRate: 0);
        Assert.That(limiter.CurrentRate, Is.EqualTo(25));
    }

    [Test]
    public void Successes_ClimbBackUpToTheConfiguredRate()
    {
        var limiter = new AdaptiveRateLimiter(10, new FakeTimeProvider());
        limiter.Throttled(observedRate: 0);

        for (var i = 0; i < 20; i++) limiter.Succeeded();

        Assert.That(limiter.CurrentRate, Is.EqualTo(10));
    }

    [Test]
    public void WithoutARate_ItIsUnlimitedUntilThrottled_ThenStartsAtHalfWhatWasSent()
    {
        var limiter = new AdaptiveRateLimiter(null, new FakeTimeProvider());
        Assert.That(limiter.CurrentRate, Is.Zero);
        Assert.That(limiter.WaitAsync(CancellationToken.None).IsCompleted, Is.True);

        limiter.Throttled(observedRate: 300);

        Assert.That(limiter.CurrentRate, Is.EqualTo(150));
    }
}
