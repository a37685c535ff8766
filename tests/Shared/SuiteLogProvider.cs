using System.Text;
using Microsoft.Extensions.Logging;

namespace ClinicAdmin.Testing;

/// <summary>Every event of an in-process app: category, level, message, structured values and exception, one line each.</summary>
public sealed class SuiteLogProvider(string file) : ILoggerProvider
{
    private readonly object _gate = new();
    private readonly StreamWriter _writer = new(file, append: true, Encoding.UTF8) { AutoFlush = true };

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose() { lock (_gate) _writer.Dispose(); }

    private void Write(string line) { lock (_gate) { try { _writer.WriteLine(line); } catch (ObjectDisposedException) { } } }

    private sealed class Logger(SuiteLogProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var line = new StringBuilder().Append(logLevel).Append(' ').Append(category).Append(": ").Append(formatter(state, exception));
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
                foreach (var (k, v) in values) line.Append(" | ").Append(k).Append('=').Append(v);
            if (exception is not null) line.Append(" | ").Append(exception.ToString().ReplaceLineEndings(" "));
            owner.Write(line.ToString().ReplaceLineEndings(" "));
        }
    }
}
