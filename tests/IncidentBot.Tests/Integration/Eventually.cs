namespace IncidentBot.Tests.Integration;

/// <summary>Polls a condition with a deadline: tests wait for what they expect, never for a fixed time.</summary>
internal static class Eventually
{
    public static async Task TrueAsync(Func<bool> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = TimeProvider.System.GetTimestamp() + (long)((timeout ?? TimeSpan.FromSeconds(15)).TotalSeconds * TimeProvider.System.TimestampFrequency);
        while (!condition())
        {
            if (TimeProvider.System.GetTimestamp() > deadline)
            {
                throw new TimeoutException($"Timed out waiting for {what}.");
            }

            await Task.Delay(20);
        }
    }

    /// <summary>As above, for a condition that has to ask (an HTTP endpoint, say).</summary>
    public static async Task TrueAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = TimeProvider.System.GetTimestamp() + (long)((timeout ?? TimeSpan.FromSeconds(15)).TotalSeconds * TimeProvider.System.TimestampFrequency);
        while (!await condition())
        {
            if (TimeProvider.System.GetTimestamp() > deadline)
            {
                throw new TimeoutException($"Timed out waiting for {what}.");
            }

            await Task.Delay(20);
        }
    }
}
