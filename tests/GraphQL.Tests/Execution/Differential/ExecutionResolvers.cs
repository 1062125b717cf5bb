using System.Collections;
using System.Globalization;
using Voting.GraphQL.Errors;
using Voting.GraphQL.Types;

namespace Voting.GraphQL.Tests.Execution.Differential;

/// <summary>
/// The resolvers of <see cref="ExecutionSchema"/>, the same functions as tests/oracle/execute-resolvers.mjs (change
/// both together): every value derives from the parent's seed and the field's arguments through <see cref="Mix"/>,
/// so graphql-js and our engine compute the same data and share nothing but the request's
/// <see cref="ExecutionRoot"/>. Objects are maps <c>{ __typename, seed }</c>, the shape graphql-js's default type
/// resolver reads for interfaces and unions. Some resolvers finish asynchronously, as their JavaScript twins do.
/// </summary>
internal static class ExecutionResolvers
{
    private static readonly string[] Colors = ["RED", "GREEN", "BLUE"];
    private static readonly string[] Names = ["Ada", "Bob", "Cy", "Dee", "Eve", "Fay", "Gus", "Hal"];
    private static readonly string[] Models = ["T-100", "R2", "HAL", "K9"];
    private static readonly string[] NodeTypes = ["Person", "Robot", "Place"];

    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, FieldResolver>> Map { get; } = new Dictionary<string, IReadOnlyDictionary<string, FieldResolver>>
    {
        ["Query"] = new Dictionary<string, FieldResolver>
        {
            ["hello"] = Sync(c => $"Hello, {Str(c, "name") ?? "nobody"}!"),
            ["person"] = Sync(c => Int(c, "seed") < 0 ? null : Obj("Person", Int(c, "seed")!.Value)),
            ["asyncPerson"] = AsyncPerson,
            ["robot"] = Sync(c =>
            {
                int seed = Int(c, "seed")!.Value;
                return seed % 7 == 3 ? throw new GraphQLException($"robot {seed} is broken") : Obj("Robot", seed);
            }),
            ["node"] = Sync(c =>
            {
                int seed = Int(c, "seed")!.Value;
                return Obj(NodeTypes[((seed % 3) + 3) % 3], seed);
            }),
            ["entity"] = Sync(c =>
            {
                int seed = Int(c, "seed")!.Value;
                int m = ((seed % 11) + 11) % 11;
                return Obj(m == 5 ? "Place" : m % 2 == 0 ? "Person" : "Robot", seed);
            }),
            ["search"] = Sync(Search),
            ["things"] = Sync(c => Range(3, i =>
            {
                int v = H(Int(c, "seed")!.Value, $"thing{i}");
                return Obj(v % 9 == 0 ? "Person" : v % 2 == 0 ? "Robot" : "Part", v);
            })),
            ["numbers"] = Sync(c =>
            {
                int? count = Int(c, "count");
                if (count > 10)
                {
                    throw new GraphQLException($"count {count} is too large");
                }

                long from = Int(c, "from") ?? 0;
                return Range(Math.Max(count ?? 0, 0), i => from + i);
            }),
            ["echo"] = Sync(Echo),
            ["failingRoot"] = Sync(_ => throw new GraphQLException("root failure")),
            ["strictRoot"] = Sync(c =>
            {
                int seed = Int(c, "seed")!.Value;
                return seed % 4 == 0 ? throw new GraphQLException($"strict root {seed} failed") : Obj("Person", seed);
            }),
            ["counter"] = Sync(c => Root(c).Counter),
        },
        ["Mutation"] = new Dictionary<string, FieldResolver>
        {
            ["increment"] = Sync(c => Root(c).Increment(Int(c, "by"))),
            ["incrementAsync"] = IncrementAsync,
            ["incrementThenFail"] = Sync(c =>
            {
                var root = Root(c);
                root.Increment(Int(c, "by"));
                throw new GraphQLException($"increment failed at {root.Counter}");
            }),
            ["incrementStrict"] = IncrementStrictAsync,
            ["addPerson"] = Sync(c =>
            {
                var root = Root(c);
                root.Increment(1);
                c.TryGetArgument("input", out var input);
                return Obj("Person", (int)(unchecked((uint)Salt(Canon(input))) % 1000) + (int)root.Counter);
            }),
        },
        ["Person"] = new Dictionary<string, FieldResolver>
        {
            ["id"] = Sync(c => $"P{Seed(c)}"),
            ["name"] = Sync(c => PersonName(Seed(c))),
            ["rank"] = Sync(Rank),
            ["related"] = Sync(Related),
            ["age"] = Sync(c => H(Seed(c), "age") % 90),
            ["height"] = Sync(c =>
            {
                int v = H(Seed(c), "height");
                return v % 7 == 0 ? null : (v % 200) / 10.0;
            }),
            ["alive"] = Sync(c => H(Seed(c), "alive") % 2 == 0),
            ["color"] = Sync(c => Colors[H(Seed(c), "color") % 3]),
            ["favorite"] = Sync(c =>
            {
                int v = H(Seed(c), "favorite");
                return v % 4 == 3 ? null : Colors[v % 3];
            }),
            ["nickname"] = Sync(c =>
            {
                int v = H(Seed(c), "nickname");
                return v % 3 == 0 ? null : $"nick{v % 10}";
            }),
            ["tags"] = Sync(c => Range(H(Seed(c), "tags") % 3, i => $"t{H(Seed(c), $"tag{i}") % 5}")),
            ["scores"] = Sync(c =>
            {
                int v = H(Seed(c), "scores");
                return v % 5 == 0 ? null : Range(v % 4, i =>
                {
                    int w = H(Seed(c), $"score{i}");
                    return w % 4 == 0 ? null : w % 100;
                });
            }),
            ["matrix"] = Sync(c =>
            {
                int? size = Int(c, "size");
                if (size > 4)
                {
                    throw new GraphQLException($"size {size} is too large");
                }

                int n = Math.Max(size ?? 0, 0);
                return Range(n, i => Range(n, j => H(Seed(c), $"m{i}.{j}") % 10));
            }),
            ["grid"] = Sync(c => H(Seed(c), "grid") % 3 == 0 ? null : Range(2, i => H(Seed(c), $"grid{i}") % 5 == 0 ? null : Range(2, j =>
            {
                int x = H(Seed(c), $"g{i}.{j}");
                return x % 3 == 0 ? null : (x % 40) / 4.0;
            }))),
            ["pet"] = Sync(c =>
            {
                int v = H(Seed(c), "pet");
                return v % 3 == 0 ? null : Obj("Pet", v);
            }),
            ["friends"] = Sync(c =>
            {
                string? color = Str(c, "color");
                return Range(Math.Clamp(Int(c, "first") ?? 0, 0, 4), i => Obj("Person", H(Seed(c), $"friend{i}")))
                    .Where(f => color is null || Colors[H(Seed(f), "color") % 3] == color)
                    .ToList();
            }),
            ["deep"] = Sync(c => H(Seed(c), "deep") % 4 == 0 ? null : Range(2, i =>
            {
                int w = H(Seed(c), $"deep{i}");
                return w % 3 == 0 ? null : new List<object?> { Obj("Person", w), Obj("Person", H(w, "x")) };
            })),
            ["greeting"] = Sync(c =>
            {
                int times = Int(c, "times")!.Value;
                if (times < 0)
                {
                    throw new GraphQLException($"times must not be negative, got {times}");
                }

                string line = $"{Str(c, "prefix") ?? ""} {PersonName(Seed(c))}";
                string text = string.Join(' ', Enumerable.Repeat(line, Math.Min(times, 3)));
                return Bool(c, "loud") == true ? text.ToUpperInvariant() : text;
            }),
            ["echo"] = Sync(Echo),
            ["asyncFriend"] = AsyncFriend,
            ["failing"] = Sync(Failing),
            ["failingAsync"] = FailingAsync,
            ["mustWork"] = Sync(c => H(Seed(c), "mustWork") % 3 == 0 ? throw new GraphQLException($"mustWork failed for {Seed(c)}") : "works"),
            ["nullNonNull"] = Sync(c =>
            {
                int v = H(Seed(c), "nullNonNull");
                return v % 2 == 0 ? null : v % 10;
            }),
            ["badInt"] = Sync(c => new object[] { 1.5, "abc", 3000000000L, "12", true, 7.0 }[H(Seed(c), "badInt") % 6]),
            ["badFloat"] = Sync(c => new object[] { "x", "2.5", true, 0.25 }[H(Seed(c), "badFloat") % 4]),
            ["badString"] = Sync(c => new object[] { 42, true, 1.5, "plain", new List<object?> { 1, 2 } }[H(Seed(c), "badString") % 5]),
            ["badBoolean"] = Sync(c => new object[] { 1, "true", false }[H(Seed(c), "badBoolean") % 3]),
            ["badId"] = Sync(c => new object[] { 17, 1.5, true, "id" }[H(Seed(c), "badId") % 4]),
            ["badEnum"] = Sync(c => H(Seed(c), "badEnum") % 2 == 0 ? "PURPLE" : "RED"),
            ["badList"] = Sync(c => H(Seed(c), "badList") % 2 == 0 ? 5 : (object)new List<object?> { 1, 2 }),
            ["wrongType"] = Sync(WrongType),
            ["flaky"] = Sync(c =>
            {
                int r = H(Seed(c), "flaky") % 3;
                return Range(3, i => i == r ? "bad" : i == (r + 1) % 3 ? null : H(Seed(c), $"f{i}") % 50);
            }),
            ["flakyStrict"] = Sync(c => (H(Seed(c), "flakyStrict") % 3) switch
            {
                0 => new List<object?> { 1, 2, 3 },
                1 => new List<object?> { 1, null, 3 },
                _ => new List<object?> { 1, "x", 3 },
            }),
        },
        ["Robot"] = new Dictionary<string, FieldResolver>
        {
            ["id"] = Sync(c => $"R{Seed(c)}"),
            ["name"] = Sync(c => $"Robo{H(Seed(c), "name") % 50}"),
            ["rank"] = Sync(Rank),
            ["related"] = Sync(Related),
            ["model"] = Sync(c => Models[H(Seed(c), "model") % 4]),
            ["version"] = Sync(c => (H(Seed(c), "version") % 30) / 4.0),
            ["parts"] = Sync(c =>
            {
                int? count = Int(c, "count");
                if (count < 0)
                {
                    throw new GraphQLException($"count must not be negative, got {count}");
                }

                return Range(Math.Min(count ?? 0, 3), i => Obj("Part", H(Seed(c), $"part{i}")));
            }),
            ["owner"] = Sync(c =>
            {
                int v = H(Seed(c), "owner");
                return v % 2 == 0 ? Obj("Person", v) : null;
            }),
            ["failing"] = Sync(Failing),
            ["asyncPower"] = AsyncPower,
        },
        ["Part"] = new Dictionary<string, FieldResolver>
        {
            ["id"] = Sync(c => $"X{Seed(c)}"),
            ["weight"] = Sync(c => (H(Seed(c), "weight") % 100) / 8.0),
            ["label"] = Sync(c =>
            {
                string text = $"part-{H(Seed(c), "label") % 20}";
                return Bool(c, "upper") == true ? text.ToUpperInvariant() : text;
            }),
            ["subparts"] = Sync(c =>
            {
                int v = H(Seed(c), "subparts");
                return v % 3 == 0 ? null : Range(v % 3, i => Obj("Part", H(Seed(c), $"sub{i}")));
            }),
            ["broken"] = Sync(c =>
            {
                int v = H(Seed(c), "broken");
                return v % 3 == 0 ? null : v % 10;
            }),
        },
        ["Place"] = new Dictionary<string, FieldResolver>
        {
            ["id"] = Sync(c => $"L{Seed(c)}"),
            ["title"] = Sync(c => $"Place {H(Seed(c), "title") % 30}"),
            ["visitors"] = Sync(c => Range(Math.Clamp(Int(c, "first") ?? 0, 0, 3), i =>
            {
                int w = H(Seed(c), $"visitor{i}");
                return w % 3 == 0 ? null : Obj("Person", w);
            })),
            ["coords"] = Sync(c => new List<object?> { (H(Seed(c), "x") % 360) / 2.0, (H(Seed(c), "y") % 180) / 4.0 }),
        },
        ["Pet"] = new Dictionary<string, FieldResolver>
        {
            ["name"] = Sync(c => $"Pet{H(Seed(c), "name") % 10}"),
            ["kind"] = Sync(c =>
            {
                int v = H(Seed(c), "kind");
                return v % 2 == 0 ? null : Colors[v % 3];
            }),
            ["owner"] = PetOwnerAsync,
        },
        ["Counter"] = new Dictionary<string, FieldResolver>
        {
            ["value"] = Sync(c => Parent(c)["value"]),
            ["history"] = Sync(c => Parent(c)["history"]),
            ["person"] = Sync(c =>
            {
                long value = (long)Parent(c)["value"]!;
                return value % 2 == 0 ? Obj("Person", unchecked((int)value)) : null;
            }),
        },
    };

