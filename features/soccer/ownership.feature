@soccer
Feature: Club ownership
  Ownership of clubs is one of the FATF's football money-laundering channels: layered or offshore
  holdings, owners nobody can identify, "sugar daddy" money without a known source. Politically
  exposed or state-linked owners call for enhanced due diligence; sanctioned or convicted owners are a
  hard rule that forces the critical band. UEFA CLFSR art. 5 forbids one person to control two clubs
  in the same competition.

  Background:
    Given the "soccer" ruleset

  Rule: SOC-20 a club's ultimate owner is known, close and onshore

    Scenario: A club is taken over through four holding layers in the British Virgin Islands
      When a "club_ownership" event is evaluated with:
        | club_id               | CLB-CAS    |
        | competition_id        | PD1        |
        | season                | 2025/26    |
        | controller_id         | HOLD-ORION |
        | ubo_identified        | false      |
        | ownership_layers      | 4          |
        | holding_country       | VG         |
        | owner_is_pep          | false      |
        | owner_state_linked    | false      |
        | sanctions_hit         | false      |
        | corruption_conviction | false      |
        | capital_injection     | 0          |
        | club_revenue          | 35_000_000 |
        | recorded_on           | 2025-07-15 |
      Then the flag "SOC-20" fires
      And the explanation of "SOC-20" mentions "ultimate beneficial owner identified: false"

    Scenario: Three holding layers are enough to call ownership opaque
      When a "club_ownership" event is evaluated with:
        | club_id               | CLB-D3-04    |
        | competition_id        | D3           |
        | season                | 2025/26      |
        | controller_id         | HOLD-NEW-02  |
        | ubo_identified        | true         |
        | ownership_layers      | 3            |
        | holding_country       | NL           |
        | owner_is_pep          | false        |
        | owner_state_linked    | false        |
        | sanctions_hit         | false        |
        | corruption_conviction | false        |
        | capital_injection     | 0            |
        | club_revenue          | 4_000_000    |
        | recorded_on           | 2025-09-18   |
      Then the flag "SOC-20" fires

    Scenario: An identified owner with two holding layers in Luxembourg is not flagged
      When a "club_ownership" event is evaluated with:
        | club_id               | CLB-KEL    |
        | competition_id        | PD1        |
        | season                | 2025/26    |
        | controller_id         | HOLD-KEL   |
        | ubo_identified        | true       |
        | ownership_layers      | 2          |
        | holding_country       | LU         |
        | owner_is_pep          | false      |
        | owner_state_linked    | false      |
        | sanctions_hit         | false      |
        | corruption_conviction | false      |
        | capital_injection     | 0          |
        | club_revenue          | 45_000_000 |
        | recorded_on           | 2025-07-15 |
      Then the flag "SOC-20" does not fire
      And no flag fires

  Rule: SOC-41 a capital injection above a quarter of revenue comes with source-of-funds documents

    Scenario: An owner injects 45% of the club's revenue without saying where the money comes from
      When a "club_ownership" event is evaluated with:
        | club_id                    | CLB-DOU    |
        | competition_id             | PD1        |
        | season                     | 2025/26    |
        | controller_id              | HOLD-DOU   |
        | ubo_identified             | true       |
        | ownership_layers           | 1          |
        | holding_country            | PT         |
        | owner_is_pep               | false      |
        | owner_state_linked         | false      |
        | sanctions_hit              | false      |
        | corruption_conviction      | false      |
        | capital_injection          | 18_000_000 |
        | club_revenue               | 40_000_000 |
        | source_of_funds_documented | false      |
        | recorded_on                | 2025-11-03 |
      Then the flag "SOC-41" fires
      And the explanation of "SOC-41" mentions "without documents on the source of funds"

    Scenario: An injection of exactly a quarter of revenue is below the threshold
      When a "club_ownership" event is evaluated with:
        | club_id                    | CLB-DOU    |
        | competition_id             | PD1        |
        | season                     | 2025/26    |
        | controller_id              | HOLD-DOU   |
        | ubo_identified             | true       |
        | ownership_layers           | 1          |
        | holding_country            | PT         |
        | owner_is_pep               | false      |
        | owner_state_linked         | false      |
        | sanctions_hit              | false      |
        | corruption_conviction      | false      |
        | capital_injection          | 10_000_000 |
        | club_revenue               | 40_000_000 |
        | source_of_funds_documented | false      |
        | recorded_on                | 2025-11-03 |
      Then the flag "SOC-41" does not fire
      And no flag fires

    Scenario: A large injection with documented source of funds is not flagged
      When a "club_ownership" event is evaluated with:
        | club_id                    | CLB-DOU    |
        | competition_id             | PD1        |
        | season                     | 2025/26    |
        | controller_id              | HOLD-DOU   |
        | ubo_identified             | true       |
        | ownership_layers           | 1          |
        | holding_country            | PT         |
        | owner_is_pep               | false      |
        | owner_state_linked         | false      |
        | sanctions_hit              | false      |
        | corruption_conviction      | false      |
        | capital_injection          | 18_000_000 |
        | club_revenue               | 40_000_000 |
        | source_of_funds_documented | true       |
        | recorded_on                | 2025-11-03 |
      Then the flag "SOC-41" does not fire

  Rule: SOC-21 a politically exposed or state-linked owner triggers enhanced due diligence

    Scenario: A club is bought by a politically exposed person
      When a "club_ownership" event is evaluated with:
        | club_id               | CLB-ELV    |
        | competition_id        | PD1        |
        | season                | 2025/26    |
        | controller_id         | HOLD-ELV   |
        | ubo_identified        | true       |
        | ownership_layers      | 1          |
        | holding_country       | PT         |
        | owner_is_pep          | true       |
        | owner_state_linked    | false      |
        | sanctions_hit         | false      |
        | corruption_conviction | false      |
        | capital_injection     | 0          |
        | club_revenue          | 52_000_000 |
        | recorded_on           | 2025-07-15 |
      Then the flag "SOC-21" fires
      And the explanation of "SOC-21" mentions "enhanced due diligence, not a breach"
      And the band is "low"

    Scenario: A club owned by a state-linked company is flagged for due diligence
      When a "club_ownership" event is evaluated with:
        | club_id               | CLB-FAL    |
        | competition_id        | PD1        |
        | season                | 2025/26    |
        | controller_id         | HOLD-FAL   |
        | ubo_identified        | true       |
        | ownership_layers      | 1          |
        | holding_country       | PT         |
        | owner_is_pep          | false      |
        | owner_state_linked    | true       |
        | sanctions_hit         | false      |
        | corruption_conviction | false      |
        | capital_injection     | 0          |
        | club_revenue          | 28_000_000 |
        | recorded_on           | 2025-07-15 |
      Then the flag "SOC-21" fires

    Scenario: A private owner who is neither exposed nor state-linked is not flagged
      When a "club_ownership" event is evaluated with:
        | club_id               | CLB-FAL    |
        | competition_id        | PD1        |
        | season                | 2025/26    |
        | controller_id         | HOLD-FAL   |
        | ubo_identified        | true       |
        | ownership_layers      | 1          |
        | holding_country       | PT         |
        | owner_is_pep          | false      |
        | owner_state_linked    | false      |
        | sanctions_hit         | false      |
        | corruption_conviction | false      |
        | capital_injection     | 0          |
        | club_revenue          | 28_000_000 |
        | recorded_on           | 2025-07-15 |
      Then the flag "SOC-21" does not fire
      And no flag fires

  Rule: SOC-22 no sanctioned or corruption-convicted person controls a club

    Scenario: The new controller matches a sanctions list
      When a "club_ownership" event is evaluated with:
        | club_id               | CLB-MAR     |
        | competition_id        | PD1         |
        | season                | 2025/26     |
        | controller_id         | HOLD-NEW-10 |
        | ubo_identified        | true        |
        | ownership_layers      | 1           |
        | holding_country       | PT          |
        | owner_is_pep          | false       |
        | owner_state_linked    | false       |
        | sanctions_hit         | true        |
        | corruption_conviction | false       |
        | capital_injection     | 0           |
        | club_revenue          | 26_000_000  |
        | recorded_on           | 2025-12-03  |
      Then the flag "SOC-22" fires
      And the band is "critical"

    Scenario: A controller convicted of corruption is flagged
      When a "club_ownership" event is evaluated with:
        | club_id               | CLB-D3-08   |
        | competition_id        | D3          |
        | season                | 2025/26     |
        | controller_id         | HOLD-NEW-11 |
        | ubo_identified        | true        |
        | ownership_layers      | 1           |
        | holding_country       | PT          |
        | owner_is_pep          | false       |
        | owner_state_linked    | false       |
        | sanctions_hit         | false       |
        | corruption_conviction | true        |
        | capital_injection     | 0           |
        | club_revenue          | 3_800_000   |
        | recorded_on           | 2025-12-20  |
      Then the flag "SOC-22" fires

    Scenario: A clean screening result raises nothing
      When a "club_ownership" event is evaluated with:
        | club_id               | CLB-MAR     |
        | competition_id        | PD1         |
        | season                | 2025/26     |
        | controller_id         | HOLD-MAR    |
        | ubo_identified        | true        |
        | ownership_layers      | 1           |
        | holding_country       | PT          |
        | owner_is_pep          | false       |
        | owner_state_linked    | false       |
        | sanctions_hit         | false       |
        | corruption_conviction | false       |
        | capital_injection     | 0           |
        | club_revenue          | 26_000_000  |
        | recorded_on           | 2025-07-15  |
      Then the flag "SOC-22" does not fire
      And the band is "low"

    Scenario: A controller whose screening result is missing cannot be cleared
      When a "club_ownership" event is evaluated with:
        | club_id               | CLB-MAR     |
        | competition_id        | PD1         |
        | season                | 2025/26     |
        | controller_id         | HOLD-NEW-12 |
        | ubo_identified        | true        |
        | ownership_layers      | 1           |
        | holding_country       | PT          |
        | corruption_conviction | false       |
        | capital_injection     | 0           |
        | club_revenue          | 26_000_000  |
        | recorded_on           | 2025-12-20  |
      Then the flag "SOC-22" is not evaluable because "sanctions_hit" is missing

  Rule: SOC-23 one controller does not control two clubs in the same competition

    Scenario: A group that owns one first-tier club takes over a second
      Given these earlier events:
        | kind           | club_id | competition_id | season  | controller_id | ubo_identified | ownership_layers | holding_country | owner_is_pep | owner_state_linked | sanctions_hit | corruption_conviction | capital_injection | club_revenue | recorded_on |
        | club_ownership | CLB-GRN | PD1            | 2025/26 | GRP-HELIOS    | true           | 2                | LU              | false        | false              | false         | false                 | 0                 | 48_000_000   | 2025-07-15  |
      When a "club_ownership" event is evaluated with:
        | club_id               | CLB-HEL    |
        | competition_id        | PD1        |
        | season                | 2025/26    |
        | controller_id         | GRP-HELIOS |
        | ubo_identified        | true       |
        | ownership_layers      | 2          |
        | holding_country       | LU         |
        | owner_is_pep          | false      |
        | owner_state_linked    | false      |
        | sanctions_hit         | false      |
        | corruption_conviction | false      |
        | capital_injection     | 0          |
        | club_revenue          | 31_000_000 |
        | recorded_on           | 2025-10-01 |
      Then the flag "SOC-23" fires
      And the explanation of "SOC-23" mentions "now controls 2 clubs in competition PD1"

    Scenario: The same group owning a first-tier and a third-tier club is allowed
      Given these earlier events:
        | kind           | club_id | competition_id | season  | controller_id | ubo_identified | ownership_layers | holding_country | owner_is_pep | owner_state_linked | sanctions_hit | corruption_conviction | capital_injection | club_revenue | recorded_on |
        | club_ownership | CLB-KEL | PD1            | 2025/26 | HOLD-KEL      | true           | 1                | PT              | false        | false              | false         | false                 | 0                 | 45_000_000   | 2025-07-15  |
      When a "club_ownership" event is evaluated with:
        | club_id               | CLB-D3-07 |
        | competition_id        | D3        |
        | season                | 2025/26   |
        | controller_id         | HOLD-KEL  |
        | ubo_identified        | true      |
        | ownership_layers      | 1         |
        | holding_country       | PT        |
        | owner_is_pep          | false     |
        | owner_state_linked    | false     |
        | sanctions_hit         | false     |
        | corruption_conviction | false     |
        | capital_injection     | 0         |
        | club_revenue          | 3_500_000 |
        | recorded_on           | 2025-07-15 |
      Then the flag "SOC-23" does not fire
      And no flag fires

    Scenario: The annual filing of the same club again is not a second club
      Given these earlier events:
        | kind           | club_id | competition_id | season  | controller_id | ubo_identified | ownership_layers | holding_country | owner_is_pep | owner_state_linked | sanctions_hit | corruption_conviction | capital_injection | club_revenue | recorded_on |
        | club_ownership | CLB-GRN | PD1            | 2025/26 | GRP-HELIOS    | true           | 2                | LU              | false        | false              | false         | false                 | 0                 | 48_000_000   | 2025-07-15  |
      When a "club_ownership" event is evaluated with:
        | club_id               | CLB-GRN    |
        | competition_id        | PD1        |
        | season                | 2025/26    |
        | controller_id         | GRP-HELIOS |
        | ubo_identified        | true       |
        | ownership_layers      | 2          |
        | holding_country       | LU         |
        | owner_is_pep          | false      |
        | owner_state_linked    | false      |
        | sanctions_hit         | false      |
        | corruption_conviction | false      |
        | capital_injection     | 0          |
        | club_revenue          | 48_000_000 |
        | recorded_on           | 2026-01-15 |
      Then the flag "SOC-23" does not fire
