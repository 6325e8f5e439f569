@bribery
Feature: Distributor discounts that can fund bribes
  A discount far above what peers grant leaves the distributor a margin that can pay the end
  customer's officials. The sales desk reports each sale with the peer 95th percentile discount for
  the product line; the policy allows up to 10 percentage points above it before review.

  Background:
    Given the "bribery" ruleset

  Rule: BRI-07 a discount far above the peer 95th percentile is reviewed

    Scenario: A 42% discount on imaging systems where peers stop at 25%
      When a "sales_transaction" event is evaluated with:
        | field             | value                    |
        | distributor_id    | DS-0107                  |
        | distributor_name  | Vitalis Medical Supplies |
        | company_id        | CO-04                    |
        | product_line      | imaging systems          |
        | list_value        | 850000                   |
        | discount          | 0.42                     |
        | peer_p95_discount | 0.25                     |
        | country           | VN                       |
        | sold_on           | 2025-05-19               |
      Then the flag "BRI-07" fires
      And the explanation of "BRI-07" mentions "received a 42% discount on imaging systems"
      And the score is 15

    Scenario: A discount exactly 10 points above the peer 95th percentile is still within policy
      When a "sales_transaction" event is evaluated with:
        | distributor_id    | DS-0108         |
        | product_line      | infusion pumps  |
        | list_value        | 120000          |
        | discount          | 0.35            |
        | peer_p95_discount | 0.25            |
        | sold_on           | 2025-05-19      |
      Then the flag "BRI-07" does not fire

    Scenario: A narrower policy margin flags the same discount
      Given the parameter "discount_margin" is 0.05
      When a "sales_transaction" event is evaluated with:
        | distributor_id    | DS-0108         |
        | product_line      | infusion pumps  |
        | list_value        | 120000          |
        | discount          | 0.35            |
        | peer_p95_discount | 0.25            |
        | sold_on           | 2025-05-19      |
      Then the flag "BRI-07" fires

    Scenario: Without the peer benchmark the discount cannot be judged
      When a "sales_transaction" event is evaluated with:
        | distributor_id    | DS-0108         |
        | product_line      | infusion pumps  |
        | list_value        | 120000          |
        | discount          | 0.35            |
        | peer_p95_discount | <missing>       |
        | sold_on           | 2025-05-19      |
      Then the flag "BRI-07" is not evaluable because "peer_p95_discount" is missing