    /// <summary>A 32-bit integer hash of seed and salt reduced to 0..99999 (mix() in execute-resolvers.mjs).</summary>
    public static int Mix(int seed, int salt)
    {
        unchecked
        {
            uint x = (((uint)seed ^ 0x9e3779b9u) * 0x85ebca6bu) ^ (uint)salt;
            x = (x ^ (x >> 13)) * 0xc2b2ae35u;
            x ^= x >> 16;
            return (int)(x % 100000);
        }
    }

    /// <summary>Java's String.hashCode over UTF-16 code units (saltOf() in execute-resolvers.mjs).</summary>
    public static int Salt(string text)
    {
        int hash = 0;
        foreach (char c in text)
        {
            hash = unchecked((hash * 31) + c);
        }

        return hash;
    }

    /// <summary>
    /// A coerced value printed with sorted keys and JavaScript's number format (canon() in
    /// execute-resolvers.mjs). Strings are quoted without escapes: the generator writes none that need one.
    /// </summary>
    public static string Canon(object? value) => value switch
    {
        null => "null",
        string s => "\"" + s + "\"",
        bool b => b ? "true" : "false",
        double d => FormatNumber(d),
        float f => FormatNumber(f),
        decimal m => FormatNumber((double)m),
        IFormattable number and (int or long or short or byte or uint or ulong) => number.ToString(null, CultureInfo.InvariantCulture),
        IReadOnlyDictionary<string, object?> map => "{" + string.Join(",", map.Keys.Order(StringComparer.Ordinal).Select(k => k + ":" + Canon(map[k]))) + "}",
        IEnumerable list => "[" + string.Join(",", list.Cast<object?>().Select(Canon)) + "]",
        _ => throw new InvalidOperationException($"Unexpected coerced value {value.GetType()}."),
    };

