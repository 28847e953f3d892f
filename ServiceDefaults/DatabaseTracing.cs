using System.Diagnostics;
using Npgsql;

namespace Microsoft.Extensions.Hosting;

public static class DatabaseTracing
{
    /// <summary>
    /// Database commands are traced only inside a trace that is already going (a request, a consumed
    /// message, an outbox delivery). Background polls (the outbox, the email sender, reminders) would
    /// otherwise start a one-span trace every second and bury the traces operators came to read.
    /// </summary>
    public static NpgsqlDataSourceBuilder TraceOnlyWithinTraces(this NpgsqlDataSourceBuilder dataSource)
    {
        dataSource.ConfigureTracing(tracing => tracing
            .ConfigureCommandFilter(_ => Activity.Current is not null)
            .ConfigureBatchFilter(_ => Activity.Current is not null));
        return dataSource;
    }
}
