using System.Reflection;
using System.Reflection.Emit;

namespace IncidentBot.Tests;

/// <summary>
/// Which top-level folder of src/IncidentBot uses which, read from the compiled assembly: signatures, attributes and
/// every type, method or field a method body names (lambdas, local functions and async state machines are nested
/// types of their declaring type, so they count for its folder). The folder is the namespace's second segment;
/// top-level statements are the folder "Program".
/// </summary>
internal static class FolderDependencies
{
    private const BindingFlags All = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    /// <summary>Folder → the folders it uses, each with one example "Type → Referenced" to name the edge.</summary>
    public static Dictionary<string, Dictionary<string, string>> Of(Assembly assembly)
    {
        var graph = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var type in assembly.GetTypes())
        {
            if (Folder(type) is not { } from)
            {
                continue;
            }

            var edges = graph.TryGetValue(from, out var existing) ? existing : graph[from] = new(StringComparer.Ordinal);
            foreach (var referenced in ReferencedTypes(type).SelectMany(Expand))
            {
                if (Folder(referenced) is { } to && to != from)
                {
                    edges.TryAdd(to, $"{type.FullName} → {referenced.FullName}");
                }
            }
        }

        return graph;
    }

    /// <summary>Every cycle through the graph's edges, each once, as "A → B → A"; shortest first.</summary>
    public static IReadOnlyList<string> Cycles(IReadOnlyDictionary<string, IReadOnlyCollection<string>> graph)
    {
        var cycles = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (from, targets) in graph)
        {
            foreach (var to in targets)
            {
                if (ShortestPath(graph, to, from) is { } back)
                {
                    cycles.Add(Canonical([from, .. back]));
                }
            }
        }

        return [.. cycles.OrderBy(c => c.Length)];
    }

    private static List<string>? ShortestPath(IReadOnlyDictionary<string, IReadOnlyCollection<string>> graph, string start, string goal)
    {
        var previous = new Dictionary<string, string>(StringComparer.Ordinal) { [start] = start };
        var queue = new Queue<string>([start]);
        while (queue.TryDequeue(out var node))
        {
            if (node == goal)
            {
                var path = new List<string> { node };
                while (path[0] != start)
                {
                    path.Insert(0, previous[path[0]]);
                }

                return path;
            }

            foreach (var next in graph.TryGetValue(node, out var targets) ? targets : [])
            {
                if (previous.TryAdd(next, node))
                {
                    queue.Enqueue(next);
                }
            }
        }

        return null;
    }

    /// <summary>The cycle written from its alphabetically first folder, so each cycle is reported once.</summary>
    private static string Canonical(List<string> closedPath)
    {
        var nodes = closedPath.Take(closedPath.Count - 1).ToList();
        var first = nodes.IndexOf(nodes.Min(StringComparer.Ordinal)!);
        var rotated = nodes.Skip(first).Concat(nodes.Take(first)).ToList();
        return string.Join(" → ", rotated.Append(rotated[0]));
    }

    private static string? Folder(Type type)
    {
        while (type.DeclaringType is { } outer)
        {
            type = outer;
        }

        if (type.Namespace is null)
        {
            return type.Name == "Program" ? "Program" : null;
        }

        var segments = type.Namespace.Split('.');
        return segments.Length > 1 && segments[0] == "IncidentBot" ? segments[1] : null;
    }

    private static IEnumerable<Type> Expand(Type type)
    {
        if (type.HasElementType && type.GetElementType() is { } element)
        {
            foreach (var inner in Expand(element))
            {
                yield return inner;
            }

            yield break;
        }

        if (type.IsGenericParameter)
        {
            yield break;
        }

        yield return type;
        if (type.IsConstructedGenericType)
        {
            foreach (var argument in type.GetGenericArguments().SelectMany(Expand))
            {
                yield return argument;
            }
        }
    }

    private static IEnumerable<Type> ReferencedTypes(Type type)
    {
        if (type.BaseType is { } baseType)
        {
            yield return baseType;
        }

        foreach (var contract in type.GetInterfaces())
        {
            yield return contract;
        }

        foreach (var attribute in type.CustomAttributes)
        {
            yield return attribute.AttributeType;
        }

        foreach (var field in type.GetFields(All))
        {
            yield return field.FieldType;
        }

        foreach (var property in type.GetProperties(All))
        {
            yield return property.PropertyType;
        }

        foreach (var method in type.GetMethods(All).Cast<MethodBase>().Concat(type.GetConstructors(All)))
        {
            foreach (var referenced in Signature(method).Concat(Body(method)))
            {
                yield return referenced;
            }
        }
    }

    private static IEnumerable<Type> Signature(MethodBase method)
    {
        foreach (var parameter in method.GetParameters())
        {
            yield return parameter.ParameterType;
        }

        if (method is MethodInfo info)
        {
            yield return info.ReturnType;
        }

        foreach (var attribute in method.CustomAttributes)
        {
            yield return attribute.AttributeType;
        }

        foreach (var local in method.GetMethodBody()?.LocalVariables ?? [])
        {
            yield return local.LocalType;
        }
    }

    /// <summary>The types, methods and fields the method's IL names, so a type used only inside a body counts.</summary>
    private static IEnumerable<Type> Body(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray() ?? [];
        var typeArguments = method.DeclaringType is { IsGenericType: true } declaring ? declaring.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        var at = 0;
        while (at < il.Length)
        {
            var value = il[at] == 0xFE ? (short)(0xFE00 | il[at + 1]) : il[at];
            at += il[at] == 0xFE ? 2 : 1;
            var code = OpCodesByValue[value];
            if (code.OperandType is OperandType.InlineType or OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineTok)
            {
                var member = method.Module.ResolveMember(BitConverter.ToInt32(il, at), typeArguments, methodArguments);
                foreach (var referenced in Types(member))
                {
                    yield return referenced;
                }
            }

            at += OperandSize(code.OperandType, il, at);
        }
    }

    private static IEnumerable<Type> Types(MemberInfo? member)
    {
        switch (member)
        {
            case Type type:
                yield return type;
                break;
            case MethodBase called:
                if (called.DeclaringType is { } owner)
                {
                    yield return owner;
                }

                foreach (var argument in called.IsGenericMethod ? called.GetGenericArguments() : [])
                {
                    yield return argument;
                }

                break;
            case FieldInfo { DeclaringType: { } fieldOwner }:
                yield return fieldOwner;
                break;
        }
    }

    private static int OperandSize(OperandType operand, byte[] il, int at) => operand switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, at)),
        _ => 4,
    };
}
