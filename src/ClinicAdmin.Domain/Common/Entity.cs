namespace ClinicAdmin.Domain.Common;

/// <summary>Anything with a database identity.</summary>
public abstract class Entity
{
    public int Id { get; protected set; }
}

/// <summary>
/// Something users edit in a form. The stamp is an optimistic concurrency token: it changes on
/// every save (the Data layer bumps it), so two people editing the same record cannot silently
/// overwrite each other. A Guid works the same on SQLite and PostgreSQL.
/// </summary>
public abstract class EditableEntity : Entity
{
    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();
}
