@procurement
Feature: Planning and tender: how a purchase is planned and put to the market
  A purchase can be steered before anyone bids: the estimate is set just under the threshold that
  would require open competition, the purchase is split, the call for tenders is hidden or too
  short, the documents come late. These flags read the tender event of a contracting process
  (OCDS tender and planning sections).

  Background:
    Given the "procurement" ruleset

  Rule: PP06 an estimate within 10% under a competitive threshold is reviewed

    Scenario: Office machinery estimated at 139,500 EUR, just under the 143,000 supplies threshold
      When a "tender" event is evaluated with:
        | ocid               | ocds-bdd-0601          |
        | buyer_id           | B-100                  |
        | buyer_name         | Harbour City Council   |
        | procurement_method | selective              |
        | main_category      | goods                  |
        | tender_value       | 139500                 |
        | currency           | EUR                    |
        | tender_date        | 2025-03-03T09:00:00Z   |
      Then the flag "PP06" fires
      And the explanation of "PP06" mentions "estimated at 139,500 EUR, just under the competitive threshold"

    Scenario: An estimate exactly at the threshold is not under it
      When a "tender" event is evaluated with:
        | ocid               | ocds-bdd-0602        |
        | procurement_method | open                 |
        | main_category      | goods                |
        | tender_value       | 143000               |
        | tender_date        | 2025-03-03T09:00:00Z |
      Then the flag "PP06" does not fire

    Scenario: Road works estimated at 5.4 million, just under the works threshold
      When a "tender" event is evaluated with:
        | ocid               | ocds-bdd-0603        |
        | procurement_method | open                 |
        | main_category      | works                |
        | tender_value       | 5420000              |
        | tender_date        | 2025-03-03T09:00:00Z |
      Then the flag "PP06" fires

    Scenario: Works estimated at 4.9 million are more than 10% under the works threshold
      When a "tender" event is evaluated with:
        | ocid               | ocds-bdd-0604        |
        | procurement_method | open                 |
        | main_category      | works                |
        | tender_value       | 4980000              |
        | tender_date        | 2025-03-03T09:00:00Z |
      Then the flag "PP06" does not fire

  Rule: PP39 a planning section without any planning document is reviewed

    Scenario: The water board publishes a budget but no procurement plan
      When a "tender" event is evaluated with:
        | ocid                         | ocds-bdd-3901        |
        | buyer_name                   | Northern Water Board |
        | procurement_method           | open                 |
        | tender_date                  | 2025-02-10T09:00:00Z |
        | planning_documents_published | false                |
      Then the flag "PP39" fires

    Scenario: A published procurement plan clears the flag
      When a "tender" event is evaluated with:
        | ocid                         | ocds-bdd-3902        |
        | procurement_method           | open                 |
        | tender_date                  | 2025-02-10T09:00:00Z |
        | planning_documents_published | true                 |
      Then the flag "PP39" does not fire

    Scenario: A process published without a planning section is not evaluable, not clean
      When a "tender" event is evaluated with:
        | ocid               | ocds-bdd-3903        |
        | procurement_method | open                 |
        | tender_date        | 2025-02-10T09:00:00Z |
      Then the flag "PP39" is not evaluable because "planning_documents_published" is missing

  Rule: PP01 a submission period shorter than 15 days is short (Cardinal R003)

    Scenario: Eight days to bid for a hospital's cleaning contract
      When a "tender" event is evaluated with:
        | ocid               | ocds-bdd-0101         |
        | buyer_name         | Eastvale Health Trust |
        | procurement_method | open                  |
        | tender_date        | 2025-04-01T09:00:00Z  |
        | tender_start       | 2025-04-01T09:00:00Z  |
        | tender_end         | 2025-04-09T12:00:00Z  |
      Then the flag "PP01" fires
      And the explanation of "PP01" mentions "gave bidders 8.1 days to submit bids"

    Scenario: Exactly fifteen days is long enough
      When a "tender" event is evaluated with:
        | ocid               | ocds-bdd-0102        |
        | procurement_method | open                 |
        | tender_date        | 2025-04-01T09:00:00Z |
        | tender_start       | 2025-04-01T09:00:00Z |
        | tender_end         | 2025-04-16T09:00:00Z |
      Then the flag "PP01" does not fire

    Scenario: One second short of fifteen days is too short
      When a "tender" event is evaluated with:
        | ocid               | ocds-bdd-0103        |
        | procurement_method | open                 |
        | tender_date        | 2025-04-01T09:00:00Z |
        | tender_start       | 2025-04-01T09:00:00Z |
        | tender_end         | 2025-04-16T08:59:59Z |
      Then the flag "PP01" fires

    Scenario: An emergency procedure has its own minimum of five days
      When a "tender" event is evaluated with:
        | ocid                       | ocds-bdd-0104        |
        | procurement_method         | limited              |
        | procurement_method_details | emergency            |
        | submission_min_days        | 5                    |
        | tender_date                | 2025-04-01T09:00:00Z |
        | tender_start               | 2025-04-01T09:00:00Z |
        | tender_end                 | 2025-04-08T09:00:00Z |
      Then the flag "PP01" does not fire

    Scenario: Limited to open and selective procedures, a short direct award is out of scope
      Given the parameter "short_submission_all_methods" is false
      And the parameter "short_submission_methods" is [open, selective]
      When a "tender" event is evaluated with:
        | ocid               | ocds-bdd-0105        |
        | procurement_method | direct               |
        | tender_date        | 2025-04-01T09:00:00Z |
        | tender_start       | 2025-04-01T09:00:00Z |
        | tender_end         | 2025-04-03T09:00:00Z |
      Then the flag "PP01" does not fire

  Rule: PP02 a competitive procedure advertised less than 30 days before the deadline is short

    Scenario: A transport contract advertised 21 days before the deadline
      When a "tender" event is evaluated with:
        | ocid               | ocds-bdd-0201                 |
        | procurement_method | open                          |
        | tender_date        | 2025-05-05T09:00:00Z          |
        | notice_date        | 2025-05-05T09:00:00Z          |
        | tender_end         | 2025-05-26T12:00:00Z          |
      Then the flag "PP02" fires

    Scenario: Thirty days of advertisement is enough
      When a "tender" event is evaluated with:
        | ocid               | ocds-bdd-0202        |
        | procurement_method | open                 |
        | tender_date        | 2025-05-05T09:00:00Z |
        | notice_date        | 2025-05-05T09:00:00Z |
        | tender_end         | 2025-06-04T09:00:00Z |
      Then the flag "PP02" does not fire

  Rule: PP03 a competitive procedure needs a published tender notice

    Scenario: An open tender whose documents contain no tender notice
      When a "tender" event is evaluated with:
        | ocid                      | ocds-bdd-0301        |
        | buyer_name                | Lakeside District    |
        | procurement_method        | open                 |
        | tender_date               | 2025-06-02T09:00:00Z |
        | call_for_tender_published | false                |
        | documents_listed          | true                 |
      Then the flag "PP03" fires

    Scenario: A published tender notice clears the flag
      When a "tender" event is evaluated with:
        | ocid                      | ocds-bdd-0302        |
        | procurement_method        | open                 |
        | tender_date               | 2025-06-02T09:00:00Z |
        | call_for_tender_published | true                 |
      Then the flag "PP03" does not fire

  Rule: PP04 limited and direct procedures are non-open

    Scenario: A negotiated procedure without publication
      When a "tender" event is evaluated with:
        | ocid                       | ocds-bdd-0401                             |
        | buyer_name                 | Hillford Police Service                   |
        | procurement_method         | limited                                   |
        | procurement_method_details | Negotiated procedure without publication  |
        | tender_value               | 310000                                    |
        | currency                   | EUR                                       |
        | tender_date                | 2025-03-18T09:00:00Z                      |
      Then the flag "PP04" fires
      And the explanation of "PP04" mentions "was run as a limited procedure"

    Scenario: A restricted (selective) procedure is competitive
      When a "tender" event is evaluated with:
        | ocid               | ocds-bdd-0402        |
        | procurement_method | selective            |
        | tender_date        | 2025-03-18T09:00:00Z |
      Then the flag "PP04" does not fire

  Rule: PP05 a non-competitive procedure needs a published rationale

    Scenario: A direct award with no rationale at all
      When a "tender" event is evaluated with:
        | ocid               | ocds-bdd-0501            |
        | buyer_name         | Westmarch Schools Agency |
        | procurement_method | direct                   |
        | tender_date        | 2025-01-21T09:00:00Z     |
      Then the flag "PP05" fires

    Scenario: A rationale of blanks is no rationale
      When a "tender" event is evaluated with:
        | ocid                         | ocds-bdd-0502        |
        | procurement_method           | direct               |
        | procurement_method_rationale | "   "                |
        | tender_date                  | 2025-01-21T09:00:00Z |
      Then the flag "PP05" fires

    Scenario: A direct award that says why
      When a "tender" event is evaluated with:
        | ocid                         | ocds-bdd-0503                                  |
        | procurement_method           | direct                                         |
        | procurement_method_rationale | Only the manufacturer can service the scanner |
        | tender_date                  | 2025-01-21T09:00:00Z                           |
      Then the flag "PP05" does not fire

  Rule: PP07 three non-open purchases under the threshold in 30 days that add up above it are split

    Scenario: A port authority buys computers in three direct purchases within three weeks
      Given these earlier events:
        | kind   | ocid          | buyer_id | buyer_name              | procurement_method | category_code | tender_value | currency | tender_date          |
        | tender | ocds-bdd-0701 | B-017    | Southport Port Authority | limited           | 30            | 52000        | EUR      | 2025-02-03T09:00:00Z |
        | tender | ocds-bdd-0702 | B-017    | Southport Port Authority | direct            | 30            | 48000        | EUR      | 2025-02-12T09:00:00Z |
      When a "tender" event is evaluated with:
        | ocid               | ocds-bdd-0703            |
        | buyer_id           | B-017                    |
        | buyer_name         | Southport Port Authority |
        | procurement_method | direct                   |
        | category_code      | 30                       |
        | tender_value       | 51000                    |
        | currency           | EUR                      |
        | tender_date        | 2025-02-24T09:00:00Z     |
      Then the flag "PP07" fires
      And the explanation of "PP07" mentions "launched 3 non-open tenders for CPV division 30 within 30 days"

    Scenario: Three small purchases that stay under the threshold together
      Given these earlier events:
        | kind   | ocid          | buyer_id | procurement_method | category_code | tender_value | tender_date          |
        | tender | ocds-bdd-0704 | B-018    | direct             | 30            | 50000        | 2025-02-03T09:00:00Z |
        | tender | ocds-bdd-0705 | B-018    | direct             | 30            | 45000        | 2025-02-12T09:00:00Z |
      When a "tender" event is evaluated with:
        | ocid               | ocds-bdd-0706        |
        | buyer_id           | B-018                |
        | procurement_method | direct               |
        | category_code      | 30                   |
        | tender_value       | 47999                |
        | tender_date        | 2025-02-24T09:00:00Z |
      Then the flag "PP07" does not fire

    Scenario: The first purchase is more than 30 days old
      Given these earlier events:
        | kind   | ocid          | buyer_id | procurement_method | category_code | tender_value | tender_date          |
        | tender | ocds-bdd-0707 | B-019    | direct             | 30            | 52000        | 2025-01-20T09:00:00Z |
        | tender | ocds-bdd-0708 | B-019    | direct             | 30            | 48000        | 2025-02-12T09:00:00Z |
      When a "tender" event is evaluated with:
        | ocid               | ocds-bdd-0709        |
        | buyer_id           | B-019                |
        | procurement_method | direct               |
        | category_code      | 30                   |
        | tender_value       | 51000                |
        | tender_date        | 2025-02-24T09:00:00Z |
      Then the flag "PP07" does not fire

  Rule: PP08 bidding documents must be out when the tender period opens

    Scenario: Bidding documents published two weeks into the period
      When a "tender" event is evaluated with:
        | ocid                   | ocds-bdd-0801                  |
        | buyer_name             | Greenfield University Hospital |
        | procurement_method     | open                           |
        | tender_date            | 2025-07-01T09:00:00Z           |
        | tender_start           | 2025-07-01T09:00:00Z           |
        | tender_end             | 2025-08-05T12:00:00Z           |
        | documents_listed       | true                           |
        | bidding_documents_date | 2025-07-15T09:00:00Z           |
      Then the flag "PP08" fires

    Scenario: Bidding documents published the moment the period opens
      When a "tender" event is evaluated with:
        | ocid                   | ocds-bdd-0802        |
        | procurement_method     | open                 |
        | tender_date            | 2025-07-01T09:00:00Z |
        | tender_start           | 2025-07-01T09:00:00Z |
        | documents_listed       | true                 |
        | bidding_documents_date | 2025-07-01T09:00:00Z |
      Then the flag "PP08" does not fire

  Rule: PP09 a participation fee above 0.5% of the estimate is unreasonable

    Scenario: A 5,000 EUR fee on a 400,000 EUR road contract
      When a "tender" event is evaluated with:
        | ocid               | ocds-bdd-0901        |
        | procurement_method | open                 |
        | tender_value       | 400000               |
        | participation_fee  | 5000                 |
        | currency           | EUR                  |
        | tender_date        | 2025-03-10T09:00:00Z |
      Then the flag "PP09" fires
      And the explanation of "PP09" mentions "1.25%"

    Scenario: A fee of exactly 0.5% is at the limit
      When a "tender" event is evaluated with:
        | ocid               | ocds-bdd-0902        |
        | procurement_method | open                 |
        | tender_value       | 400000               |
        | participation_fee  | 2000                 |
        | tender_date        | 2025-03-10T09:00:00Z |
      Then the flag "PP09" does not fire

  Rule: PP10 an award on criteria other than price is reviewed (contested, weighted low)

    Scenario: Best proposal, as in OCP's fictional example
      When a "tender" event is evaluated with:
        | ocid               | ocds-bdd-1001        |
        | procurement_method | open                 |
        | award_criteria     | bestProposal         |
        | tender_date        | 2025-04-14T09:00:00Z |
      Then the flag "PP10" fires

    Scenario: Lowest price decides
      When a "tender" event is evaluated with:
        | ocid               | ocds-bdd-1002        |
        | procurement_method | open                 |
        | award_criteria     | priceOnly            |
        | tender_date        | 2025-04-14T09:00:00Z |
      Then the flag "PP10" does not fire

  Rule: PP11 an amendment after half of the submission period is late

    Scenario: Requirements changed five days before the deadline
      When a "tender" event is evaluated with:
        | ocid                  | ocds-bdd-1101        |
        | procurement_method    | open                 |
        | tender_date           | 2025-05-02T09:00:00Z |
        | tender_start          | 2025-05-02T09:00:00Z |
        | tender_end            | 2025-06-06T12:00:00Z |
        | tender_amendments     | 2                    |
        | last_tender_amendment | 2025-06-01T16:00:00Z |
      Then the flag "PP11" fires

    Scenario: An amendment exactly halfway through the period
      When a "tender" event is evaluated with:
        | ocid                  | ocds-bdd-1102        |
        | procurement_method    | open                 |
        | tender_date           | 2025-05-01T00:00:00Z |
        | tender_start          | 2025-05-01T00:00:00Z |
        | tender_end            | 2025-05-31T00:00:00Z |
        | tender_amendments     | 1                    |
        | last_tender_amendment | 2025-05-16T00:00:00Z |
      Then the flag "PP11" does not fire

  Rule: PP12 bidders' questions must be answered

    Scenario: One of two questions never answered
      When a "tender" event is evaluated with:
        | ocid               | ocds-bdd-1201                                                                                                  |
        | procurement_method | open                                                                                                           |
        | tender_date        | 2025-03-03T09:00:00Z                                                                                           |
        | enquiries          | [{"asked_on": "2025-03-10T10:00:00Z", "answered_on": "2025-03-12T10:00:00Z"}, {"asked_on": "2025-03-20T10:00:00Z"}] |
      Then the flag "PP12" fires

    Scenario: Every question answered
      When a "tender" event is evaluated with:
        | ocid               | ocds-bdd-1202                                                                 |
        | procurement_method | open                                                                          |
        | tender_date        | 2025-03-03T09:00:00Z                                                          |
        | enquiries          | [{"asked_on": "2025-03-10T10:00:00Z", "answered_on": "2025-03-12T10:00:00Z"}] |
      Then the flag "PP12" does not fire
