// A deliberately wrong pair of slices for SliceBoundaryTests.The_rule_catches_a_slice_that_reaches_into_another.
namespace ClinicAdmin.Web.Tests.Architecture.Sample.Features.Beta
{
    public sealed class Thing
    {
        public int Value { get; init; }
    }
}

namespace ClinicAdmin.Web.Tests.Architecture.Sample.Features.Alpha
{
    public sealed class UsesBeta
    {
        public int Read(Beta.Thing thing) => thing.Value;
    }

    public sealed class StandsAlone
    {
        public int Value { get; init; }
    }
}
