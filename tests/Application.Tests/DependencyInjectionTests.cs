using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using NSubstitute;
using Voting.Application.Abstractions;
using Voting.Application.Chat;
using Voting.Application.Chat.ElectionRooms;
using Voting.Application.Chat.CreateRoom;
using Voting.Application.Chat.JoinRoom;
using Voting.Application.Chat.LeaveRoom;
using Voting.Application.Chat.InviteToRoom;
using Voting.Application.Chat.KickMember;
using Voting.Application.Chat.MuteMember;
using Voting.Application.Chat.BanMember;
using Voting.Application.Chat.SetMemberRole;
using Voting.Application.Chat.TransferRoomOwnership;
using Voting.Application.Chat.UnbanMember;
using Voting.Application.Chat.SignalTyping;
using Voting.Application.Chat.SendMessage;
using Voting.Application.Chat.SendDirectMessage;
using Voting.Application.Chat.EditMessage;
using Voting.Application.Chat.DeleteMessage;
using Voting.Application.Chat.MarkRead;
using Voting.Application.Chat.GetMyRooms;
using Voting.Application.Chat.GetRoom;
using Voting.Application.Chat.GetMessages;
using Voting.Application.Chat.GetMyDirectConversations;
using Voting.Application.Chat.GetRoomEvents;
using Voting.Application.Elections.AddCandidate;
using Voting.Application.Elections.AdvanceScheduledElections;
using Voting.Application.Elections.ChangeElectionStatus;
using Voting.Application.Elections.CreateElection;
using Voting.Application.Elections.GetCandidate;
using Voting.Application.Elections.GetElection;
using Voting.Application.Elections.GetResults;
using Voting.Application.Elections.GetTally;
using Voting.Application.Elections.ListElections;
using Voting.Application.Elections.PublishTally;
using Voting.Application.Elections.RemoveCandidate;
using Voting.Application.Elections.SetVoterRoll;
using Voting.Application.Elections.UpdateElection;
using Voting.Application.Users.AssignRole;
using Voting.Application.Users.EnsureInitialAdmin;
using Voting.Application.Users.GetMe;
using Voting.Application.Users.LogIn;
using Voting.Application.Users.LogOut;
using Voting.Application.Users.RefreshSession;
using Voting.Application.Users.RegisterUser;
using Voting.Application.Voting.CastVote;
using Voting.Application.Voting.GetMyParticipation;
using Voting.Application.Voting.VerifyReceipt;
using Voting.Domain.Common;
using Voting.Domain.Elections.Events;
using Xunit;

namespace Voting.Application.Tests;

public sealed class DependencyInjectionTests
{
    public static readonly TheoryData<Type> Handlers =
    [
        typeof(RegisterUserHandler),
        typeof(LogInHandler),
        typeof(RefreshSessionHandler),
        typeof(LogOutHandler),
        typeof(GetMeHandler),
        typeof(AssignRoleHandler),
        typeof(EnsureInitialAdminHandler),
        typeof(CreateElectionHandler),
        typeof(UpdateElectionHandler),
        typeof(AddCandidateHandler),
        typeof(RemoveCandidateHandler),
        typeof(ChangeElectionStatusHandler),
        typeof(SetVoterRollHandler),
        typeof(GetElectionHandler),
        typeof(ListElectionsHandler),
        typeof(GetCandidateHandler),
        typeof(GetMyParticipationHandler),
        typeof(GetTallyHandler),
        typeof(GetResultsHandler),
        typeof(CastVoteHandler),
        typeof(VerifyReceiptHandler),
        typeof(PublishTallyHandler),
        typeof(AdvanceScheduledElectionsHandler),
        typeof(CreateRoomHandler),
        typeof(JoinRoomHandler),
        typeof(LeaveRoomHandler),
        typeof(InviteToRoomHandler),
        typeof(KickMemberHandler),
        typeof(MuteMemberHandler),
        typeof(BanMemberHandler),
        typeof(UnbanMemberHandler),
        typeof(SetMemberRoleHandler),
        typeof(TransferRoomOwnershipHandler),
        typeof(SendMessageHandler),
        typeof(SendDirectMessageHandler),
        typeof(EditMessageHandler),
        typeof(DeleteMessageHandler),
        typeof(MarkReadHandler),
        typeof(GetMyRoomsHandler),
        typeof(GetRoomHandler),
        typeof(GetMessagesHandler),
        typeof(GetMyDirectConversationsHandler),
        typeof(GetRoomEventsHandler),
        typeof(SignalTypingHandler),
        typeof(global::Voting.Application.Chat.GetPresence.GetPresenceHandler),
        typeof(global::Voting.Application.Chat.PruneRoomLog.PruneRoomLogHandler),
    ];

    public static readonly TheoryData<Type, Type> Validators = new()
    {
        { typeof(RegisterUserCommand), typeof(RegisterUserValidator) },
        { typeof(LogInCommand), typeof(LogInValidator) },
        { typeof(CreateElectionCommand), typeof(CreateElectionValidator) },
        { typeof(UpdateElectionCommand), typeof(UpdateElectionValidator) },
        { typeof(AddCandidateCommand), typeof(AddCandidateValidator) },
        { typeof(SetVoterRollCommand), typeof(SetVoterRollValidator) },
        { typeof(VerifyReceiptQuery), typeof(VerifyReceiptValidator) },
        { typeof(CreateRoomCommand), typeof(CreateRoomValidator) },
        { typeof(SendMessageCommand), typeof(SendMessageValidator) },
        { typeof(SendDirectMessageCommand), typeof(SendDirectMessageValidator) },
        { typeof(EditMessageCommand), typeof(EditMessageValidator) },
        { typeof(MuteMemberCommand), typeof(MuteMemberValidator) },
        { typeof(SetMemberRoleCommand), typeof(SetMemberRoleValidator) },
        { typeof(MarkReadCommand), typeof(MarkReadValidator) },
        { typeof(GetMessagesQuery), typeof(GetMessagesValidator) },
        { typeof(GetRoomEventsQuery), typeof(GetRoomEventsValidator) },
        { typeof(global::Voting.Application.Chat.PruneRoomLog.PruneRoomLogCommand), typeof(global::Voting.Application.Chat.PruneRoomLog.PruneRoomLogValidator) },
    };

