using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Platform.WebApi.Problems;

public static class RequestProblemsExtensions
{
    /// <summary>
    /// Every request the service cannot read answers 400 problem details naming the field, in every
    /// environment: minimal APIs throw on bad requests (so the answer is ours, not an empty 400 in
    /// Production and a 500 in Development), strings are checked as they are read (NUL, unpaired
    /// surrogates, length), and refusals from the database become 4xx instead of 500.
    /// </summary>
    public static IServiceCollection AddRequestProblems(this IServiceCollection services)
    {
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.Configure<JsonOptions>(options =>
        {
            options.SerializerOptions.Converters.Add(new CheckedStringConverter());
            // Deeper than any request of ours; a pathological nesting stops here, not on the stack.
            options.SerializerOptions.MaxDepth = 32;
        });
        services.AddExceptionHandler<BadRequestProblems>();
        services.AddExceptionHandler<DatabaseRefusalProblems>();
        return services;
    }
}
