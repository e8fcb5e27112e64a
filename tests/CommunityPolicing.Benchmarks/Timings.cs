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
    /// Two operations timed in turns, so whatever else the machine does meanwhile (the JIT's background compiles, a
    /// checkpoint) falls on both alike. The warm-up runs each at least <paramref name="warmup"/> times and for at
    /// least a second, so the JIT's tiered compilation has optimised the code by the time samples are taken, as it
    /// has in a server that has been up for a minute.
    /// </summary>
    public static async Task<(Timings First, Timings Second)> PairAsync(int warmup, int iterations, Func<Task> first, Func<Task> second)
    {
        var warming = Stopwatch.StartNew();
        for (var i = 0; i < warmup || warming.Elapsed < TimeSpan.FromSeconds(1); i++)
        {
            await first();
            await second();
        }

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
