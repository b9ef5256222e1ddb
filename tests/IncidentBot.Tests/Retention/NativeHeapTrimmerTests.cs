using System.Threading.Channels;
using IncidentBot.Retention;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace IncidentBot.Tests.Retention;

/// <summary>
/// Every process gives its C heap's free memory back each retention round, whether or not it leads the scheduler:
/// a standby replica's resident set must not keep the most it ever held either.
/// </summary>
public sealed class NativeHeapTrimmerTests
{
    private readonly FakeTimeProvider time = new();
    private readonly Channel<bool> trims = Channel.CreateUnbounded<bool>();

    [Fact]
    public void On_linux_the_c_heap_s_free_memory_can_be_given_back()
    {
        // Without glibc's malloc_trim found, the resident set keeps the most the runtime's native memory ever held.
        Assert.Equal(OperatingSystem.IsLinux(), NativeHeap.Trim());
    }

    [Fact]
    public async Task The_heap_is_trimmed_once_a_round_and_not_before_the_first_round_is_over()
    {
        using var trimmer = Trimmer(() => true);
        await trimmer.StartAsync(CancellationToken.None);

        time.Advance(TimeSpan.FromMinutes(59));
        Assert.False(trims.Reader.TryRead(out _));
        time.Advance(TimeSpan.FromMinutes(1));
        await NextTrimAsync();
        time.Advance(TimeSpan.FromHours(1));
        await NextTrimAsync();
        Assert.False(trims.Reader.TryRead(out _));

        await trimmer.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Where_there_is_nothing_to_trim_the_trimmer_stops_asking()
    {
        using var trimmer = Trimmer(() => false);
        await trimmer.StartAsync(CancellationToken.None);

        time.Advance(TimeSpan.FromHours(1));
        await NextTrimAsync();
        await trimmer.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(10));
        time.Advance(TimeSpan.FromHours(3));

        Assert.False(trims.Reader.TryRead(out _));
    }

    private NativeHeapTrimmer Trimmer(Func<bool> result) =>
        new(time, Options.Create(new RetentionOptions { Every = TimeSpan.FromHours(1) }), () =>
        {
            trims.Writer.TryWrite(true);
            return result();
        });

    private async Task NextTrimAsync() => await trims.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
}
