@examples
Feature: Gifts that point to a conflict of interest
  A gift to a procurement officer while a tender is open (GIFT-03) raises the band to at least
  "high", whatever the score. Cash, vouchers, and gifts to officials posted in secrecy
  jurisdictions are flagged too (GIFT-05).

  Background:
    Given the "gifts_demo" ruleset

  Rule: GIFT-03 no gifts to a procurement officer during an open tender

    Scenario: A small gift during an open tender
      When a "gift" event is evaluated with:
        | official_id    | OF-3                |
        | giver          | Bidder One          |
        | value          | 40                  |
        | given_on       | 2024-05-02          |
        | declared       | true                |
        | tender_open    | true                |
        | recipient.role | procurement_officer |
      Then the flag "GIFT-03" fires
      And the score is 30
      And the band is "high"
      And the band is at least "high"

    Scenario: The same gift once the tender is closed
      When a "gift" event is evaluated with:
        | official_id    | OF-3                |
        | value          | 40                  |
        | given_on       | 2024-05-02          |
        | declared       | true                |
        | tender_open    | false               |
        | recipient.role | procurement_officer |
      Then the flag "GIFT-03" does not fire
      And the band is "low"

  Rule: GIFT-05 no cash, no vouchers, no gifts in secrecy jurisdictions

    Scenario Outline: A gift of <kinds> to an official in <country>
      When a "gift" event is evaluated with:
        | official_id       | OF-8       |
        | value             | 30         |
        | given_on          | 2024-06-10 |
        | declared          | true       |
        | kinds             | <kinds>    |
        | recipient.country | <country>  |
      Then the flag "GIFT-05" <outcome>

      Examples:
        | kinds            | country | outcome       |
        | [cash]           | ES      | fires         |
        | [flowers, wine]  | ES      | does not fire |
        | [flowers]        | PA      | fires         |
        | []               | FR      | does not fire |

    Scenario: Whether a gift was cash is not known for an official at home
      When a "gift" event is evaluated with:
        | official_id       | OF-8       |
        | value             | 30         |
        | given_on          | 2024-06-10 |
        | recipient.country | ES         |
      Then the flag "GIFT-05" is not evaluable because "kinds" is missing
