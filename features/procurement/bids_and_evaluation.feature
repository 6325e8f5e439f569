@procurement
Feature: Bids and their evaluation: Cardinal's per-process indicators
  Once bids are opened, the competition can be faked or steered: one bidder only, rivals
  disqualified, the cheapest bid thrown out, a late bid that wins, identical or cover prices. These
  flags read the process event: Cardinal's measurements of the bids and awards of one contracting
  process. Without data set statistics (no baseline loaded), the price-gap flags compare with their
  fixed thresholds.

  Background:
    Given the "procurement" ruleset

  Rule: PP13 one bid in an open or selective procedure (Cardinal R018)

    Scenario: A single bidder in an open tender
      When a "process" event is evaluated with:
        | ocid                | ocds-bdd-1301        |
        | procurement_method  | open                 |
        | number_of_tenderers | 1                    |
        | process_date        | 2025-04-30T12:00:00Z |
      Then the flag "PP13" fires
      And the explanation of "PP13" mentions "Only one tenderer bid in the open procedure"

    Scenario: Two bidders compete
      When a "process" event is evaluated with:
        | ocid                | ocds-bdd-1302        |
        | procurement_method  | open                 |
        | number_of_tenderers | 2                    |
        | process_date        | 2025-04-30T12:00:00Z |
      Then the flag "PP13" does not fire

    Scenario: One bid in a direct award is expected
      When a "process" event is evaluated with:
        | ocid                | ocds-bdd-1303        |
        | procurement_method  | direct               |
        | number_of_tenderers | 1                    |
        | process_date        | 2025-04-30T12:00:00Z |
      Then the flag "PP13" does not fire

  Rule: PP14 all bids but the winner's disqualified (Cardinal R035)

    Scenario: Three rivals disqualified, the last one standing wins
      When a "process" event is evaluated with:
        | ocid                         | ocds-bdd-1401        |
        | procurement_method           | open                 |
        | valid_tenderers              | 1                    |
        | winner_sole_valid_tenderer   | true                 |
        | sole_valid_tenderer_id       | T-0401               |
        | other_disqualified_tenderers | 3                    |
        | process_date                 | 2025-05-20T12:00:00Z |
      Then the flag "PP14" fires
      And the explanation of "PP14" mentions "3 other tenderer(s) were disqualified"

    Scenario: Nobody else was disqualified
      When a "process" event is evaluated with:
        | ocid                         | ocds-bdd-1402        |
        | valid_tenderers              | 1                    |
        | winner_sole_valid_tenderer   | true                 |
        | other_disqualified_tenderers | 0                    |
        | process_date                 | 2025-05-20T12:00:00Z |
      Then the flag "PP14" does not fire

  Rule: PP15 the lowest bid disqualified (Cardinal R036)

    Scenario: The cheapest bid is thrown out and a dearer one wins
      When a "process" event is evaluated with:
        | ocid                    | ocds-bdd-1501        |
        | price_comparison        | true                 |
        | has_active_award        | true                 |
        | valid_bid_with_amount   | true                 |
        | lowest_bid              | 182000               |
        | lowest_bid_disqualified | true                 |
        | process_date            | 2025-06-12T12:00:00Z |
      Then the flag "PP15" fires

    Scenario: The lowest bid is valid
      When a "process" event is evaluated with:
        | ocid                    | ocds-bdd-1502        |
        | price_comparison        | true                 |
        | has_active_award        | true                 |
        | valid_bid_with_amount   | true                 |
        | lowest_bid_disqualified | false                |
        | process_date            | 2025-06-12T12:00:00Z |
      Then the flag "PP15" does not fire

    Scenario: A procedure that does not compare prices is out of scope
      When a "process" event is evaluated with:
        | ocid                    | ocds-bdd-1503        |
        | price_comparison        | false                |
        | has_active_award        | true                 |
        | valid_bid_with_amount   | true                 |
        | lowest_bid_disqualified | true                 |
        | process_date            | 2025-06-12T12:00:00Z |
      Then the flag "PP15" does not fire

  Rule: PP16 a valid bid after the deadline that wins (Cardinal R030)

    Scenario: The winner's bid arrived two days late
      When a "process" event is evaluated with:
        | ocid              | ocds-bdd-1601        |
        | tender_end        | 2025-03-15T12:00:00Z |
        | late_winning_bids | 1                    |
        | late_winners      | [T-0602]             |
        | process_date      | 2025-04-02T12:00:00Z |
      Then the flag "PP16" fires
      And the explanation of "PP16" mentions "came from the winner (T-0602)"

    Scenario: Late bids, but none from the winner
      When a "process" event is evaluated with:
        | ocid              | ocds-bdd-1602        |
        | tender_end        | 2025-03-15T12:00:00Z |
        | late_winning_bids | 0                    |
        | process_date      | 2025-04-02T12:00:00Z |
      Then the flag "PP16" does not fire

  Rule: PP17 two tenderers quoting exactly the same price (Cardinal R028)

    Scenario: Two rivals at 212,400.00
      When a "process" event is evaluated with:
        | ocid                      | ocds-bdd-1701        |
        | price_comparison          | true                 |
        | identical_bid_prices      | true                 |
        | identical_price           | 212400               |
        | identical_price_tenderers | [T-0701, T-0702]     |
        | process_date              | 2025-05-08T12:00:00Z |
      Then the flag "PP17" fires

    Scenario: All prices differ
      When a "process" event is evaluated with:
        | ocid                 | ocds-bdd-1702        |
        | price_comparison     | true                 |
        | identical_bid_prices | false                |
        | process_date         | 2025-05-08T12:00:00Z |
      Then the flag "PP17" does not fire

  Rule: PP18 a runner-up priced just above the winner (Cardinal R024)

    Scenario: The second bid is 0.4% above the winning bid
      When a "process" event is evaluated with:
        | ocid               | ocds-bdd-1801        |
        | price_comparison   | true                 |
        | relative_price_gap | 0.004                |
        | winning_bid        | 250000               |
        | runner_up_bid      | 251000               |
        | winner_id          | T-0801               |
        | runner_up_id       | T-0802               |
        | process_date       | 2025-06-20T12:00:00Z |
      Then the flag "PP18" fires
      And the explanation of "PP18" mentions "is only 0.40% above the winning bid"

    Scenario: Exactly at the fixed threshold of 5% still fires
      When a "process" event is evaluated with:
        | ocid               | ocds-bdd-1802        |
        | price_comparison   | true                 |
        | relative_price_gap | 0.05                 |
        | winner_id          | T-0801               |
        | runner_up_id       | T-0802               |
        | process_date       | 2025-06-20T12:00:00Z |
      Then the flag "PP18" fires

    Scenario: A gap just above 5% does not
      When a "process" event is evaluated with:
        | ocid               | ocds-bdd-1803        |
        | price_comparison   | true                 |
        | relative_price_gap | 0.0501               |
        | winner_id          | T-0801               |
        | runner_up_id       | T-0802               |
        | process_date       | 2025-06-20T12:00:00Z |
      Then the flag "PP18" does not fire

    Scenario: Without data set statistics and without the fixed fallback, the flag waits for the fence
      Given the parameter "fence_fallback" is false
      When a "process" event is evaluated with:
        | ocid               | ocds-bdd-1804        |
        | price_comparison   | true                 |
        | relative_price_gap | 0.004                |
        | winner_id          | T-0801               |
        | runner_up_id       | T-0802               |
        | process_date       | 2025-06-20T12:00:00Z |
      Then the flag "PP18" is not evaluable

    Scenario: Cardinal's fixed threshold setting replaces the fence
      Given the parameter "fence_fallback" is false
      And the parameter "price_gap_low_fixed" is true
      And the parameter "price_gap_low_threshold" is 0.01
      When a "process" event is evaluated with:
        | ocid               | ocds-bdd-1805        |
        | price_comparison   | true                 |
        | relative_price_gap | 0.004                |
        | winner_id          | T-0801               |
        | runner_up_id       | T-0802               |
        | process_date       | 2025-06-20T12:00:00Z |
      Then the flag "PP18" fires

  Rule: PP19 a winning bid far below the next one (Cardinal R058)

    Scenario: The others asked 135% more
      When a "process" event is evaluated with:
        | ocid               | ocds-bdd-1901        |
        | price_comparison   | true                 |
        | relative_price_gap | 1.35                 |
        | winning_bid        | 120000               |
        | runner_up_bid      | 282000               |
        | winner_id          | T-0901               |
        | runner_up_id       | T-0902               |
        | process_date       | 2025-07-03T12:00:00Z |
      Then the flag "PP19" fires

    Scenario: A gap just under the fixed threshold of 50%
      When a "process" event is evaluated with:
        | ocid               | ocds-bdd-1902        |
        | price_comparison   | true                 |
        | relative_price_gap | 0.49                 |
        | winner_id          | T-0901               |
        | process_date       | 2025-07-03T12:00:00Z |
      Then the flag "PP19" does not fire

  Rule: PP23 bidders of one process sharing contact details

    Scenario: A second bidder uses the first bidder's e-mail
      Given these earlier events:
        | kind | ocid          | bid_id | bidder_id | bidder_name           | status | amount | contact_email             | contact_phone    | submitted_at         |
        | bid  | ocds-bdd-2301 | 1      | T-2301    | Northline Construction | valid  | 410000 | tenders@northline.example | +442079460001    | 2025-04-10T09:00:00Z |
      When a "bid" event is evaluated with:
        | ocid          | ocds-bdd-2301             |
        | bid_id        | 2                         |
        | bidder_id     | T-2302                    |
        | bidder_name   | Quayside Builders         |
        | status        | valid                     |
        | amount        | 418500                    |
        | contact_email | tenders@northline.example |
        | contact_phone | +442079460999             |
        | submitted_at  | 2025-04-10T11:00:00Z      |
      Then the flag "PP23" fires
      And the explanation of "PP23" mentions "2 bidders share the e-mail tenders@northline.example"

    Scenario: The same bidder bidding twice is not two bidders
      Given these earlier events:
        | kind | ocid          | bid_id | bidder_id | status | contact_email             | contact_phone | submitted_at         |
        | bid  | ocds-bdd-2302 | 1      | T-2301    | valid  | tenders@northline.example | +442079460001 | 2025-04-10T09:00:00Z |
      When a "bid" event is evaluated with:
        | ocid          | ocds-bdd-2302             |
        | bid_id        | 2                         |
        | bidder_id     | T-2301                    |
        | status        | valid                     |
        | contact_email | tenders@northline.example |
        | contact_phone | +442079460001             |
        | submitted_at  | 2025-04-10T11:00:00Z      |
      Then the flag "PP23" does not fire

    Scenario: The same e-mail in another process does not count
      Given these earlier events:
        | kind | ocid          | bid_id | bidder_id | status | contact_email             | contact_phone | submitted_at         |
        | bid  | ocds-bdd-2303 | 1      | T-2301    | valid  | tenders@northline.example | +442079460001 | 2025-04-10T09:00:00Z |
      When a "bid" event is evaluated with:
        | ocid          | ocds-bdd-2304             |
        | bid_id        | 1                         |
        | bidder_id     | T-2302                    |
        | status        | valid                     |
        | contact_email | tenders@northline.example |
        | contact_phone | +442079460999             |
        | submitted_at  | 2025-04-10T11:00:00Z      |
      Then the flag "PP23" does not fire

  Rule: PP24 a bidder using the buyer's own contact details

    Scenario: The bidder's e-mail is the buyer's procurement officer's
      When a "bid" event is evaluated with:
        | ocid                | ocds-bdd-2401          |
        | bid_id              | 1                      |
        | bidder_id           | T-2401                 |
        | bidder_name         | Pinecrest Services     |
        | status              | valid                  |
        | contact_email       | j.doe@council.example  |
        | contact_phone       | +441632960001          |
        | buyer_id            | B-034                  |
        | buyer_contact_email | j.doe@council.example  |
        | buyer_contact_phone | +441632960000          |
        | submitted_at        | 2025-02-17T09:00:00Z   |
      Then the flag "PP24" fires

    Scenario: Different e-mail and telephone
      When a "bid" event is evaluated with:
        | ocid                | ocds-bdd-2402             |
        | bid_id              | 1                         |
        | bidder_id           | T-2402                    |
        | status              | valid                     |
        | contact_email       | bids@pinecrest.example    |
        | contact_phone       | +441632960001             |
        | buyer_contact_email | procurement@council.example |
        | buyer_contact_phone | +441632960000             |
        | submitted_at        | 2025-02-17T09:00:00Z      |
      Then the flag "PP24" does not fire
