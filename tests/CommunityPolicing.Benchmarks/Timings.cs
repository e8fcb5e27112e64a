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

    public static async Task<Timings> OfAsync(int warmup, int iterations, Func<Task> operation)
    {
        for (var i = 0; i < warmup; i++)
        {
            await operation();
        }

        var samples = new List<double>(iterations);
        for (var i = 0; i < iterations; i++)
        {
            var watch = Stopwatch.StartNew();
            await operation();
            samples.Add(watch.Elapsed.TotalMilliseconds);
        }

        return new Timings(samples);
    }
}
