@procurement
Feature: Awards: prices against the estimate, timing, suppliers and concentration
  The award event is one active award of a process, with its supplier and the tender estimate.
  Some flags look back over the buyer's and the supplier's awards of the last 365 days.

  Background:
    Given the "procurement" ruleset

  Rule: PP20 a winning price at 98% or more of the estimate (and up to 120%) is suspiciously close

    Scenario: The winner priced at 99.6% of a confidential estimate
      When a "award" event is evaluated with:
        | ocid          | ocds-bdd-2001        |
        | award_id      | A-1                  |
        | supplier_id   | S-2001               |
        | supplier_name | Apex Supplies Ltd    |
        | award_value   | 996000               |
        | tender_value  | 1000000              |
        | currency      | EUR                  |
        | award_date    | 2025-05-02T10:00:00Z |
      Then the flag "PP20" fires

    Scenario: At 98% exactly
      When a "award" event is evaluated with:
        | ocid         | ocds-bdd-2002        |
        | award_value  | 980000               |
        | tender_value | 1000000              |
        | award_date   | 2025-05-02T10:00:00Z |
      Then the flag "PP20" fires

    Scenario: At 97.9% the price is not close enough to tell
      When a "award" event is evaluated with:
        | ocid         | ocds-bdd-2003        |
        | award_value  | 979000               |
        | tender_value | 1000000              |
        | award_date   | 2025-05-02T10:00:00Z |
      Then the flag "PP20" does not fire

  Rule: PP21 an award more than 1.2 times the estimate is far above it

    Scenario: Ten times the estimate, as in OCP's fictional cycle lanes
      When a "award" event is evaluated with:
        | ocid          | ocds-213czf-000-00001   |
        | award_id      | A-1                     |
        | supplier_id   | GB-COH-11111111         |
        | supplier_name | AnyCorp Cycle Provision |
        | award_value   | 11000000                |
        | tender_value  | 1100000                 |
        | currency      | GBP                     |
        | award_date    | 2010-05-10T10:30:00Z    |
      Then the flag "PP21" fires
      And the explanation of "PP21" mentions "10.0 times the tender estimate of 1,100,000"

    Scenario: Exactly 1.2 times the estimate
      When a "award" event is evaluated with:
        | ocid         | ocds-bdd-2102        |
        | award_value  | 1200000              |
        | tender_value | 1000000              |
        | award_date   | 2025-05-02T10:00:00Z |
      Then the flag "PP21" does not fire

  Rule: PP22 an award within 5 days or after 120 days of the deadline is out of band

    Scenario: Awarded the morning after the deadline
      When a "award" event is evaluated with:
        | ocid        | ocds-bdd-2201        |
        | award_value | 300000               |
        | tender_end  | 2025-03-14T12:00:00Z |
        | award_date  | 2025-03-15T09:00:00Z |
      Then the flag "PP22" fires

    Scenario: Five days exactly
      When a "award" event is evaluated with:
        | ocid        | ocds-bdd-2202        |
        | tender_end  | 2025-03-14T12:00:00Z |
        | award_date  | 2025-03-19T12:00:00Z |
      Then the flag "PP22" does not fire

    Scenario: Half a year of evaluation
      When a "award" event is evaluated with:
        | ocid        | ocds-bdd-2203        |
        | tender_end  | 2025-03-14T12:00:00Z |
        | award_date  | 2025-09-20T12:00:00Z |
      Then the flag "PP22" fires

    Scenario: 120 days exactly
      When a "award" event is evaluated with:
        | ocid        | ocds-bdd-2204        |
        | tender_end  | 2025-03-14T12:00:00Z |
        | award_date  | 2025-07-12T12:00:00Z |
      Then the flag "PP22" does not fire

  Rule: PP25 a debarred or sanctioned supplier raises the band to critical

    Scenario: An award to a firm on the World Bank list
      When a "award" event is evaluated with:
        | ocid             | ocds-bdd-2501                          |
        | supplier_id      | S-2501                                 |
        | supplier_name    | Orion Trading FZE                      |
        | supplier_debarred | true                                  |
        | debarment_source | World Bank listing of ineligible firms |
        | award_value      | 640000                                 |
        | currency         | EUR                                    |
        | award_date       | 2025-06-30T10:00:00Z                   |
      Then the flag "PP25" fires
      And the band is "critical"

    Scenario: A screened supplier that is not listed
      When a "award" event is evaluated with:
        | ocid              | ocds-bdd-2502        |
        | supplier_id       | S-2502               |
        | supplier_debarred | false                |
        | award_date        | 2025-06-30T10:00:00Z |
      Then the flag "PP25" does not fire

  Rule: PP26 a foreign supplier from a secrecy jurisdiction

    Scenario: A British Virgin Islands company wins a British contract
      When a "award" event is evaluated with:
        | ocid             | ocds-bdd-2601            |
        | buyer_country    | GB                       |
        | supplier_id      | S-2601                   |
        | supplier_name    | Blue Lagoon Holdings Ltd |
        | supplier_country | VG                       |
        | award_value      | 720000                   |
        | currency         | GBP                      |
        | award_date       | 2025-03-28T10:00:00Z     |
      Then the flag "PP26" fires

    Scenario: A domestic supplier of a Cayman Islands buyer
      When a "award" event is evaluated with:
        | ocid             | ocds-bdd-2602        |
        | buyer_country    | KY                   |
        | supplier_id      | S-2602               |
        | supplier_country | KY                   |
        | award_date       | 2025-03-28T10:00:00Z |
      Then the flag "PP26" does not fire

  Rule: PP27 a company founded less than 365 days before the award

    Scenario: Founded four months before winning 1.25 million
      When a "award" event is evaluated with:
        | ocid             | ocds-bdd-2701           |
        | supplier_id      | S-2701                  |
        | supplier_name    | Swiftbuild Projects Ltd |
        | supplier_founded | 2025-01-15              |
        | award_value      | 1250000                 |
        | currency         | EUR                     |
        | award_date       | 2025-05-20T10:00:00Z    |
      Then the flag "PP27" fires

    Scenario: Founded exactly a year before
      When a "award" event is evaluated with:
        | ocid             | ocds-bdd-2702        |
        | supplier_id      | S-2702               |
        | supplier_founded | 2024-05-20           |
        | award_date       | 2025-05-20T00:00:00Z |
      Then the flag "PP27" does not fire

  Rule: PP31 a supplier taking more than half of a buyer's awarded value over a year

    Scenario: A fifth award makes one supplier the buyer's main contractor
      Given these earlier events:
        | kind  | ocid          | award_id | buyer_id | supplier_id | award_value | currency | award_date           |
        | award | ocds-bdd-3101 | A-1      | B-038    | S-3101      | 300000      | EUR      | 2025-01-10T10:00:00Z |
        | award | ocds-bdd-3102 | A-1      | B-038    | S-3102      | 100000      | EUR      | 2025-02-10T10:00:00Z |
        | award | ocds-bdd-3103 | A-1      | B-038    | S-3101      | 250000      | EUR      | 2025-03-10T10:00:00Z |
        | award | ocds-bdd-3104 | A-1      | B-038    | S-3103      | 80000       | EUR      | 2025-04-10T10:00:00Z |
      When a "award" event is evaluated with:
        | ocid        | ocds-bdd-3105        |
        | award_id    | A-1                  |
        | buyer_id    | B-038                |
        | supplier_id | S-3101               |
        | award_value | 200000               |
        | currency    | EUR                  |
        | award_date  | 2025-05-10T10:00:00Z |
      Then the flag "PP31" fires
      And the explanation of "PP31" mentions "S-3101 won 3 awards worth 750,000 of the 930,000 EUR"

    Scenario: Exactly half is not more than half
      Given these earlier events:
        | kind  | ocid          | award_id | buyer_id | supplier_id | award_value | award_date           |
        | award | ocds-bdd-3106 | A-1      | B-039    | S-3101      | 300000      | 2025-01-10T10:00:00Z |
        | award | ocds-bdd-3107 | A-1      | B-039    | S-3102      | 200000      | 2025-02-10T10:00:00Z |
        | award | ocds-bdd-3108 | A-1      | B-039    | S-3103      | 200000      | 2025-03-10T10:00:00Z |
        | award | ocds-bdd-3109 | A-1      | B-039    | S-3104      | 100000      | 2025-04-10T10:00:00Z |
      When a "award" event is evaluated with:
        | ocid        | ocds-bdd-3110        |
        | award_id    | A-1                  |
        | buyer_id    | B-039                |
        | supplier_id | S-3101               |
        | award_value | 200000               |
        | award_date  | 2025-05-10T10:00:00Z |
      Then the flag "PP31" does not fire

    Scenario: One large contract among small ones is not capture
      Given these earlier events:
        | kind  | ocid          | award_id | buyer_id | supplier_id | award_value | award_date           |
        | award | ocds-bdd-3111 | A-1      | B-040    | S-3102      | 100000      | 2025-01-10T10:00:00Z |
        | award | ocds-bdd-3112 | A-1      | B-040    | S-3103      | 100000      | 2025-02-10T10:00:00Z |
        | award | ocds-bdd-3113 | A-1      | B-040    | S-3104      | 100000      | 2025-03-10T10:00:00Z |
        | award | ocds-bdd-3114 | A-1      | B-040    | S-3105      | 100000      | 2025-04-10T10:00:00Z |
      When a "award" event is evaluated with:
        | ocid        | ocds-bdd-3115        |
        | award_id    | A-1                  |
        | buyer_id    | B-040                |
        | supplier_id | S-3101               |
        | award_value | 3000000              |
        | award_date  | 2025-05-10T10:00:00Z |
      Then the flag "PP31" does not fire

  Rule: PP32 a supplier earning more than 80% of its awards from one buyer

    Scenario: Five awards in a year, all from the same buyer
      Given these earlier events:
        | kind  | ocid          | award_id | buyer_id | supplier_id | award_value | award_date           |
        | award | ocds-bdd-3201 | A-1      | B-041    | S-3201      | 90000       | 2025-01-08T10:00:00Z |
        | award | ocds-bdd-3202 | A-1      | B-041    | S-3201      | 120000      | 2025-02-08T10:00:00Z |
        | award | ocds-bdd-3203 | A-1      | B-041    | S-3201      | 75000       | 2025-03-08T10:00:00Z |
        | award | ocds-bdd-3204 | A-1      | B-041    | S-3201      | 110000      | 2025-04-08T10:00:00Z |
      When a "award" event is evaluated with:
        | ocid        | ocds-bdd-3205        |
        | award_id    | A-1                  |
        | buyer_id    | B-041                |
        | supplier_id | S-3201               |
        | award_value | 95000                |
        | currency    | EUR                  |
        | award_date  | 2025-05-08T10:00:00Z |
      Then the flag "PP32" fires

    Scenario: Exactly 80% from one buyer
      Given these earlier events:
        | kind  | ocid          | award_id | buyer_id | supplier_id | award_value | award_date           |
        | award | ocds-bdd-3206 | A-1      | B-042    | S-3202      | 100000      | 2025-01-08T10:00:00Z |
        | award | ocds-bdd-3207 | A-1      | B-042    | S-3202      | 100000      | 2025-02-08T10:00:00Z |
        | award | ocds-bdd-3208 | A-1      | B-042    | S-3202      | 100000      | 2025-03-08T10:00:00Z |
        | award | ocds-bdd-3209 | A-1      | B-043    | S-3202      | 100000      | 2025-04-08T10:00:00Z |
      When a "award" event is evaluated with:
        | ocid        | ocds-bdd-3210        |
        | award_id    | A-1                  |
        | buyer_id    | B-042                |
        | supplier_id | S-3202               |
        | award_value | 100000               |
        | award_date  | 2025-05-08T10:00:00Z |
      Then the flag "PP32" does not fire

  Rule: PP34 repeated direct awards to one supplier adding up to the competitive threshold

    Scenario: Two direct awards to one printer within four months
      Given these earlier events:
        | kind  | ocid          | award_id | buyer_id | supplier_id | procurement_method | award_value | currency | award_date           |
        | award | ocds-bdd-3401 | A-1      | B-044    | S-3401      | direct             | 70000       | EUR      | 2025-02-01T10:00:00Z |
      When a "award" event is evaluated with:
        | ocid               | ocds-bdd-3402        |
        | award_id           | A-1                  |
        | buyer_id           | B-044                |
        | supplier_id        | S-3401               |
        | procurement_method | direct               |
        | award_value        | 85000                |
        | currency           | EUR                  |
        | award_date         | 2025-06-01T10:00:00Z |
      Then the flag "PP34" fires

    Scenario: Together they stay under the threshold
      Given these earlier events:
        | kind  | ocid          | award_id | buyer_id | supplier_id | procurement_method | award_value | award_date           |
        | award | ocds-bdd-3403 | A-1      | B-045    | S-3402      | direct             | 70000       | 2025-02-01T10:00:00Z |
      When a "award" event is evaluated with:
        | ocid               | ocds-bdd-3404        |
        | award_id           | A-1                  |
        | buyer_id           | B-045                |
        | supplier_id        | S-3402               |
        | procurement_method | direct               |
        | award_value        | 72999                |
        | award_date         | 2025-06-01T10:00:00Z |
      Then the flag "PP34" does not fire
