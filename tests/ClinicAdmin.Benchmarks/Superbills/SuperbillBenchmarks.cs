using BenchmarkDotNet.Attributes;
using ClinicAdmin.Reports.Superbills;
using ClinicAdmin.Reports.Tests.Superbills;

namespace ClinicAdmin.Benchmarks.Superbills;

/// <summary>
/// Time per superbill in process, validation included: a typical one-week bill (6 lines, one page)
/// and a long course (60 lines, three pages). Target: under 20 ms each.
/// Run: dotnet run -c Release --project tests/ClinicAdmin.Benchmarks -- --filter '*Superbill*' --job short
/// </summary>
[MemoryDiagnoser]
public class SuperbillBenchmarks
{
    private readonly SuperbillGenerator _generator = new();
    private SuperbillModel _typical = null!;
    private SuperbillModel _long = null!;

    [GlobalSetup]
    public void Setup()
    {
        _typical = SuperbillSamples.Typical();
        _long = SuperbillSamples.WithLines(60);
        _generator.Generate(_typical);   // fonts loaded and parsed once per process, as in the app
    }

    [Benchmark(Baseline = true, Description = "Superbill: 6 lines")]
    public int Typical() => _generator.Generate(_typical).Bytes.Length;

    [Benchmark(Description = "Superbill: 60 lines")]
    public int Long() => _generator.Generate(_long).Bytes.Length;
}