    private static string FormatNumber(double d) =>
        Math.Floor(d) == d && Math.Abs(d) < 1e15 ? ((long)d).ToString(CultureInfo.InvariantCulture) : d.ToString("R", CultureInfo.InvariantCulture);

    private static FieldResolver Sync(Func<IResolverContext, object?> resolve) => c => new ValueTask<object?>(resolve(c));

    private static int H(int seed, string key) => Mix(seed, Salt(key));

    private static Dictionary<string, object?> Obj(string type, int seed) => new() { ["__typename"] = type, ["seed"] = seed };

    private static IReadOnlyDictionary<string, object?> Parent(IResolverContext c) => (IReadOnlyDictionary<string, object?>)c.Parent!;

    private static int Seed(IResolverContext c) => Seed(c.Parent);

    private static int Seed(object? parent) => (int)((IReadOnlyDictionary<string, object?>)parent!)["seed"]!;

    private static ExecutionRoot Root(IResolverContext c) => (ExecutionRoot)c.Parent!;

    private static List<object?> Range(int count, Func<int, object?> item) => [.. Enumerable.Range(0, count).Select(item)];

    private static int? Int(IResolverContext c, string name) => c.TryGetArgument(name, out var value) && value is not null ? Convert.ToInt32(value, CultureInfo.InvariantCulture) : null;

