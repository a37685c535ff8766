using System.Reflection;
using ClinicAdmin.Domain.Common;

namespace ClinicAdmin.Domain.Tests.Support;

/// <summary>
/// Gives an entity the Id a database would. <see cref="Entity.Id"/> has a protected setter and
/// is 0 until saved; tests that look entities up by Id (e.g. cancelling a price) need distinct ones.
/// </summary>
public static class TestIds
{
    private static readonly PropertyInfo IdProperty =
        typeof(Entity).GetProperty(nameof(Entity.Id), BindingFlags.Instance | BindingFlags.Public)!;

    public static T WithId<T>(this T entity, int id) where T : Entity
    {
        IdProperty.SetValue(entity, id);
        return entity;
    }
}
