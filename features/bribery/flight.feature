@bribery
Feature: Flight of people under investigation
  Prosecutors pursue suspects who flee and confiscate the proceeds they leave behind or move away
  (SPP work report, March 2024). A person under investigation who moves more than half of the known
  assets abroad within 90 days, or leaves the country without authorisation, is a hard rule: the
  assessment is critical whatever else is known.

  Background:
    Given the "bribery" ruleset

  Rule: BRI-15 moving most assets abroad or leaving without authorisation while under investigation

    Scenario: An official under investigation moves 57.5% of the known assets abroad in six weeks
      Given these earlier events:
        | kind        | subject_id | subject_name | under_investigation | event_type      | amount  | destination_country | known_assets | occurred_on |
        | asset_event | SUB-9001   | F. Zhang     | true                | transfer_abroad | 1200000 | AU                  | 4000000      | 2025-05-02  |
      When an "asset_event" event is evaluated with:
        | subject_id          | SUB-9001        |
        | subject_name        | F. Zhang        |
        | under_investigation | true            |
        | event_type          | transfer_abroad |
        | amount              | 1100000         |
        | destination_country | CA              |
        | known_assets        | 4000000         |
        | occurred_on         | 2025-06-18      |
      Then the flag "BRI-15" fires
      And the explanation of "BRI-15" mentions "2,300,000 of 4,000,000 in known assets were moved abroad in 90 days"
      And the score is 35
      And the band is "critical"

    Scenario: Exactly half of the known assets moved abroad is at the limit and not flagged
      Given these earlier events:
        | kind        | subject_id | under_investigation | event_type      | amount  | known_assets | occurred_on |
        | asset_event | SUB-9001   | true                | transfer_abroad | 1200000 | 4000000      | 2025-05-02  |
      When an "asset_event" event is evaluated with:
        | subject_id          | SUB-9001        |
        | under_investigation | true            |
        | event_type          | transfer_abroad |
        | amount              | 800000          |
        | destination_country | CA              |
        | known_assets        | 4000000         |
        | occurred_on         | 2025-06-18      |
      Then the flag "BRI-15" does not fire

    Scenario: A transfer 91 days earlier is outside the 90-day window
      Given these earlier events:
        | kind        | subject_id | under_investigation | event_type      | amount  | known_assets | occurred_on |
        | asset_event | SUB-9001   | true                | transfer_abroad | 1200000 | 4000000      | 2025-03-19  |
      When an "asset_event" event is evaluated with:
        | subject_id          | SUB-9001        |
        | under_investigation | true            |
        | event_type          | transfer_abroad |
        | amount              | 1100000         |
        | destination_country | CA              |
        | known_assets        | 4000000         |
        | occurred_on         | 2025-06-18      |
      Then the flag "BRI-15" does not fire

    Scenario: An executive under investigation leaves the country without authorisation
      When an "asset_event" event is evaluated with:
        | subject_id          | SUB-9002   |
        | subject_name        | M. Garcia  |
        | under_investigation | true       |
        | event_type          | departure  |
        | destination_country | AE         |
        | known_assets        | 2500000    |
        | exit_authorised     | false      |
        | occurred_on         | 2025-03-30 |
      Then the flag "BRI-15" fires
      And the band is "critical"

    Scenario: An authorised trip abroad is not flight
      When an "asset_event" event is evaluated with:
        | subject_id          | SUB-9002   |
        | under_investigation | true       |
        | event_type          | departure  |
        | destination_country | FR         |
        | known_assets        | 2500000    |
        | exit_authorised     | true       |
        | occurred_on         | 2025-01-14 |
      Then the flag "BRI-15" does not fire
      And no flag fires

    Scenario: A person not under investigation may move assets abroad
      When an "asset_event" event is evaluated with:
        | subject_id          | SUB-0001        |
        | under_investigation | false           |
        | event_type          | transfer_abroad |
        | amount              | 3000000         |
        | destination_country | SG              |
        | known_assets        | 4000000         |
        | occurred_on         | 2025-06-18      |
      Then the flag "BRI-15" does not fire
