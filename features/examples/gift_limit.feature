@examples
Feature: Gifts to public officials above the limit
  The code of conduct sets a limit on the value of a gift an official may accept. A gift above
  the limit is a red flag (GIFT-01); a gift that is not declared is another (GIFT-02). Both belong
  to the "gifts" typology, whose share of the score is capped at 30.

  Background:
    Given the "gifts_demo" ruleset

  Rule: GIFT-01 a gift worth more than the limit is flagged

    Scenario: A declared gift above the limit
      When a "gift" event is evaluated with:
        | field       | value      |
        | official_id | OF-17      |
        | giver       | Acme Ltd   |
        | value       | 150        |
        | given_on    | 2024-03-01 |
        | declared    | true       |
      Then the flag "GIFT-01" fires
      And the flag "GIFT-02" does not fire
      And the explanation of "GIFT-01" mentions "exceeds the limit of 100"
      And the score is 20
      And the band is "low"

    Scenario: A gift exactly at the limit is allowed
      When a "gift" event is evaluated with:
        | official_id | OF-17      |
        | value       | 100        |
        | given_on    | 2024-03-01 |
        | declared    | true       |
      Then the flag "GIFT-01" does not fire
      And no flag fires

    Scenario Outline: The limit is a parameter: <value> against a limit of <limit>
      Given the parameter "gift_limit" is <limit>
      When a "gift" event is evaluated with:
        | official_id | OF-17      |
        | value       | <value>    |
        | given_on    | 2024-03-01 |
        | declared    | true       |
      Then the flag "GIFT-01" <outcome>

      Examples:
        | limit | value | outcome       |
        | 100   | 150   | fires         |
        | 200   | 150   | does not fire |
        | 50    | 50.5  | fires         |

  Rule: GIFT-02 every gift is declared

    Scenario: An undeclared gift above the limit: the typology cap applies
      When a "gift" event is evaluated with:
        | official_id | OF-17      |
        | giver       | Acme Ltd   |
        | value       | 150        |
        | given_on    | 2024-03-01 |
        | declared    | false      |
      Then the flag "GIFT-01" fires
      And the flag "GIFT-02" fires
      And the explanation of "GIFT-02" mentions "from Acme Ltd was not declared"
      And the score is 30
      And the band is "medium"

    Scenario: Whether the gift was declared is not known
      When a "gift" event is evaluated with:
        | official_id | OF-17      |
        | value       | 20         |
        | given_on    | 2024-03-01 |
        | declared    | <missing>  |
      Then the flag "GIFT-02" is not evaluable because "declared" is missing
      And the flag "GIFT-02" does not fire
