using BenchmarkDotNet.Running;
using ClinicAdmin.Benchmarks.Workbooks;

// Measured runs outside BenchmarkDotNet first (they take their own arguments), then the benchmarks:
//   dotnet run -c Release --project tests/ClinicAdmin.Benchmarks -- --filter '*Superbill*' --job short
//   dotnet run -c Release --project tests/ClinicAdmin.Benchmarks -- --filter '*Workbook*' --job short
// Add --inProcess on a busy machine to skip building a separate benchmark process.
if (WorkbookPeak.TryRun(args)) return;

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
