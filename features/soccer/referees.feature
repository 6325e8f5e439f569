@soccer
Feature: Referee appointments and refereeing
  The Chinese "black whistle" cases showed clubs paying referees directly, per match; Tan Hai, former
  head of the CFA's referee department, was convicted in December 2024. Appointments should rotate
  referees across clubs, avoid referees with a regional or financial tie to a club, and not change at
  the last minute; a referee whose decisions stray far from his own baseline in a match the betting
  monitor flagged deserves review.

  Background:
    Given the "soccer" ruleset

  Rule: SOC-33 a referee takes charge of one club at most twice a season

    Scenario: A referee is appointed to a club for the third time this season
      Given these earlier events:
        | kind  | match_id    | season  | competition_id | league_tier | home_club | away_club | referee_id | decision_anomaly_z | kickoff_at           | reported_at          |
        | match | M-PD1-0010  | 2025/26 | PD1            | 1           | CLB-NOR   | CLB-OLI   | REF-014    | 0.3                | 2025-08-16T18:00:00Z | 2025-08-16T20:30:00Z |
        | match | M-PD1-0082  | 2025/26 | PD1            | 1           | CLB-PAR   | CLB-NOR   | REF-014    | -0.4               | 2025-10-04T18:00:00Z | 2025-10-04T20:30:00Z |
      When a "referee_assignment" event is evaluated with:
        | match_id          | M-PD1-0150           |
        | referee_id        | REF-014              |
        | season            | 2025/26              |
        | competition_id    | PD1                  |
        | home_club         | CLB-NOR              |
        | away_club         | CLB-QUI              |
        | referee_region    | NORTE                |
        | home_region       | CENTRO               |
        | away_region       | SUL                  |
        | referee_club_link | false                |
        | reassigned        | false                |
        | kickoff_at        | 2025-11-22T18:00:00Z |
        | assigned_at       | 2025-11-17T10:00:00Z |
      Then the flag "SOC-33" fires
      And the explanation of "SOC-33" mentions "he refereed CLB-NOR 1 times at home and 1 times away"

    Scenario: A second appointment to the same club in a season is normal rotation
      Given these earlier events:
        | kind  | match_id    | season  | competition_id | league_tier | home_club | away_club | referee_id | decision_anomaly_z | kickoff_at           | reported_at          |
        | match | M-PD1-0011  | 2025/26 | PD1            | 1           | CLB-NOR   | CLB-OLI   | REF-015    | 0.3                | 2025-08-16T18:00:00Z | 2025-08-16T20:30:00Z |
      When a "referee_assignment" event is evaluated with:
        | match_id          | M-PD1-0151           |
        | referee_id        | REF-015              |
        | season            | 2025/26              |
        | competition_id    | PD1                  |
        | home_club         | CLB-QUI              |
        | away_club         | CLB-NOR              |
        | referee_region    | NORTE                |
        | home_region       | SUL                  |
        | away_region       | CENTRO               |
        | referee_club_link | false                |
        | reassigned        | false                |
        | kickoff_at        | 2025-11-22T18:00:00Z |
        | assigned_at       | 2025-11-17T10:00:00Z |
      Then the flag "SOC-33" does not fire
      And no flag fires

    Scenario: Matches of the previous season do not count
      Given these earlier events:
        | kind  | match_id    | season  | competition_id | league_tier | home_club | away_club | referee_id | decision_anomaly_z | kickoff_at           | reported_at          |
        | match | M-PD1-9010  | 2024/25 | PD1            | 1           | CLB-NOR   | CLB-OLI   | REF-016    | 0.3                | 2025-04-12T18:00:00Z | 2025-04-12T20:30:00Z |
        | match | M-PD1-0012  | 2025/26 | PD1            | 1           | CLB-PAR   | CLB-NOR   | REF-016    | -0.4               | 2025-10-04T18:00:00Z | 2025-10-04T20:30:00Z |
      When a "referee_assignment" event is evaluated with:
        | match_id          | M-PD1-0152           |
        | referee_id        | REF-016              |
        | season            | 2025/26              |
        | competition_id    | PD1                  |
        | home_club         | CLB-NOR              |
        | away_club         | CLB-QUI              |
        | referee_region    | LISBOA               |
        | home_region       | NORTE                |
        | away_region       | SUL                  |
        | referee_club_link | false                |
        | reassigned        | false                |
        | kickoff_at        | 2025-11-22T18:00:00Z |
        | assigned_at       | 2025-11-17T10:00:00Z |
      Then the flag "SOC-33" does not fire

  Rule: SOC-43 a referee has no regional or financial tie to either club

    Scenario: A referee from the south is appointed to a home match of a southern club
      When a "referee_assignment" event is evaluated with:
        | match_id          | M-PD1-0160           |
        | referee_id        | REF-007              |
        | season            | 2025/26              |
        | competition_id    | PD1                  |
        | home_club         | CLB-RIO              |
        | away_club         | CLB-ARD              |
        | referee_region    | SUL                  |
        | home_region       | SUL                  |
        | away_region       | NORTE                |
        | referee_club_link | false                |
        | reassigned        | false                |
        | kickoff_at        | 2025-11-29T18:00:00Z |
        | assigned_at       | 2025-11-24T10:00:00Z |
      Then the flag "SOC-43" fires
      And the explanation of "SOC-43" mentions "Referee REF-007 (region SUL)"

    Scenario: A referee with a declared financial link to a club is flagged
      When a "referee_assignment" event is evaluated with:
        | match_id          | M-PD1-0161           |
        | referee_id        | REF-008              |
        | season            | 2025/26              |
        | competition_id    | PD1                  |
        | home_club         | CLB-RIO              |
        | away_club         | CLB-ARD              |
        | referee_region    | LISBOA               |
        | home_region       | SUL                  |
        | away_region       | NORTE                |
        | referee_club_link | true                 |
        | reassigned        | false                |
        | kickoff_at        | 2025-11-29T18:00:00Z |
        | assigned_at       | 2025-11-24T10:00:00Z |
      Then the flag "SOC-43" fires

    Scenario: A referee from a third region without links is neutral
      When a "referee_assignment" event is evaluated with:
        | match_id          | M-PD1-0162           |
        | referee_id        | REF-009              |
        | season            | 2025/26              |
        | competition_id    | PD1                  |
        | home_club         | CLB-RIO              |
        | away_club         | CLB-ARD              |
        | referee_region    | LISBOA               |
        | home_region       | SUL                  |
        | away_region       | NORTE                |
        | referee_club_link | false                |
        | reassigned        | false                |
        | kickoff_at        | 2025-11-29T18:00:00Z |
        | assigned_at       | 2025-11-24T10:00:00Z |
      Then the flag "SOC-43" does not fire
      And no flag fires

  Rule: SOC-44 a referee is not swapped in the last 24 hours before kick-off

    Scenario: A match is given to another referee 12 hours before kick-off
      When a "referee_assignment" event is evaluated with:
        | match_id          | M-D3-0240            |
        | referee_id        | REF-031              |
        | season            | 2025/26              |
        | competition_id    | D3                   |
        | home_club         | CLB-D3-04            |
        | away_club         | CLB-D3-12            |
        | referee_region    | CENTRO               |
        | home_region       | NORTE                |
        | away_region       | SUL                  |
        | referee_club_link | false                |
        | reassigned        | true                 |
        | kickoff_at        | 2026-01-17T15:00:00Z |
        | assigned_at       | 2026-01-17T03:00:00Z |
      Then the flag "SOC-44" fires
      And the explanation of "SOC-44" mentions "only 12.0 hours before kick-off"

    Scenario: A reassignment exactly 24 hours before kick-off is not flagged
      When a "referee_assignment" event is evaluated with:
        | match_id          | M-D3-0241            |
        | referee_id        | REF-032              |
        | season            | 2025/26              |
        | competition_id    | D3                   |
        | home_club         | CLB-D3-04            |
        | away_club         | CLB-D3-12            |
        | referee_region    | CENTRO               |
        | home_region       | NORTE                |
        | away_region       | SUL                  |
        | referee_club_link | false                |
        | reassigned        | true                 |
        | kickoff_at        | 2026-01-17T15:00:00Z |
        | assigned_at       | 2026-01-16T15:00:00Z |
      Then the flag "SOC-44" does not fire
      And no flag fires

  Rule: SOC-34 a referee whose decisions stray far from his baseline in a match with betting alerts is reviewed

    Scenario: A referee 3.2 deviations off his baseline in a match whose in-play market left the model
      Given these earlier events:
        | kind           | match_id  | league_tier | market | selection | in_play | implied_prob | books_moved | public_news | model_prob | model_sigma | divergence_minutes | turnover | tier_median_turnover | observed_at          |
        | betting_market | M-D3-0230 | 3           | 1X2    | home      | true    | 0.82         | 5           | false       | 0.55       | 0.05        | 9                  | 70_000   | 40_000               | 2026-01-10T16:00:00Z |
      When a "match" event is evaluated with:
        | match_id           | M-D3-0230            |
        | season             | 2025/26              |
        | competition_id     | D3                   |
        | league_tier        | 3                    |
        | home_club          | CLB-D3-02            |
        | away_club          | CLB-D3-08            |
        | referee_id         | REF-027              |
        | decision_anomaly_z | 3.2                  |
        | kickoff_at         | 2026-01-10T15:00:00Z |
        | reported_at        | 2026-01-10T17:30:00Z |
      Then the flag "SOC-34" fires
      And the explanation of "SOC-34" mentions "3.2 standard deviations from his own baseline"

    Scenario: The same refereeing without any betting alert is left to the referee assessors
      Given these earlier events:
        | kind           | match_id  | league_tier | market | selection | in_play | implied_prob | books_moved | public_news | model_prob | model_sigma | divergence_minutes | turnover | tier_median_turnover | observed_at          |
        | betting_market | M-D3-0231 | 3           | 1X2    | home      | true    | 0.58         | 1           | false       | 0.55       | 0.05        | 1                  | 30_000   | 40_000               | 2026-01-10T16:00:00Z |
      When a "match" event is evaluated with:
        | match_id           | M-D3-0231            |
        | season             | 2025/26              |
        | competition_id     | D3                   |
        | league_tier        | 3                    |
        | home_club          | CLB-D3-03            |
        | away_club          | CLB-D3-09            |
        | referee_id         | REF-028              |
        | decision_anomaly_z | 3.2                  |
        | kickoff_at         | 2026-01-10T15:00:00Z |
        | reported_at        | 2026-01-10T17:30:00Z |
      Then the flag "SOC-34" does not fire
      And no flag fires

    Scenario: Decisions exactly two deviations off the baseline are within the normal range
      Given these earlier events:
        | kind           | match_id  | league_tier | market | selection | in_play | implied_prob | books_moved | public_news | model_prob | model_sigma | divergence_minutes | turnover | tier_median_turnover | observed_at          |
        | betting_market | M-D3-0232 | 3           | 1X2    | home      | false   | 0.50         | 1           | false       |            |             |                    | 300_000  | 40_000               | 2026-01-10T14:00:00Z |
      When a "match" event is evaluated with:
        | match_id           | M-D3-0232            |
        | season             | 2025/26              |
        | competition_id     | D3                   |
        | league_tier        | 3                    |
        | home_club          | CLB-D3-04            |
        | away_club          | CLB-D3-10            |
        | referee_id         | REF-029              |
        | decision_anomaly_z | 2.0                  |
        | kickoff_at         | 2026-01-10T15:00:00Z |
        | reported_at        | 2026-01-10T17:30:00Z |
      Then the flag "SOC-34" does not fire
