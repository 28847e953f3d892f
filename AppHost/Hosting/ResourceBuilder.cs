using Platform.AppHost.Hosting.Resources;

namespace Platform.AppHost.Hosting;

/// <summary>Fluent configuration of one resource, shaped like Aspire's <c>IResourceBuilder&lt;T&gt;</c>.</summary>
public sealed class ResourceBuilder<T>(DistributedApplicationBuilder application, T resource)
{
    public T Resource { get; } = resource;
    public DistributedApplicationBuilder ApplicationBuilder { get; } = application;
}

public static class ResourceBuilderExtensions
{
    public static ResourceBuilder<PostgresDatabaseResource> AddDatabase(this ResourceBuilder<PostgresServerResource> server, string name)
    {
        var database = new PostgresDatabaseResource(name, server.Resource);
        server.Resource.Databases.Add(database);
        return new ResourceBuilder<PostgresDatabaseResource>(server.ApplicationBuilder, database);
    }

    /// <summary>Gives the project the database's connection string as <c>ConnectionStrings__{name}</c>.</summary>
    public static ResourceBuilder<ProjectResource> WithReference(this ResourceBuilder<ProjectResource> project, ResourceBuilder<PostgresDatabaseResource> database)
    {
        project.Resource.ConnectionStrings.Add(database.Resource);
        project.Resource.References.Add(database.Resource.Server);
        return project;
    }

    /// <summary>Gives the project a connection string (<c>ConnectionStrings__{name}</c>): the broker, the SMTP server.</summary>
    public static ResourceBuilder<ProjectResource> WithReference<T>(this ResourceBuilder<ProjectResource> project, ResourceBuilder<T> other)
        where T : Resource, IResourceWithConnectionString
    {
        project.Resource.ConnectionStrings.Add(other.Resource);
        project.Resource.References.Add(other.Resource);
        return project;
    }

    /// <summary>Lets the project find another through service discovery (<c>services__{name}__http__0</c>).</summary>
    public static ResourceBuilder<ProjectResource> WithReference(this ResourceBuilder<ProjectResource> project, ResourceBuilder<ProjectResource> service)
    {
        project.Resource.References.Add(service.Resource);
        return project;
    }

    /// <summary>Starts the project only once <paramref name="dependency"/> is healthy.</summary>
    public static ResourceBuilder<ProjectResource> WaitFor<T>(this ResourceBuilder<ProjectResource> project, ResourceBuilder<T> dependency) where T : Resource
    {
        project.Resource.WaitsFor.Add(dependency.Resource);
        return project;
    }

    public static ResourceBuilder<ProjectResource> WaitFor(this ResourceBuilder<ProjectResource> project, ResourceBuilder<PostgresDatabaseResource> database)
    {
        project.Resource.WaitsFor.Add(database.Resource.Server);
        return project;
    }

    public static ResourceBuilder<ProjectResource> WithEnvironment(this ResourceBuilder<ProjectResource> project, string name, string value)
    {
        project.Resource.ExtraEnvironment[name] = value;
        return project;
    }

    /// <summary>Gives the project another resource's endpoint URL (Aspire's <c>WithEnvironment(name, EndpointReference)</c>).</summary>
    public static ResourceBuilder<ProjectResource> WithEnvironment(this ResourceBuilder<ProjectResource> project, string name, ResourceEndpoint endpoint) =>
        project.WithEnvironment(name, endpoint.Url);

    /// <summary>
    /// Gives the project a generated secret (Aspire's parameter with a generated default): created once and
    /// kept in the state folder, so data sealed with it still opens after a restart.
    /// </summary>
    public static ResourceBuilder<ProjectResource> WithSecret(this ResourceBuilder<ProjectResource> project, string name, string secretName)
    {
        project.Resource.SecretEnvironment[name] = secretName;
        return project;
    }

    public static ResourceEndpoint GetEndpoint<T>(this ResourceBuilder<T> builder, string name) where T : Resource =>
        builder.Resource.GetEndpoint(name);
}
