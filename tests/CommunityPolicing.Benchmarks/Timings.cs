using System.Diagnostics;

namespace CommunityPolicing.Benchmarks;

/// <summary>Wall-clock samples of one operation and their percentiles, in milliseconds.</summary>
internal sealed class Timings(List<double> samples)
{
    public double P50 => Percentile(0.50);
    public double P95 => Percentile(0.95);
    public int Count => samples.Count;

    public double Percentile(double p)
    {
        var sorted = samples.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    /// <summary>
    /// Runs two operations in turns at least <paramref name="calls"/> times and for at least a second, so the JIT's
    /// tiered compilation has optimised their code by the time they are timed, as in a server that has been up a while.
    /// </summary>
    public static async Task WarmUpAsync(int calls, Func<Task> first, Func<Task> second)
    {
        var warming = Stopwatch.StartNew();
        for (var i = 0; i < calls || warming.Elapsed < TimeSpan.FromSeconds(1); i++)
        {
            await first();
            await second();
        }
    }

    /// <summary>
    /// Two operations timed in turns, so whatever else the machine does meanwhile (the JIT's background compiles, a
    /// checkpoint) falls on both alike.
    /// </summary>
    public static async Task<(Timings First, Timings Second)> PairAsync(int iterations, Func<Task> first, Func<Task> second)
    {
        List<double> a = new(iterations), b = new(iterations);
        for (var i = 0; i < iterations; i++)
        {
            a.Add(await TimeAsync(first));
            b.Add(await TimeAsync(second));
        }

        return (new Timings(a), new Timings(b));
    }

    private static async Task<double> TimeAsync(Func<Task> operation)
    {
        var watch = Stopwatch.StartNew();
        await operation();
        return watch.Elapsed.TotalMilliseconds;
    }
}
