using Scriban.Runtime;

namespace IncidentBot.Messaging;

public static class TemplateRegistration
{
    /// <summary>
    /// Adds a folder's templates, each with its sample model, to those the <see cref="MessageRenderer"/> loads and checks
    /// at start-up, so a feature brings its own templates without editing a list in this folder.
    /// </summary>
    public static IServiceCollection AddTemplates(this IServiceCollection services, IReadOnlyDictionary<string, Func<ScriptObject>> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        foreach (var (name, model) in samples)
        {
            services.AddSingleton(new TemplateSample(name, model));
        }

        return services;
    }

    /// <summary>Adds one template checked against several sample models, e.g. a full and a minimal incident.</summary>
    public static IServiceCollection AddTemplates(this IServiceCollection services, string name, IEnumerable<ScriptObject> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        foreach (var model in samples)
        {
            services.AddSingleton(new TemplateSample(name, () => model));
        }

        return services;
    }
}
