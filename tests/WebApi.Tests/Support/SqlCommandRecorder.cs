using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Voting.WebApi.Tests.Support;

/// <summary>Keeps the text of every SQL command that reads rows or a scalar, optionally only those <see cref="Filter"/> lets through.</summary>
public sealed class SqlCommandRecorder : DbCommandInterceptor
{
    private readonly List<string> _commands = [];

    /// <summary>Whether a command sent now counts (for example: only while serving /graphql); null counts all.</summary>
    public Func<bool>? Filter { get; set; }

    public IReadOnlyList<string> Commands
    {
        get
        {
            lock (_commands)
            {
                return [.. _commands];
            }
        }
    }

    public void Clear()
    {
        lock (_commands)
        {
            _commands.Clear();
        }
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    private void Record(DbCommand command)
    {
        if (Filter is { } filter && !filter())
        {
            return;
        }

        lock (_commands)
        {
            _commands.Add(command.CommandText);
        }
    }
}
