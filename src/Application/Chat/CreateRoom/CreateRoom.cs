using FluentValidation;
using Voting.Application.Abstractions;
using Voting.Application.Common;
using Voting.Domain.Chat;
using Voting.Domain.Common;

namespace Voting.Application.Chat.CreateRoom;

public sealed record CreateRoomCommand(RoomKind Kind, string Name);

public sealed class CreateRoomValidator : AbstractValidator<CreateRoomCommand>
{
    public CreateRoomValidator()
    {
        RuleFor(c => c.Kind).Must(k => k is RoomKind.Public or RoomKind.Private).WithMessage("Only public and private rooms are created directly.");
        RuleFor(c => c.Name).NotEmpty().MaximumLength(ChatRoom.MaxNameLength);
    }
}

/// <summary>Any signed-in user creates a public or private room and owns it.</summary>
public sealed class CreateRoomHandler(
    IValidator<CreateRoomCommand> validator,
    ICurrentUser currentUser,
    IChatRepository chat,
    IUnitOfWork unitOfWork,
    IClock clock)
{
    public async Task<RoomId> HandleAsync(CreateRoomCommand command, CancellationToken cancellationToken)
    {
        var owner = currentUser.RequireSignedIn();
        await validator.EnsureValidAsync(command, cancellationToken).ConfigureAwait(false);
        var room = ChatRoom.Create(command.Kind, command.Name, owner, clock);
        chat.Add(room);
        chat.Add(room.TakeNewRecords());
        await unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return room.Id;
    }
}
