using Microsoft.Extensions.Time.Testing;
using PingOne.Generated.Cli.Enroll;

namespace PingOne.Generated.IntegrationTests;

/// <summary>The enrollment's pacer: spacing, learning the limit from 429s, one small cut per burst, the climb back, long Retry-After holds.</summary>
public class RequestPacerTests
{
    [Test]
    public void ConfiguredRate_SpacesStarts()
    {
        var time = new FakeTimeProvider();
        var pacer = new RequestPacer(4, time);

        var first = pacer.WaitAsync(CancellationToken.None);
        var second = pacer.WaitAsync(CancellationToken.None);

        Assert.That(first.IsCompleted, Is.True);
        Assert.That(second.IsCompleted, Is.False);
        time.Advance(TimeSpan.FromMilliseconds(249));
        Assert.That(second.IsCompleted, Is.False);
        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.That(second.IsCompleted, Is.True);
        Assert.That(pacer.Requests, Is.EqualTo(2));
    }

    [Test]
    public void WithoutARate_SendsFreely_UntilThe429_ThenPacesJustUnderWhatWasAccepted()
    {
        var time = new FakeTimeProvider();
        var pacer = new RequestPacer(null, time);
        for (var i = 0; i < 100; i++)
        {
            Assert.That(pacer.WaitAsync(CancellationToken.None).IsCompleted, Is.True, "no limit known yet");
            pacer.Accepted();
            time.Advance(TimeSpan.FromMilliseconds(5));
        }

        pacer.Throttled(TimeSpan.FromSeconds(1));

        // 100 answers accepted in the last half second: the server takes at least 100 a second.
        Assert.That(pacer.CurrentRate, Is.EqualTo(95).Within(0.001));
    }

    [Test]
    public void BurstOf429s_CutsTheRateOnce_PerSecond_ByFivePercent()
    {
        var time = new FakeTimeProvider();
        var pacer = new RequestPacer(100, time);
        for (var i = 0; i < 100; i++) pacer.Accepted();

        for (var i = 0; i < 8; i++) pacer.Throttled(TimeSpan.FromSeconds(1));
        Assert.That(pacer.CurrentRate, Is.EqualTo(95).Within(0.001), "one cut for the burst, not eight");
        Assert.That(pacer.Throttles, Is.EqualTo(8));

        time.Advance(TimeSpan.FromSeconds(1));
        for (var i = 0; i < 100; i++) pacer.Accepted();
        pacer.Throttled(TimeSpan.FromSeconds(1));
        Assert.That(pacer.CurrentRate, Is.EqualTo(96 * 0.95).Within(0.001), "the climb (+0.01 per answer) then the next cut");
    }

    [Test]
    public void AcceptedAnswers_ClimbBackSlowly_ToTheConfiguredRate_NotBeyond()
    {
        var time = new FakeTimeProvider();
        var pacer = new RequestPacer(100, time);
        for (var i = 0; i < 100; i++) pacer.Accepted();
        pacer.Throttled(TimeSpan.FromSeconds(1));
        Assert.That(pacer.CurrentRate, Is.EqualTo(95).Within(0.001));

        for (var i = 0; i < 100; i++) pacer.Accepted();
        Assert.That(pacer.CurrentRate, Is.EqualTo(96).Within(0.001), "about one percent a second at this rate");

        for (var i = 0; i < 1000; i++) pacer.Accepted();
        Assert.That(pacer.CurrentRate, Is.EqualTo(100));
    }

    [Test]
    public void LongRetryAfter_HoldsEveryStart_UntilItPasses()
    {
        var time = new FakeTimeProvider();
        var pacer = new RequestPacer(null, time);

        pacer.Throttled(TimeSpan.FromSeconds(10));
        var next = pacer.WaitAsync(CancellationToken.None);

        time.Advance(TimeSpan.FromSeconds(9.9));
        Assert.That(next.IsCompleted, Is.False);
        time.Advance(TimeSpan.FromSeconds(0.1));
        Assert.That(next.IsCompleted, Is.True);
    }

    [Test]
    public void OneSecondRetryAfter_DoesNotStopTheOthers()
    {
        var time = new FakeTimeProvider();
        var pacer = new RequestPacer(null, time);
        for (var i = 0; i < 50; i++) pacer.Accepted();

        pacer.Throttled(TimeSpan.FromSeconds(1));

        Assert.That(pacer.WaitAsync(CancellationToken.None).IsCompleted, Is.True, "the throttled request waits in the client's retry; the next start is only paced");
    }

    [Test]
    public void TheRateNeverFallsBelowOnePerSecond()
    {
        var time = new FakeTimeProvider();
        var pacer = new RequestPacer(null, time);
        for (var i = 0; i < 20; i++)
        {
            pacer.Throttled(TimeSpan.FromSeconds(1));
            time.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.That(pacer.CurrentRate, Is.EqualTo(1));
    }
}
