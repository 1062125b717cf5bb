using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Voting.Domain.Chat;

namespace Voting.Infrastructure.Persistence.Chat;

internal sealed class RoomIdConverter() : ValueConverter<RoomId, Guid>(v => v.Value, v => new RoomId(v));

internal sealed class MessageIdConverter() : ValueConverter<MessageId, Guid>(v => v.Value, v => new MessageId(v));
