using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;

namespace ConnectUi.Tests.Architecture;

/// <summary>One use of a ConnectUi type by another: in a signature, a field, a base type or a method body.</summary>
internal sealed record TypeReference(Type From, Type To, string File)
{
    public override string ToString() => $"{File}: {Describe(From)} uses {Describe(To)}";

    private static string Describe(Type type) => (type.FullName ?? type.Name).Split('`')[0].Replace('+', '.');
}

/// <summary>
/// Reads which of the app's own types each type uses, from the compiled assembly (so Razor markup, partial names and
/// global usings count as written) and names the source file from the assembly's portable PDB.
/// </summary>
internal static class TypeReferences
{
    private static readonly Lazy<IReadOnlyList<TypeReference>> All = new(() => Read(typeof(Program).Assembly));

    public static IReadOnlyList<TypeReference> InApp => All.Value;

    /// <summary>The top-level folder a type lives in (<c>ConnectUi.Features.Connect</c> → <c>Features</c>); null for the composition root.</summary>
    public static string? TopFolder(Type type) => Folders(type) is [_, var top, ..] ? top : null;

    /// <summary>The namespace's parts: <c>ConnectUi.Providers.Konnektive</c> → [ConnectUi, Providers, Konnektive].</summary>
    public static string[] Folders(Type type) => OuterMost(type).Namespace?.Split('.') ?? [];

    private static Type OuterMost(Type type)
    {
        while (type.DeclaringType is { } outer)
        {
            type = outer;
        }

        return type;
    }

    private static IReadOnlyList<TypeReference> Read(Assembly assembly)
    {
        using var pdbStream = File.OpenRead(Path.ChangeExtension(assembly.Location, ".pdb"));
        using var pdbProvider = MetadataReaderProvider.FromPortablePdbStream(pdbStream);
        var pdb = pdbProvider.GetMetadataReader();
        var references = new HashSet<TypeReference>();
        foreach (var type in assembly.GetTypes())
        {
            var typeFile = FileOf(type, pdb);
            void Add(Type? to, string file)
            {
                foreach (var used in Expand(to))
                {
                    if (used.Assembly == assembly && OuterMost(used) != OuterMost(type))
                    {
                        references.Add(new TypeReference(type, used, file));
                    }
                }
            }

            Add(type.BaseType, typeFile);
            foreach (var contract in type.GetInterfaces())
            {
                Add(contract, typeFile);
            }

            foreach (var attribute in type.CustomAttributes)
            {
                Add(attribute.AttributeType, typeFile);
            }

            const BindingFlags declared = BindingFlags.DeclaredOnly | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static;
            foreach (var field in type.GetFields(declared))
            {
                Add(field.FieldType, typeFile);
            }

            foreach (var property in type.GetProperties(declared))
            {
                Add(property.PropertyType, typeFile);
            }

            foreach (var method in type.GetMethods(declared).Cast<MethodBase>().Concat(type.GetConstructors(declared)))
            {
                var file = MethodFile(method, pdb) ?? typeFile;
                if (method is MethodInfo info)
                {
                    Add(info.ReturnType, file);
                }

                foreach (var parameter in method.GetParameters())
                {
                    Add(parameter.ParameterType, file);
                }

                var body = method.GetMethodBody();
                if (body is null)
                {
                    continue;
                }

                foreach (var local in body.LocalVariables)
                {
                    Add(local.LocalType, file);
                }

                foreach (var used in UsedInBody(method, body))
                {
                    Add(used, file);
                }
            }
        }

        return references.ToArray();
    }

    /// <summary>A type with its element and generic argument types: <c>List&lt;Foo[]&gt;</c> → List, Foo.</summary>
    private static IEnumerable<Type> Expand(Type? type)
    {
        if (type is null || type.IsGenericParameter)
        {
            yield break;
        }

        if (type.HasElementType)
        {
            foreach (var element in Expand(type.GetElementType()))
            {
                yield return element;
            }

            yield break;
        }

        if (type.IsConstructedGenericType)
        {
            yield return type.GetGenericTypeDefinition();
            foreach (var argument in type.GetGenericArguments().SelectMany(Expand))
            {
                yield return argument;
            }

            yield break;
        }

        yield return type;
    }

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    /// <summary>The types a method body names: types, and the declaring types of the methods and fields it uses.</summary>
    private static IEnumerable<Type> UsedInBody(MethodBase method, MethodBody body)
    {
        var il = body.GetILAsByteArray() ?? [];
        var typeArguments = method.DeclaringType is { IsGenericType: true } generic ? generic.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        for (var at = 0; at < il.Length;)
        {
            var code = il[at] == 0xFE ? OpCodesByValue[(short)(0xFE00 | il[at + 1])] : OpCodesByValue[il[at]];
            at += code.Size;
            switch (code.OperandType)
            {
                case OperandType.InlineType or OperandType.InlineTok or OperandType.InlineMethod or OperandType.InlineField:
                    var member = Resolve(method.Module, BitConverter.ToInt32(il, at), typeArguments, methodArguments);
                    if (member is Type type)
                    {
                        yield return type;
                    }
                    else if (member is MethodBase called)
                    {
                        yield return called.DeclaringType!;
                        if (called.IsGenericMethod)
                        {
                            foreach (var argument in called.GetGenericArguments())
                            {
                                yield return argument;
                            }
                        }
                    }
                    else if (member?.DeclaringType is { } declaring)
                    {
                        yield return declaring;
                    }

                    at += 4;
                    break;
                case OperandType.InlineSwitch:
                    at += 4 + (4 * BitConverter.ToInt32(il, at));
                    break;
                case OperandType.InlineNone:
                    break;
                case OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar:
                    at += 1;
                    break;
                case OperandType.InlineVar:
                    at += 2;
                    break;
                case OperandType.InlineI8 or OperandType.InlineR:
                    at += 8;
                    break;
                default:
                    at += 4;
                    break;
            }
        }
    }

    private static MemberInfo? Resolve(Module module, int token, Type[]? typeArguments, Type[]? methodArguments)
    {
        try
        {
            return module.ResolveMember(token, typeArguments, methodArguments);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static string FileOf(Type type, MetadataReader pdb) =>
        type.GetMethods(BindingFlags.DeclaredOnly | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static)
            .Cast<MethodBase>()
            .Concat(type.GetConstructors(BindingFlags.DeclaredOnly | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static))
            .Select(m => MethodFile(m, pdb))
            .FirstOrDefault(f => f is not null && !f.Contains("/obj/", StringComparison.Ordinal))
        ?? (type.DeclaringType is { } outer ? FileOf(outer, pdb) : type.FullName ?? type.Name);

    /// <summary>The source file of a method's first line, relative to the repository (a Razor component's is its .razor file).</summary>
    private static string? MethodFile(MethodBase method, MetadataReader pdb)
    {
        var handle = (MethodDefinitionHandle)MetadataTokens.EntityHandle(method.MetadataToken);
        var information = pdb.GetMethodDebugInformation(MetadataTokens.MethodDebugInformationHandle(MetadataTokens.GetRowNumber(handle)));
        var document = information.Document;
        if (document.IsNil)
        {
            document = information.GetSequencePoints().Select(p => p.Document).FirstOrDefault(d => !d.IsNil);
        }

        if (document.IsNil)
        {
            return null;
        }

        var name = pdb.GetString(pdb.GetDocument(document).Name).Replace('\\', '/');
        var root = name.LastIndexOf("/ConnectUi/", StringComparison.Ordinal);
        return root < 0 ? name : name[(root + 1)..];
    }
}
