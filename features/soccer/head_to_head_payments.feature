@soccer
Feature: Club-to-club payments around a head-to-head match
  Li Tie paid other clubs CNY 39.05m (2015-19) to "cooperate or play passively" for favourable
  results. Money between two clubs that is not a registered transfer or loan instalment, within 30
  days of a match between them, is reviewed: on the payment when the match came first, on the match
  report when the payment came first.

  Background:
    Given the "soccer" ruleset

  Rule: SOC-36 an undocumented payment between two clubs soon after their match is reviewed

    Scenario: A club pays its opponent a "consultancy" fee 12 days after their match
      Given these earlier events:
        | kind  | match_id    | season  | competition_id | league_tier | home_club | away_club | referee_id | decision_anomaly_z | kickoff_at           | reported_at          |
        | match | M-PD1-0170  | 2025/26 | PD1            | 1           | CLB-FAL   | CLB-ELV   | REF-003    | 0.2                | 2025-12-06T18:00:00Z | 2025-12-06T20:30:00Z |
      When a "club_payment" event is evaluated with:
        | payer_club | CLB-ELV     |
        | payee_club | CLB-FAL     |
        | amount     | 400_000     |
        | purpose    | consultancy |
        | paid_on    | 2025-12-18  |
      Then the flag "SOC-36" fires
      And the explanation of "SOC-36" mentions "with no TMS transfer or loan reference, within 30 days of 1 match(es)"

    Scenario: A registered transfer instalment between the same clubs is not flagged
      Given these earlier events:
        | kind  | match_id    | season  | competition_id | league_tier | home_club | away_club | referee_id | decision_anomaly_z | kickoff_at           | reported_at          |
        | match | M-PD1-0171  | 2025/26 | PD1            | 1           | CLB-FAL   | CLB-ELV   | REF-003    | 0.2                | 2025-12-06T18:00:00Z | 2025-12-06T20:30:00Z |
      When a "club_payment" event is evaluated with:
        | payer_club    | CLB-ELV             |
        | payee_club    | CLB-FAL             |
        | amount        | 400_000             |
        | purpose       | transfer_instalment |
        | tms_reference | TR-2025-0101        |
        | paid_on       | 2025-12-18          |
      Then the flag "SOC-36" does not fire
      And no flag fires

    Scenario: A payment 31 days after the match is outside the window
      Given these earlier events:
        | kind  | match_id    | season  | competition_id | league_tier | home_club | away_club | referee_id | decision_anomaly_z | kickoff_at           | reported_at          |
        | match | M-PD1-0172  | 2025/26 | PD1            | 1           | CLB-FAL   | CLB-ELV   | REF-003    | 0.2                | 2025-12-06T18:00:00Z | 2025-12-06T20:30:00Z |
      When a "club_payment" event is evaluated with:
        | payer_club | CLB-ELV     |
        | payee_club | CLB-FAL     |
        | amount     | 400_000     |
        | purpose    | consultancy |
        | paid_on    | 2026-01-07  |
      Then the flag "SOC-36" does not fire

    Scenario: A payment between clubs that did not meet is not flagged
      Given these earlier events:
        | kind  | match_id    | season  | competition_id | league_tier | home_club | away_club | referee_id | decision_anomaly_z | kickoff_at           | reported_at          |
        | match | M-PD1-0173  | 2025/26 | PD1            | 1           | CLB-FAL   | CLB-ELV   | REF-003    | 0.2                | 2025-12-06T18:00:00Z | 2025-12-06T20:30:00Z |
      When a "club_payment" event is evaluated with:
        | payer_club | CLB-ELV            |
        | payee_club | CLB-D3-03          |
        | amount     | 40_000             |
        | purpose    | friendly_match_fee |
        | paid_on    | 2025-12-18         |
      Then the flag "SOC-36" does not fire

  Rule: SOC-48 a match between two clubs is reviewed when an undocumented payment between them preceded it

    Scenario: A club received 400,000 from its opponent 16 days before their match
      Given these earlier events:
        | kind         | payer_club | payee_club | amount  | purpose     | paid_on    |
        | club_payment | CLB-ELV    | CLB-FAL    | 400_000 | consultancy | 2025-11-20 |
      When a "match" event is evaluated with:
        | match_id           | M-PD1-0174           |
        | season             | 2025/26              |
        | competition_id     | PD1                  |
        | league_tier        | 1                    |
        | home_club          | CLB-FAL              |
        | away_club          | CLB-ELV              |
        | referee_id         | REF-003              |
        | decision_anomaly_z | 0.2                  |
        | kickoff_at         | 2025-12-06T18:00:00Z |
        | reported_at        | 2025-12-06T20:30:00Z |
      Then the flag "SOC-48" fires
      And the explanation of "SOC-48" mentions "was preceded by 1 payment(s) between the two clubs"

    Scenario: A payment 31 days before the match is outside the window
      Given these earlier events:
        | kind         | payer_club | payee_club | amount  | purpose     | paid_on    |
        | club_payment | CLB-ELV    | CLB-FAL    | 400_000 | consultancy | 2025-11-05 |
      When a "match" event is evaluated with:
        | match_id           | M-PD1-0175           |
        | season             | 2025/26              |
        | competition_id     | PD1                  |
        | league_tier        | 1                    |
        | home_club          | CLB-FAL              |
        | away_club          | CLB-ELV              |
        | referee_id         | REF-003              |
        | decision_anomaly_z | 0.2                  |
        | kickoff_at         | 2025-12-06T18:00:00Z |
        | reported_at        | 2025-12-06T20:30:00Z |
      Then the flag "SOC-48" does not fire
      And no flag fires

    Scenario: A registered transfer instalment before the match is not flagged
      Given these earlier events:
        | kind         | payer_club | payee_club | amount  | purpose             | tms_reference | paid_on    |
        | club_payment | CLB-ELV    | CLB-FAL    | 400_000 | transfer_instalment | TR-2025-0222  | 2025-11-20 |
      When a "match" event is evaluated with:
        | match_id           | M-PD1-0176           |
        | season             | 2025/26              |
        | competition_id     | PD1                  |
        | league_tier        | 1                    |
        | home_club          | CLB-FAL              |
        | away_club          | CLB-ELV              |
        | referee_id         | REF-003              |
        | decision_anomaly_z | 0.2                  |
        | kickoff_at         | 2025-12-06T18:00:00Z |
        | reported_at        | 2025-12-06T20:30:00Z |
      Then the flag "SOC-48" does not fire
