using BenchmarkDotNet.Attributes;
using ClinicAdmin.Reports.Workbooks;

namespace ClinicAdmin.Benchmarks.Workbooks;

/// <summary>
/// Writing the monthly outcome workbook: a 100-clinic chain's month (100,000 sessions, 20,000
/// courses, 60,000 assessments, 5,000 incidents; target under 10 s) and the demo clinic's month.
/// Rows are generated while they are written, as a query streams them; output goes to a
/// write-only counting stream, like a response body.
/// Run: dotnet run -c Release --project tests/ClinicAdmin.Benchmarks -- --job short --filter '*Workbook*'
/// </summary>
[MemoryDiagnoser]
public class OutcomeWorkbookBenchmarks
{
    [Benchmark(Description = "Workbook: chain month, 100k sessions")]
    public long ChainMonth() => Write(SyntheticOutcomeMonth.Chain);

    [Benchmark(Description = "Workbook: demo clinic month, 100 sessions")]
    public long DemoMonth() => Write(SyntheticOutcomeMonth.Demo);

    /// <summary>The same chain month with ClosedXML 0.95.4 (measurement only; README Decisions).</summary>
    [Benchmark(Description = "Workbook (ClosedXML 0.95.4): chain month, 100k sessions")]
    public long ChainMonthClosedXml()
    {
        var output = new CountingStream();
        ClosedXmlOutcomeWriter.Write(SyntheticOutcomeMonth.Model(SyntheticOutcomeMonth.Chain), output);
        return output.Length;
    }

    private static long Write(SyntheticOutcomeMonth.Size size)
    {
        var output = new CountingStream();
        OutcomeWorkbookWriter.Write(SyntheticOutcomeMonth.Model(size), output);
        return output.Length;
    }
}

/// <summary>Counts what is written and keeps nothing (write-only, not seekable).</summary>
public sealed class CountingStream : Stream
{
    private long _length;
    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => _length;
    public override long Position { get => _length; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => _length += count;
    public override void Write(ReadOnlySpan<byte> buffer) => _length += buffer.Length;
}