    [Theory]
    [MemberData(nameof(Handlers))]
    public void Every_handler_is_registered_scoped_and_resolves_with_the_ports(Type handler)
    {
        var services = ServicesWithPorts().AddApplication();
        using var provider = Build(services);
        using var scope = provider.CreateScope();

        Assert.Equal(ServiceLifetime.Scoped, Assert.Single(services, d => d.ServiceType == handler).Lifetime);
        Assert.IsType(handler, scope.ServiceProvider.GetRequiredService(handler));
    }

    [Theory]
    [MemberData(nameof(Validators))]
    public void Every_validator_is_registered_as_the_validator_of_its_request(Type request, Type validator)
    {
        var contract = typeof(IValidator<>).MakeGenericType(request);
        var services = ServicesWithPorts().AddApplication();
        using var provider = Build(services);

        var descriptor = Assert.Single(services, d => d.ServiceType == contract);
        Assert.Equal(ServiceLifetime.Singleton, descriptor.Lifetime);
        Assert.IsType(validator, provider.GetRequiredService(contract));
    }

    [Fact]
    public void Nothing_with_a_Handle_or_HandleAsync_method_is_left_unregistered()
    {
        var services = ServicesWithPorts().AddApplication();
        // Domain event handlers are registered by the host under IDomainEventHandler<TEvent>, beside the ports they publish to.
        var withHandleAsync = typeof(DependencyInjection).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false, IsPublic: true }
                && !t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDomainEventHandler<>))
                && (t.GetMethod("HandleAsync") ?? t.GetMethod("Handle")) is not null)
            .ToList();

        Assert.Equal(Handlers.Count, withHandleAsync.Count);
        Assert.All(withHandleAsync, t => Assert.Contains(services, d => d.ServiceType == t));
    }

    [Fact]
    public void Every_validator_in_the_assembly_is_registered()
    {
        var services = ServicesWithPorts().AddApplication();
        var validators = typeof(DependencyInjection).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IValidator<>)))
            .ToList();

        Assert.Equal(Validators.Count, validators.Count);
        Assert.All(validators, v => Assert.Contains(services, d => d.ImplementationType == v));
    }

    [Fact]
    public void Election_notices_are_posted_to_chat_on_opening_closing_and_publishing()
    {
        using var provider = Build(ServicesWithPorts().AddApplication());
        using var scope = provider.CreateScope();

        var notices = scope.ServiceProvider.GetRequiredService<PostElectionNotices>();
        Assert.Same(notices, Assert.Single(scope.ServiceProvider.GetServices<IDomainEventHandler<ElectionOpened>>()));
        Assert.Same(notices, Assert.Single(scope.ServiceProvider.GetServices<IDomainEventHandler<ElectionClosed>>()));
        Assert.Same(notices, Assert.Single(scope.ServiceProvider.GetServices<IDomainEventHandler<ElectionResultsPublished>>()));
    }

    [Fact]
    public void Each_scope_gets_its_own_handler()
    {
        using var provider = Build(ServicesWithPorts().AddApplication());
        using var first = provider.CreateScope();
        using var second = provider.CreateScope();

        Assert.NotSame(
            first.ServiceProvider.GetRequiredService<CastVoteHandler>(),
            second.ServiceProvider.GetRequiredService<CastVoteHandler>());
    }

    private static ServiceProvider Build(IServiceCollection services) =>
        services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

    private static ServiceCollection ServicesWithPorts()
    {
        var services = new ServiceCollection();
        services.AddScoped(_ => Substitute.For<IUserRepository>());
        services.AddScoped(_ => Substitute.For<ISessionRepository>());
        services.AddScoped(_ => Substitute.For<IElectionRepository>());
        services.AddScoped(_ => Substitute.For<IBallotBox>());
        services.AddScoped(_ => Substitute.For<IOpenElections>());
        services.AddScoped(_ => Substitute.For<IElectionQueries>());
        services.AddScoped(_ => Substitute.For<IElectionSchedule>());
        services.AddSingleton(_ => Substitute.For<ITallyPublisher>());
        services.AddScoped(_ => Substitute.For<IUnitOfWork>());
        services.AddScoped(_ => Substitute.For<ICurrentUser>());
        services.AddSingleton(_ => Substitute.For<IPasswordHasher>());
        services.AddSingleton(_ => Substitute.For<IClock>());
        services.AddScoped(_ => Substitute.For<IChatRepository>());
        services.AddScoped(_ => Substitute.For<IChatQueries>());
        services.AddSingleton(_ => Substitute.For<IChatRateLimiter>());
        services.AddSingleton(_ => Substitute.For<IRoomEventPublisher>());
        services.AddSingleton(_ => Substitute.For<ITypingNotifier>());
        services.AddSingleton(_ => Substitute.For<global::Voting.Application.Chat.Presence.IPresenceStore>());
        services.AddScoped(_ => Substitute.For<IRoomLogRetention>());
        return services;
    }
}
