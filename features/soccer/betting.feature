@soccer
Feature: Betting-market integrity
  Irregular betting is betting "inconsistent with usual or anticipated patterns of the market"
  (Macolin Convention, art. 3). The monitoring feed raises the alerts Sportradar's Fraud Detection
  System is known for: a large pre-match odds move across bookmakers without news, in-play odds that
  leave the model (Forrest & McHale), turnover far above the tier's normal level, and coordinated
  new accounts. Betting by a competition stakeholder on his own competition is a hard rule.

  Background:
    Given the "soccer" ruleset

  Rule: SOC-28 a large pre-match odds move across several bookmakers without team news is irregular

    Scenario: The away win shortens from 0.30 to 0.44 at six bookmakers overnight with no news
      Given these earlier events:
        | kind           | match_id    | league_tier | market | selection | in_play | implied_prob | books_moved | public_news | turnover | tier_median_turnover | observed_at          |
        | betting_market | M-PD1-0455  | 1           | 1X2    | away      | false   | 0.30         | 0           | false       | 180_000  | 200_000              | 2025-11-08T20:00:00Z |
      When a "betting_market" event is evaluated with:
        | match_id             | M-PD1-0455           |
        | league_tier          | 1                    |
        | market               | 1X2                  |
        | selection            | away                 |
        | in_play              | false                |
        | implied_prob         | 0.44                 |
        | books_moved          | 6                    |
        | public_news          | false                |
        | turnover             | 420_000              |
        | tier_median_turnover | 200_000              |
        | observed_at          | 2025-11-09T15:00:00Z |
      Then the flag "SOC-28" fires
      And the explanation of "SOC-28" mentions "moved to 0.44 from between 0.30 and 0.30 within 24 hours, across 6 bookmakers"

    Scenario: The same move after the home team's captain is ruled out is explained by news
      Given these earlier events:
        | kind           | match_id    | league_tier | market | selection | in_play | implied_prob | books_moved | public_news | turnover | tier_median_turnover | observed_at          |
        | betting_market | M-PD1-0456  | 1           | 1X2    | away      | false   | 0.30         | 0           | false       | 180_000  | 200_000              | 2025-11-08T20:00:00Z |
      When a "betting_market" event is evaluated with:
        | match_id             | M-PD1-0456           |
        | league_tier          | 1                    |
        | market               | 1X2                  |
        | selection            | away                 |
        | in_play              | false                |
        | implied_prob         | 0.44                 |
        | books_moved          | 6                    |
        | public_news          | true                 |
        | turnover             | 420_000              |
        | tier_median_turnover | 200_000              |
        | observed_at          | 2025-11-09T15:00:00Z |
      Then the flag "SOC-28" does not fire

    Scenario: A move of 0.09 is ordinary market noise
      Given these earlier events:
        | kind           | match_id    | league_tier | market | selection | in_play | implied_prob | books_moved | public_news | turnover | tier_median_turnover | observed_at          |
        | betting_market | M-PD1-0457  | 1           | 1X2    | away      | false   | 0.30         | 0           | false       | 180_000  | 200_000              | 2025-11-08T20:00:00Z |
      When a "betting_market" event is evaluated with:
        | match_id             | M-PD1-0457           |
        | league_tier          | 1                    |
        | market               | 1X2                  |
        | selection            | away                 |
        | in_play              | false                |
        | implied_prob         | 0.39                 |
        | books_moved          | 6                    |
        | public_news          | false                |
        | turnover             | 220_000              |
        | tier_median_turnover | 200_000              |
        | observed_at          | 2025-11-09T15:00:00Z |
      Then the flag "SOC-28" does not fire
      And no flag fires

    Scenario: A move seen at only two bookmakers is not a market-wide move
      Given these earlier events:
        | kind           | match_id    | league_tier | market | selection | in_play | implied_prob | books_moved | public_news | turnover | tier_median_turnover | observed_at          |
        | betting_market | M-PD1-0458  | 1           | 1X2    | away      | false   | 0.30         | 0           | false       | 180_000  | 200_000              | 2025-11-08T20:00:00Z |
      When a "betting_market" event is evaluated with:
        | match_id             | M-PD1-0458           |
        | league_tier          | 1                    |
        | market               | 1X2                  |
        | selection            | away                 |
        | in_play              | false                |
        | implied_prob         | 0.44                 |
        | books_moved          | 2                    |
        | public_news          | false                |
        | turnover             | 220_000              |
        | tier_median_turnover | 200_000              |
        | observed_at          | 2025-11-09T15:00:00Z |
      Then the flag "SOC-28" does not fire

    Scenario: A snapshot older than 24 hours is no longer the reference
      Given these earlier events:
        | kind           | match_id    | league_tier | market | selection | in_play | implied_prob | books_moved | public_news | turnover | tier_median_turnover | observed_at          |
        | betting_market | M-PD1-0459  | 1           | 1X2    | away      | false   | 0.30         | 0           | false       | 180_000  | 200_000              | 2025-11-08T14:00:00Z |
        | betting_market | M-PD1-0459  | 1           | 1X2    | away      | false   | 0.40         | 1           | false       | 190_000  | 200_000              | 2025-11-09T09:00:00Z |
      When a "betting_market" event is evaluated with:
        | match_id             | M-PD1-0459           |
        | league_tier          | 1                    |
        | market               | 1X2                  |
        | selection            | away                 |
        | in_play              | false                |
        | implied_prob         | 0.44                 |
        | books_moved          | 6                    |
        | public_news          | false                |
        | turnover             | 220_000              |
        | tier_median_turnover | 200_000              |
        | observed_at          | 2025-11-09T15:00:00Z |
      Then the flag "SOC-28" does not fire

  Rule: SOC-29 in-play prices stay within three standard deviations of the model, or not for long

    Scenario: The market prices over 2.5 goals at 0.78 while the model says 0.52, for 12 minutes
      When a "betting_market" event is evaluated with:
        | match_id             | M-D3-0210            |
        | league_tier          | 3                    |
        | market               | total_goals          |
        | selection            | over_2_5             |
        | in_play              | true                 |
        | implied_prob         | 0.78                 |
        | books_moved          | 4                    |
        | public_news          | false                |
        | model_prob           | 0.52                 |
        | model_sigma          | 0.05                 |
        | divergence_minutes   | 12                   |
        | turnover             | 95_000               |
        | tier_median_turnover | 40_000               |
        | observed_at          | 2025-12-06T16:05:00Z |
      Then the flag "SOC-29" fires
      And the explanation of "SOC-29" mentions "the in-play model expected 0.52"

    Scenario: A gap of 2.8 standard deviations is within the model's range
      When a "betting_market" event is evaluated with:
        | match_id             | M-D3-0211            |
        | league_tier          | 3                    |
        | market               | total_goals          |
        | selection            | over_2_5             |
        | in_play              | true                 |
        | implied_prob         | 0.66                 |
        | books_moved          | 4                    |
        | public_news          | false                |
        | model_prob           | 0.52                 |
        | model_sigma          | 0.05                 |
        | divergence_minutes   | 12                   |
        | turnover             | 45_000               |
        | tier_median_turnover | 40_000               |
        | observed_at          | 2025-12-06T16:05:00Z |
      Then the flag "SOC-29" does not fire
      And no flag fires

    Scenario: A large gap that lasts four minutes is a blip, not a divergence
      When a "betting_market" event is evaluated with:
        | match_id             | M-D3-0212            |
        | league_tier          | 3                    |
        | market               | total_goals          |
        | selection            | over_2_5             |
        | in_play              | true                 |
        | implied_prob         | 0.30                 |
        | books_moved          | 4                    |
        | public_news          | false                |
        | model_prob           | 0.52                 |
        | model_sigma          | 0.05                 |
        | divergence_minutes   | 4                    |
        | turnover             | 45_000               |
        | tier_median_turnover | 40_000               |
        | observed_at          | 2025-12-06T16:05:00Z |
      Then the flag "SOC-29" does not fire

  Rule: SOC-30 turnover stays within five times the median of the tier and market

    Scenario: Asian-handicap turnover on a third-tier match runs at 6.5 times the median
      When a "betting_market" event is evaluated with:
        | match_id             | M-D3-0188            |
        | league_tier          | 3                    |
        | market               | asian_handicap       |
        | selection            | home_-1              |
        | in_play              | false                |
        | implied_prob         | 0.48                 |
        | books_moved          | 1                    |
        | public_news          | false                |
        | turnover             | 260_000              |
        | tier_median_turnover | 40_000               |
        | observed_at          | 2025-11-22T13:00:00Z |
      Then the flag "SOC-30" fires
      And the explanation of "SOC-30" mentions "tier 3"

    Scenario: Turnover of exactly five times the median is not flagged
      When a "betting_market" event is evaluated with:
        | match_id             | M-D3-0189            |
        | league_tier          | 3                    |
        | market               | asian_handicap       |
        | selection            | home_-1              |
        | in_play              | false                |
        | implied_prob         | 0.48                 |
        | books_moved          | 1                    |
        | public_news          | false                |
        | turnover             | 200_000              |
        | tier_median_turnover | 40_000               |
        | observed_at          | 2025-11-22T13:00:00Z |
      Then the flag "SOC-30" does not fire
      And no flag fires

  Rule: SOC-31 fewer than five new accounts on one device back the same outcome within a day

    Scenario: A fifth new account on the same phone backs the away win
      Given these earlier events:
        | kind | account_id | match_id  | selection | stake | account_age_days | device_id | bettor_stakeholder_role | bettor_competition_linked | placed_at            |
        | bet  | ACC-90011  | M-D3-0222 | away      | 900   | 3                | DEV-7F3A  | none                    | false                     | 2025-12-13T09:10:00Z |
        | bet  | ACC-90012  | M-D3-0222 | away      | 950   | 2                | DEV-7F3A  | none                    | false                     | 2025-12-13T09:40:00Z |
        | bet  | ACC-90013  | M-D3-0222 | away      | 1000  | 5                | DEV-7F3A  | none                    | false                     | 2025-12-13T10:05:00Z |
        | bet  | ACC-90014  | M-D3-0222 | away      | 880   | 1                | DEV-7F3A  | none                    | false                     | 2025-12-13T10:30:00Z |
      When a "bet" event is evaluated with:
        | account_id                | ACC-90015            |
        | match_id                  | M-D3-0222            |
        | selection                 | away                 |
        | stake                     | 990                  |
        | account_age_days          | 4                    |
        | device_id                 | DEV-7F3A             |
        | bettor_stakeholder_role   | none                 |
        | bettor_competition_linked | false                |
        | placed_at                 | 2025-12-13T11:00:00Z |
      Then the flag "SOC-31" fires
      And the explanation of "SOC-31" mentions "the 5th account under 30 days old on that device"

    Scenario: A fourth new account on the device is not yet a ring
      Given these earlier events:
        | kind | account_id | match_id  | selection | stake | account_age_days | device_id | bettor_stakeholder_role | bettor_competition_linked | placed_at            |
        | bet  | ACC-90021  | M-D3-0223 | away      | 900   | 3                | DEV-7F3B  | none                    | false                     | 2025-12-13T09:10:00Z |
        | bet  | ACC-90022  | M-D3-0223 | away      | 950   | 2                | DEV-7F3B  | none                    | false                     | 2025-12-13T09:40:00Z |
        | bet  | ACC-90023  | M-D3-0223 | away      | 1000  | 5                | DEV-7F3B  | none                    | false                     | 2025-12-13T10:05:00Z |
      When a "bet" event is evaluated with:
        | account_id                | ACC-90024            |
        | match_id                  | M-D3-0223            |
        | selection                 | away                 |
        | stake                     | 990                  |
        | account_age_days          | 4                    |
        | device_id                 | DEV-7F3B             |
        | bettor_stakeholder_role   | none                 |
        | bettor_competition_linked | false                |
        | placed_at                 | 2025-12-13T11:00:00Z |
      Then the flag "SOC-31" does not fire
      And no flag fires

    Scenario: An account 30 days old no longer counts as new
      Given these earlier events:
        | kind | account_id | match_id  | selection | stake | account_age_days | device_id | bettor_stakeholder_role | bettor_competition_linked | placed_at            |
        | bet  | ACC-90031  | M-D3-0224 | away      | 900   | 3                | DEV-7F3C  | none                    | false                     | 2025-12-13T09:10:00Z |
        | bet  | ACC-90032  | M-D3-0224 | away      | 950   | 2                | DEV-7F3C  | none                    | false                     | 2025-12-13T09:40:00Z |
        | bet  | ACC-90033  | M-D3-0224 | away      | 1000  | 30               | DEV-7F3C  | none                    | false                     | 2025-12-13T10:05:00Z |
        | bet  | ACC-90034  | M-D3-0224 | away      | 880   | 1                | DEV-7F3C  | none                    | false                     | 2025-12-13T10:30:00Z |
      When a "bet" event is evaluated with:
        | account_id                | ACC-90035            |
        | match_id                  | M-D3-0224            |
        | selection                 | away                 |
        | stake                     | 990                  |
        | account_age_days          | 4                    |
        | device_id                 | DEV-7F3C             |
        | bettor_stakeholder_role   | none                 |
        | bettor_competition_linked | false                |
        | placed_at                 | 2025-12-13T11:00:00Z |
      Then the flag "SOC-31" does not fire

  Rule: SOC-32 players, officials and other stakeholders do not bet on their own competition

    Scenario: A player of the league bets on a league match
      When a "bet" event is evaluated with:
        | account_id                | ACC-77120            |
        | match_id                  | M-PD1-0301           |
        | selection                 | home                 |
        | stake                     | 5_000                |
        | account_age_days          | 400                  |
        | device_id                 | DEV-1C22             |
        | bettor_stakeholder_role   | player               |
        | bettor_competition_linked | true                 |
        | placed_at                 | 2025-10-18T11:00:00Z |
      Then the flag "SOC-32" fires
      And the band is "critical"

    Scenario: A referee's relative bets on a match in his competition
      When a "bet" event is evaluated with:
        | account_id                | ACC-77121            |
        | match_id                  | M-D3-0101            |
        | selection                 | draw                 |
        | stake                     | 2_500                |
        | account_age_days          | 700                  |
        | device_id                 | DEV-1C23             |
        | bettor_stakeholder_role   | referee              |
        | bettor_competition_linked | true                 |
        | placed_at                 | 2025-10-18T11:00:00Z |
      Then the flag "SOC-32" fires

    Scenario: A player betting on a competition he has no part in is not insider betting
      When a "bet" event is evaluated with:
        | account_id                | ACC-77122            |
        | match_id                  | M-D3-0102            |
        | selection                 | home                 |
        | stake                     | 50                   |
        | account_age_days          | 400                  |
        | device_id                 | DEV-1C24             |
        | bettor_stakeholder_role   | player               |
        | bettor_competition_linked | false                |
        | placed_at                 | 2025-10-18T11:00:00Z |
      Then the flag "SOC-32" does not fire
      And no flag fires

    Scenario: An ordinary customer's bet is not flagged
      When a "bet" event is evaluated with:
        | account_id                | ACC-77123            |
        | match_id                  | M-PD1-0301           |
        | selection                 | home                 |
        | stake                     | 40                   |
        | account_age_days          | 900                  |
        | device_id                 | DEV-1C25             |
        | bettor_stakeholder_role   | none                 |
        | bettor_competition_linked | false                |
        | placed_at                 | 2025-10-18T11:00:00Z |
      Then the flag "SOC-32" does not fire