    private static string? Str(IResolverContext c, string name) => c.TryGetArgument(name, out var value) ? (string?)value : null;

    private static bool? Bool(IResolverContext c, string name) => c.TryGetArgument(name, out var value) ? (bool?)value : null;

    private static async Task Pause(int times)
    {
        for (int i = 0; i < times; i++)
        {
            await Task.Yield();
        }
    }

    private static object? Search(IResolverContext c)
    {
        int n = Math.Clamp(Int(c, "count") ?? 0, 0, 5);
        c.TryGetArgument("filter", out var filter);
        var range = (filter as IReadOnlyDictionary<string, object?>)?.GetValueOrDefault("range") as IReadOnlyDictionary<string, object?>;
        if (range?.GetValueOrDefault("to") is { } to)
        {
            n = Math.Min(n, Math.Max(Convert.ToInt32(to, CultureInfo.InvariantCulture), 0));
        }

        int seed = Int(c, "seed") ?? 0;
        return Range(n, i =>
        {
            int v = H(seed, $"search{i}");
            return v % 4 == 3 ? null : Obj(NodeTypes[v % 4], v);
        });
    }

    private static string Echo(IResolverContext c)
    {
        var args = new Dictionary<string, object?>();
        foreach (var argument in c.FieldDefinition.Arguments)
        {
            if (c.TryGetArgument(argument.Name, out var value))
            {
                args[argument.Name] = value;
            }
        }

        return Canon(args);
    }

