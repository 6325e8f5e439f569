@procurement
Feature: Organisations over the data set: outliers among buyers, procuring entities and tenderers
  Some red flags are only visible over a whole data set: a buyer that disqualifies many bids, a
  bidder that never wins, a supplier of everything. After the last process is read, each
  organisation gets one summary event, and the flag compares it with the Tukey fences of the data
  set (Cardinal R025, R038, R048). In these scenarios no data set statistics are loaded, so the
  flags compare with their fixed thresholds, as a stream scored without a baseline file does.

  Background:
    Given the "procurement" ruleset

  Rule: PP28B a buyer disqualifying half of the bids or more (Cardinal R038, buyers)

    Scenario: A municipal services department disqualifies 23 of 42 bids
      When a "buyer" event is evaluated with:
        | org_id              | B-041                       |
        | name                | Fairport Municipal Services |
        | processes           | 14                          |
        | open_processes      | 14                          |
        | selective_processes | 0                           |
        | limited_processes   | 0                           |
        | direct_processes    | 0                           |
        | submitted_bids      | 42                          |
        | disqualified_bids   | 23                          |
        | awards_count        | 14                          |
      Then the flag "PP28B" fires
      And the explanation of "PP28B" mentions "disqualified 23 of the 42 bids submitted in its processes (55%)"

    Scenario: 49 of 100 bids disqualified is under the fixed threshold
      When a "buyer" event is evaluated with:
        | org_id            | B-042 |
        | submitted_bids    | 100   |
        | disqualified_bids | 49    |
      Then the flag "PP28B" does not fire

    Scenario: One disqualified bid out of one is too little to judge
      When a "buyer" event is evaluated with:
        | org_id            | B-043 |
        | submitted_bids    | 1     |
        | disqualified_bids | 1     |
      Then the flag "PP28B" does not fire

  Rule: PP28P a procuring entity disqualifying half of the bids or more (Cardinal R038, procuring entities)

    Scenario: The procurement office disqualifies 23 of 42 bids
      When a "procuring_entity" event is evaluated with:
        | org_id            | PE-042                      |
        | name              | Fairport Procurement Office |
        | processes         | 14                          |
        | submitted_bids    | 42                          |
        | disqualified_bids | 23                          |
      Then the flag "PP28P" fires

    Scenario: 20 of 42 bids disqualified
      When a "procuring_entity" event is evaluated with:
        | org_id            | PE-043 |
        | submitted_bids    | 42     |
        | disqualified_bids | 20     |
      Then the flag "PP28P" does not fire

  Rule: PP28T a tenderer disqualified in half of its bids or more (Cardinal R038, tenderers)

    Scenario: Six of eight bids disqualified
      When a "tenderer" event is evaluated with:
        | org_id            | T-0430             |
        | name              | Shadowbrook Trading |
        | submitted_bids    | 8                  |
        | disqualified_bids | 6                  |
      Then the flag "PP28T" fires

    Scenario: A single disqualified bid does not make a pattern (minimum_submitted_bids 2)
      When a "tenderer" event is evaluated with:
        | org_id            | T-0431 |
        | submitted_bids    | 1      |
        | disqualified_bids | 1      |
      Then the flag "PP28T" does not fire

  Rule: PP29 a frequent bidder that almost never wins (Cardinal R025)

    Scenario: Valid bids in 24 processes, one win
      When a "tenderer" event is evaluated with:
        | org_id              | T-0290                   |
        | name                | Greyline Contractors Ltd |
        | submitted_bids      | 24                       |
        | disqualified_bids   | 0                        |
        | valid_bid_processes | 24                       |
        | valid_bid_wins      | 1                        |
      Then the flag "PP29" fires
      And the explanation of "PP29" mentions "won only 1 (4%)"

    Scenario: One win in 19 processes is just above 5%
      When a "tenderer" event is evaluated with:
        | org_id              | T-0291 |
        | valid_bid_processes | 19     |
        | valid_bid_wins      | 1      |
      Then the flag "PP29" does not fire

    Scenario: Never winning in nine processes is too few processes to tell
      When a "tenderer" event is evaluated with:
        | org_id              | T-0292 |
        | valid_bid_processes | 9      |
        | valid_bid_wins      | 0      |
      Then the flag "PP29" does not fire

  Rule: PP30 a supplier of many unrelated kinds of goods and services (Cardinal R048)

    Scenario: Items of 14 CPV divisions in 26 processes
      When a "tenderer" event is evaluated with:
        | org_id                   | T-0300                     |
        | name                     | Omnia General Supplies Ltd |
        | awarded_processes        | 26                         |
        | classification_divisions | 14                         |
      Then the flag "PP30" fires

    Scenario: Nine divisions
      When a "tenderer" event is evaluated with:
        | org_id                   | T-0301 |
        | awarded_processes        | 26     |
        | classification_divisions | 9      |
      Then the flag "PP30" does not fire

    Scenario: Only 19 processes won, below the minimum support of 20
      When a "tenderer" event is evaluated with:
        | org_id                   | T-0302 |
        | awarded_processes        | 19     |
        | classification_divisions | 14     |
      Then the flag "PP30" does not fire

  Rule: PP33 a buyer running half of its procedures or more without competition

    Scenario: An estates office with 14 of 20 procedures limited or direct
      When a "buyer" event is evaluated with:
        | org_id              | B-043                  |
        | name                | Ridgeway Estates Office |
        | processes           | 20                     |
        | open_processes      | 6                      |
        | selective_processes | 0                      |
        | limited_processes   | 5                      |
        | direct_processes    | 9                      |
      Then the flag "PP33" fires

    Scenario: Just under half
      When a "buyer" event is evaluated with:
        | org_id              | B-044 |
        | processes           | 21    |
        | open_processes      | 11    |
        | selective_processes | 0     |
        | limited_processes   | 5     |
        | direct_processes    | 5     |
      Then the flag "PP33" does not fire

  Rule: PP35 more than 100 award values that do not follow Benford's law

    Scenario: 160 award values with a first-digit deviation of 0.031
      When a "buyer" event is evaluated with:
        | org_id       | B-044                  |
        | name         | Lowmoor County Council |
        | awards_count | 160                    |
        | benford_mad  | 0.031                  |
      Then the flag "PP35" fires

    Scenario: Exactly 100 awards is too few for the test
      When a "buyer" event is evaluated with:
        | org_id       | B-045 |
        | awards_count | 100   |
        | benford_mad  | 0.031 |
      Then the flag "PP35" does not fire

    Scenario: Conforming values
      When a "buyer" event is evaluated with:
        | org_id       | B-046 |
        | awards_count | 160   |
        | benford_mad  | 0.012 |
      Then the flag "PP35" does not fire
