@soccer
Feature: Club finances
  UEFA's Club Licensing and Financial Sustainability Regulations limit squad cost to 70% of revenue
  from 2025/26 (art. 93) and require no overdue payables at 30 June, 30 September and 31 December.
  Matchday cash far beyond what the crowd can spend is the FATF's cash-flow typology.

  Background:
    Given the "soccer" ruleset

  Rule: SOC-26 squad cost stays within 70% of revenue and no payables are overdue

    Scenario: A club spends 80% of its revenue on the squad
      When a "club_season" event is evaluated with:
        | club_id                         | CLB-LUZ    |
        | season                          | 2025/26    |
        | competition_id                  | PD1        |
        | club_revenue                    | 30_000_000 |
        | squad_cost                      | 24_000_000 |
        | agent_fees_total                | 600_000    |
        | transfer_spend                  | 6_000_000  |
        | league_agent_fee_ratio_median   | 0.10       |
        | overdue_payables                | 0          |
        | cash_matchday_revenue           | 700_000    |
        | attendance                      | 250_000    |
        | league_cash_per_attendee_median | 3.1        |
        | season_end                      | 2026-06-30 |
      Then the flag "SOC-26" fires
      And the explanation of "SOC-26" mentions "ratio 80%, limit 70%"
      And the score is 5

    Scenario: A squad cost of exactly 70% of revenue is within the limit
      When a "club_season" event is evaluated with:
        | club_id                         | CLB-LUZ    |
        | season                          | 2025/26    |
        | competition_id                  | PD1        |
        | club_revenue                    | 30_000_000 |
        | squad_cost                      | 21_000_000 |
        | agent_fees_total                | 600_000    |
        | transfer_spend                  | 6_000_000  |
        | league_agent_fee_ratio_median   | 0.10       |
        | overdue_payables                | 0          |
        | cash_matchday_revenue           | 700_000    |
        | attendance                      | 250_000    |
        | league_cash_per_attendee_median | 3.1        |
        | season_end                      | 2026-06-30 |
      Then the flag "SOC-26" does not fire
      And no flag fires

    Scenario: Overdue payables are flagged even when the squad cost is under control
      When a "club_season" event is evaluated with:
        | club_id                         | CLB-HEL    |
        | season                          | 2025/26    |
        | competition_id                  | PD1        |
        | club_revenue                    | 31_000_000 |
        | squad_cost                      | 18_000_000 |
        | agent_fees_total                | 500_000    |
        | transfer_spend                  | 5_000_000  |
        | league_agent_fee_ratio_median   | 0.10       |
        | overdue_payables                | 1_250_000  |
        | cash_matchday_revenue           | 700_000    |
        | attendance                      | 250_000    |
        | league_cash_per_attendee_median | 3.1        |
        | season_end                      | 2026-06-30 |
      Then the flag "SOC-26" fires

  Rule: SOC-27 matchday cash per attendee stays within three times the league median

    Scenario: A club reports 13 euros of cash per attendee where the league median is 3
      When a "club_season" event is evaluated with:
        | club_id                         | CLB-MAR    |
        | season                          | 2025/26    |
        | competition_id                  | PD1        |
        | club_revenue                    | 26_000_000 |
        | squad_cost                      | 15_000_000 |
        | agent_fees_total                | 400_000    |
        | transfer_spend                  | 4_000_000  |
        | league_agent_fee_ratio_median   | 0.10       |
        | overdue_payables                | 0          |
        | cash_matchday_revenue           | 3_200_000  |
        | attendance                      | 240_000    |
        | league_cash_per_attendee_median | 3.0        |
        | season_end                      | 2026-06-30 |
      Then the flag "SOC-27" fires
      And the explanation of "SOC-27" mentions "13.33 per attendee"

    Scenario: Cash of exactly three times the league median per attendee is not flagged
      When a "club_season" event is evaluated with:
        | club_id                         | CLB-MAR    |
        | season                          | 2025/26    |
        | competition_id                  | PD1        |
        | club_revenue                    | 26_000_000 |
        | squad_cost                      | 15_000_000 |
        | agent_fees_total                | 400_000    |
        | transfer_spend                  | 4_000_000  |
        | league_agent_fee_ratio_median   | 0.10       |
        | overdue_payables                | 0          |
        | cash_matchday_revenue           | 2_160_000  |
        | attendance                      | 240_000    |
        | league_cash_per_attendee_median | 3.0        |
        | season_end                      | 2026-06-30 |
      Then the flag "SOC-27" does not fire
      And no flag fires
