@examples
Feature: Repeated gifts from the same giver
  Small gifts add up. Two or more earlier gifts from the same giver to the same official within 90
  days make a pattern (GIFT-04), counted from the events the engine saw before.

  Background:
    Given the "gifts_demo" ruleset

  Rule: GIFT-04 a third gift within 90 days is flagged

    Scenario: A third gift within 90 days
      Given these earlier events:
        | kind | event_id | official_id | giver    | value | given_on   | declared |
        | gift | g-1      | OF-5        | Acme Ltd | 30    | 2024-01-10 | true     |
        | gift | g-2      | OF-5        | Acme Ltd | 30    | 2024-02-10 | true     |
      When a "gift" event is evaluated with:
        | event_id    | g-3        |
        | official_id | OF-5       |
        | giver       | Acme Ltd   |
        | value       | 30         |
        | given_on    | 2024-03-10 |
        | declared    | true       |
      Then the flag "GIFT-04" fires
      And the explanation of "GIFT-04" mentions "2 earlier gifts from Acme Ltd to OF-5"

    Scenario: Gifts from different givers do not add up
      Given these earlier events:
        | kind | official_id | giver      | value | given_on   |
        | gift | OF-5        | Acme Ltd   | 30    | 2024-01-10 |
        | gift | OF-5        | Bidder One | 30    | 2024-02-10 |
      When a "gift" event is evaluated with:
        | official_id | OF-5       |
        | giver       | Acme Ltd   |
        | value       | 30         |
        | given_on    | 2024-03-10 |
      Then the flag "GIFT-04" does not fire

    Scenario: A sequence of gifts, checked event by event
      When these events are evaluated:
        | event_id | official_id | giver    | value | given_on   | declared |
        | g-1      | OF-6        | Acme Ltd | 30    | 2024-01-10 | true     |
        | g-2      | OF-6        | Acme Ltd | 30    | 2024-02-10 | true     |
        | g-3      | OF-6        | Acme Ltd | 30    | 2024-03-10 | true     |
        | g-4      | OF-6        | Acme Ltd | 30    | 2024-08-30 | true     |
      Then the flag "GIFT-04" does not fire for event "g-2"
      And the flag "GIFT-04" fires for event "g-3"
      And the score is 20 for event "g-3"
      And the flag "GIFT-04" does not fire

    Scenario: A gift without a date cannot be placed in time
      Given these earlier events:
        | kind | official_id | giver    | value | given_on   |
        | gift | OF-7        | Acme Ltd | 30    | 2024-01-10 |
        | gift | OF-7        | Acme Ltd | 30    | 2024-02-10 |
      When a "gift" event is evaluated with:
        | official_id | OF-7     |
        | giver       | Acme Ltd |
        | value       | 30       |
      Then the flag "GIFT-04" is not evaluable