    private static object? Rank(IResolverContext c)
    {
        int v = H(Seed(c), "rank");
        return v % 5 == 0 ? null : v % 100;
    }

    private static object? Related(IResolverContext c)
    {
        int? first = Int(c, "first");
        if (first < 0)
        {
            throw new GraphQLException($"first must not be negative, got {first}");
        }

        return Range(Math.Min(first ?? 0, 4), i =>
        {
            int v = H(Seed(c), $"related{i}");
            return Obj(v % 2 == 0 ? "Person" : "Robot", v);
        });
    }

    private static object? Failing(IResolverContext c) =>
        H(Seed(c), "failing") % 2 == 0 ? throw new GraphQLException($"failing {Seed(c)}") : $"ok {H(Seed(c), "failing") % 10}";

    private static object? WrongType(IResolverContext c)
    {
        int v = H(Seed(c), "wrongType");
        return (v % 5) switch
        {
            0 => new Dictionary<string, object?> { ["__typename"] = "Nope", ["seed"] = v },
            1 => new Dictionary<string, object?> { ["__typename"] = "Color", ["seed"] = v },
            2 => new Dictionary<string, object?> { ["__typename"] = "Place", ["seed"] = v },
            3 => new Dictionary<string, object?> { ["seed"] = v },
            _ => Obj("Robot", v),
        };
    }

    private static string PersonName(int seed) => Names[H(seed, "name") % 8];

    private static async ValueTask<object?> AsyncPerson(IResolverContext c)
    {
        await Pause(1);
        int seed = Int(c, "seed")!.Value;
        return seed % 3 == 0 ? null : Obj("Person", seed);
    }

    private static async ValueTask<object?> IncrementAsync(IResolverContext c)
    {
        await Pause(Math.Clamp(Int(c, "delay") ?? 0, 0, 5));
        return Root(c).Increment(Int(c, "by"));
    }

    private static async ValueTask<object?> IncrementStrictAsync(IResolverContext c)
    {
        await Pause(1);
        var root = Root(c);
        var counter = root.Increment(Int(c, "by"));
        return Math.Abs(root.Counter % 2) == 1 ? throw new GraphQLException($"odd counter {root.Counter}") : counter;
    }

    private static async ValueTask<object?> AsyncFriend(IResolverContext c)
    {
        await Pause(2);
        int v = H(Seed(c), "asyncFriend");
        return v % 4 == 0 ? null : Obj("Person", v);
    }

    private static async ValueTask<object?> FailingAsync(IResolverContext c)
    {
        await Pause(1);
        int v = H(Seed(c), "failingAsync");
        return v % 2 == 1 ? throw new GraphQLException($"async failure {Seed(c)}") : v % 100;
    }

    private static async ValueTask<object?> AsyncPower(IResolverContext c)
    {
        await Pause(1);
        int v = H(Seed(c), "asyncPower");
        return v % 4 == 0 ? throw new GraphQLException($"no power for {Seed(c)}") : v % 1000;
    }

    private static async ValueTask<object?> PetOwnerAsync(IResolverContext c)
    {
        await Pause(1);
        int v = H(Seed(c), "owner");
        return v % 4 == 0 ? throw new GraphQLException($"pet {Seed(c)} has no owner") : Obj("Person", v);
    }
}
