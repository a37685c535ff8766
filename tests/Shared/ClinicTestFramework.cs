using Xunit;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace ClinicAdmin.Testing;

/// <summary>
/// xUnit 2 with one addition: tests of classes marked Trait("Database", "SqlServer") are reported as skipped, with
/// the reason, when CLINICADMIN_TEST_MSSQL is not set (no SQL Server engine runs on these machines). xUnit 2 has no
/// dynamic skip, and a test that returned early would be counted as passed. With the variable set they run as usual.
/// Each test project names this framework in its Infrastructure/TestFramework.cs.
/// </summary>
public sealed class ClinicTestFramework(IMessageSink messageSink) : XunitTestFramework(messageSink)
{
    protected override ITestFrameworkDiscoverer CreateDiscoverer(IAssemblyInfo assemblyInfo) =>
        new Discoverer(assemblyInfo, SourceInformationProvider, DiagnosticMessageSink);

    private sealed class Discoverer(IAssemblyInfo assembly, ISourceInformationProvider source, IMessageSink diagnostics)
        : XunitTestFrameworkDiscoverer(assembly, source, diagnostics)
    {
        protected override bool FindTestsForMethod(ITestMethod testMethod, bool includeSourceInformation, IMessageBus messageBus, ITestFrameworkDiscoveryOptions discoveryOptions)
        {
            if (TestDatabases.SqlServerSkipReason is null || !IsSqlServer(testMethod.TestClass.Class))
                return base.FindTestsForMethod(testMethod, includeSourceInformation, messageBus, discoveryOptions);
            if (!testMethod.Method.GetCustomAttributes(typeof(FactAttribute)).Any()) return true; // not a test (Theory is a Fact)
            var skipped = new SkippedSqlServerTestCase(DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod);
            return ReportDiscoveredTestCase(skipped, includeSourceInformation, messageBus);
        }

        private static bool IsSqlServer(ITypeInfo type) =>
            type.GetCustomAttributes(typeof(TraitAttribute)).Any(a => a.GetConstructorArguments().SequenceEqual(["Database", "SqlServer"]));
    }
}

/// <summary>One skipped entry per test method (a theory's rows are not expanded: there is nothing to run them on).</summary>
public sealed class SkippedSqlServerTestCase : XunitTestCase
{
    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public SkippedSqlServerTestCase() { }

    public SkippedSqlServerTestCase(IMessageSink diagnostics, TestMethodDisplay display, TestMethodDisplayOptions options, ITestMethod method)
        : base(diagnostics, display, options, method) { }

    protected override string GetSkipReason(IAttributeInfo factAttribute) =>
        TestDatabases.SqlServerSkipReason ?? base.GetSkipReason(factAttribute);
}
