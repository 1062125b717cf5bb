using Voting.GraphQL.Validation;
using Voting.GraphQL.Validation.Rules;
using static Voting.GraphQL.Tests.Validation.ValidationHarness;

namespace Voting.GraphQL.Tests.Validation;

public sealed class SingleFieldSubscriptionsRuleTests
{
    private static readonly Func<ValidationContext, ValidationRule> Rule = c => new SingleFieldSubscriptionsRule(c);

    [Fact]
    public void Valid_subscription() => ExpectValid(Rule, "subscription ImportantEmails { importantEmails }");

    [Fact]
    public void Valid_subscription_with_fragment() => ExpectValid(Rule, """
        subscription sub { ...newMessageFields }
        fragment newMessageFields on SubscriptionRoot { newMessage }
        """);

    [Fact]
    public void Valid_subscription_with_fragment_and_field_merging() => ExpectValid(Rule, """
        subscription sub { newMessage ...newMessageFields }
        fragment newMessageFields on SubscriptionRoot { newMessage }
        """);

    [Fact]
    public void Queries_and_mutations_may_select_many_fields() => ExpectValid(Rule, "query { dog { name } cat { name } __typename }");

    [Fact]
    public void Skip_or_include_leaves_its_selection_out_so_directives_inside_are_not_reported() => ExpectErrors(Rule, """
        subscription S { ...F @include(if: true) }
        fragment F on SubscriptionRoot { importantEmails @skip(if: true) }
        """,
        Error("Subscription \"S\" must not use `@skip` or `@include` directives in the top level selection.", (1, 23)));

    [Fact]
    public void Only_the_skip_of_a_selection_with_both_is_reported() => ExpectErrors(Rule,
        "subscription S { importantEmails @include(if: true) @skip(if: false) }",
        Error("Subscription \"S\" must not use `@skip` or `@include` directives in the top level selection.", (1, 53)));

    [Fact]
    public void Fails_with_more_than_one_root_field() => ExpectErrors(Rule, """
        subscription ImportantEmails {
          importantEmails
          notImportantEmails
        }
        """,
        Error("Subscription \"ImportantEmails\" must select only one top level field.", (3, 3)));

    [Fact]
    public void Fails_with_more_than_one_root_field_including_introspection() => ExpectErrors(Rule, """
        subscription ImportantEmails {
          importantEmails
          __typename
        }
        """,
        Error("Subscription \"ImportantEmails\" must select only one top level field.", (3, 3)),
        Error("Subscription \"ImportantEmails\" must not select an introspection top level field.", (3, 3)));

    [Fact]
    public void Fails_with_many_more_than_one_root_field() => ExpectErrors(Rule, """
        subscription ImportantEmails {
          importantEmails
          notImportantEmails
          spamEmails
        }
        """,
        Error("Subscription \"ImportantEmails\" must select only one top level field.", (3, 3), (4, 3)));

    [Fact]
    public void Fails_with_more_than_one_root_field_via_fragments() => ExpectErrors(Rule, """
        subscription ImportantEmails {
          importantEmails
          ... {
            more: moreImportantEmails
          }
          ...NotImportantEmails
        }
        fragment NotImportantEmails on SubscriptionRoot {
          notImportantEmails
          deleted: deletedEmails
          ...SpamEmails
        }
        fragment SpamEmails on SubscriptionRoot {
          spamEmails
        }
        """,
        Error("Subscription \"ImportantEmails\" must select only one top level field.", (4, 5), (9, 3), (10, 3), (14, 3)));

    [Fact]
    public void Does_not_infinite_loop_on_recursive_fragments() => ExpectErrors(Rule, """
        subscription NoInfiniteLoop {
          ...A
        }
        fragment A on SubscriptionRoot {
          ...A
        }
        """,
        Error("Subscription \"NoInfiniteLoop\" must select one top level field.", (1, 29)));

    [Fact]
    public void Fails_with_no_applicable_field_in_anonymous_subscription() => ExpectErrors(Rule, """
        subscription {
          ... on QueryRoot { dog { name } }
        }
        """,
        Error("Anonymous Subscription must select one top level field.", (1, 14)));

    [Fact]
    public void Fails_with_many_more_than_one_root_field_via_fragments_anonymous() => ExpectErrors(Rule, """
        subscription {
          importantEmails
          ... {
            more: moreImportantEmails
            ...NotImportantEmails
          }
          ...NotImportantEmails
        }
        fragment NotImportantEmails on SubscriptionRoot {
          notImportantEmails
          deleted: deletedEmails
          ...SpamEmails
        }
        fragment SpamEmails on SubscriptionRoot {
          spamEmails
        }
        """,
        Error("Anonymous Subscription must select only one top level field.", (4, 5), (10, 3), (11, 3), (15, 3)));

    [Fact]
    public void Fails_with_more_than_one_root_field_in_anonymous_subscriptions() => ExpectErrors(Rule, """
        subscription {
          importantEmails
          notImportantEmails
        }
        """,
        Error("Anonymous Subscription must select only one top level field.", (3, 3)));

    [Fact]
    public void Fails_with_introspection_field() => ExpectErrors(Rule, """
        subscription ImportantEmails {
          __typename
        }
        """,
        Error("Subscription \"ImportantEmails\" must not select an introspection top level field.", (2, 3)));

    [Fact]
    public void Fails_with_introspection_field_in_anonymous_subscription() => ExpectErrors(Rule, """
        subscription {
          __typename
        }
        """,
        Error("Anonymous Subscription must not select an introspection top level field.", (2, 3)));

    [Fact]
    public void Fails_with_skip_or_include_at_the_top_level() => ExpectErrors(Rule, """
        subscription RequiredRuntimeValidation($bool: Boolean!) {
          newMessage @include(if: $bool)
          importantEmails @skip(if: $bool)
        }
        """,
        Error("Subscription \"RequiredRuntimeValidation\" must not use `@skip` or `@include` directives in the top level selection.", (2, 14), (3, 19)));

    [Fact]
    public void Fails_with_skip_in_a_fragment_at_the_top_level_of_an_anonymous_subscription() => ExpectErrors(Rule, """
        subscription {
          ...F @skip(if: true)
        }
        fragment F on SubscriptionRoot { newMessage }
        """,
        Error("Anonymous Subscription must not use `@skip` or `@include` directives in the top level selection.", (2, 8)));

    [Fact]
    public void Skip_and_include_below_the_top_level_are_fine() => ExpectValid(Rule, """
        subscription ($bool: Boolean!) {
          newMessage
          ... { newMessage }
        }
        """);
}
