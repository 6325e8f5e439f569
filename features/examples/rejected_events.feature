@examples
Feature: Events that do not fit the ruleset are rejected
  Every value must have the type its field declares: a number is not text, true and false are the
  only booleans, a date is written 2024-01-31 and a list [like, this]. An event with a value that
  does not fit is rejected, with the field and the problem, and is not scored.

  Background:
    Given the "gifts_demo" ruleset

  Scenario Outline: A <field> of "<value>" is rejected
    When a "gift" event is evaluated with:
      | official_id | OF-1    |
      | <field>     | <value> |
    Then the event is rejected
    And the rejection mentions "<field>"

    Examples:
      | field    | value      |
      | value    | a lot      |
      | declared | yes        |
      | given_on | 2024-02-30 |
      | kinds    | cash       |

  Scenario: Text in quotes stays text, even in a number field
    When a "gift" event is evaluated with:
      | official_id | OF-1  |
      | value       | "150" |
    Then the event is rejected
    And the rejection mentions "expected a number"

  Scenario: A well-formed event is scored
    When a "gift" event is evaluated with:
      | official_id | OF-1       |
      | value       | 1_000      |
      | given_on    | 2024-02-29 |
      | kinds       | [flowers]  |
    Then the event is scored
    And the flag "GIFT-01" fires
