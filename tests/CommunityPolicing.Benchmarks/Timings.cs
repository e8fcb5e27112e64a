using System.Diagnostics;

namespace CommunityPolicing.Benchmarks;

/// <summary>Wall-clock samples of one operation and their percentiles, in milliseconds.</summary>
internal sealed class Timings(List<double> samples, long allocatedBytes = 0)
{
    /// <summary>Managed memory the process allocated per call, in KB: deterministic where times are not.</summary>
    public double AllocatedKb => allocatedBytes / 1024.0 / samples.Count;

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
        long allocatedA = 0, allocatedB = 0;
        for (var i = 0; i < iterations; i++)
        {
            var (ms, bytes) = await TimeAsync(first);
            a.Add(ms);
            allocatedA += bytes;
            (ms, bytes) = await TimeAsync(second);
            b.Add(ms);
            allocatedB += bytes;
        }

        return (new Timings(a, allocatedA), new Timings(b, allocatedB));
    }

    private static async Task<(double Ms, long Bytes)> TimeAsync(Func<Task> operation)
    {
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        await operation();
        var elapsed = watch.Elapsed.TotalMilliseconds;
        return (elapsed, GC.GetTotalAllocatedBytes(precise: true) - before);
    }
}
