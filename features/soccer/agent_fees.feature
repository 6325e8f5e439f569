@soccer
Feature: Agent fees against the FIFA caps
  The FIFA Football Agent Regulations (FFAR, art. 15) cap agents' service fees: 10% of the transfer
  compensation for the releasing club's agent; 3% of the player's remuneration (5% at or below
  USD 200,000 a year) for the player's or the engaging club's agent; 6% (10%) for an agent acting for
  both with written consent. FIFA suspended the FFAR worldwide on 30 December 2023 pending the CJEU,
  so these flags are risk indicators, not breaches: on their own they never force a band.
  Fees are also due pro rata to what the player actually receives (art. 14).

  Background:
    Given the "soccer" ruleset

  Rule: SOC-01 the releasing club's agent earns at most 10% of the transfer compensation

    Scenario: A releasing club pays its agent 15% of an 8 million transfer
      When a "agent_payment" event is evaluated with:
        | agent_id              | AG-0107        |
        | agent_country         | PT             |
        | transfer_id           | TR-2025-0412   |
        | client_role           | releasing_club |
        | client_id             | CLB-ARD        |
        | client_country        | PT             |
        | payer_id              | CLB-ARD        |
        | pay_on_behalf_consent | false          |
        | dual_representation   | false          |
        | fee                   | 1_200_000      |
        | agent_fee_total       | 1_200_000      |
        | transfer_compensation | 8_000_000      |
        | agent_licensed        | true           |
        | account_holder_id     | AG-0107        |
        | account_country       | PT             |
        | paid_on               | 2025-08-14     |
      Then the flag "SOC-01" fires
      And the explanation of "SOC-01" mentions "more than 10% of the transfer compensation of 8,000,000"
      And the explanation of "SOC-01" mentions "suspended since 30 Dec 2023"
      And the band is "low"

    Scenario: A fee of exactly 10% of the compensation is within the cap
      When a "agent_payment" event is evaluated with:
        | agent_id              | AG-0107        |
        | agent_country         | PT             |
        | client_role           | releasing_club |
        | client_id             | CLB-ARD        |
        | client_country        | PT             |
        | payer_id              | CLB-ARD        |
        | pay_on_behalf_consent | false          |
        | dual_representation   | false          |
        | fee                   | 800_000        |
        | agent_fee_total       | 800_000        |
        | transfer_compensation | 8_000_000      |
        | agent_licensed        | true           |
        | account_holder_id     | AG-0107        |
        | account_country       | PT             |
        | paid_on               | 2025-08-14     |
      Then the flag "SOC-01" does not fire
      And no flag fires

    Scenario: A league that sets its own cap at 8% flags a 9% fee
      Given the parameter "releasing_agent_fee_cap" is 0.08
      When a "agent_payment" event is evaluated with:
        | agent_id              | AG-0107        |
        | agent_country         | PT             |
        | client_role           | releasing_club |
        | client_id             | CLB-ARD        |
        | client_country        | PT             |
        | payer_id              | CLB-ARD        |
        | pay_on_behalf_consent | false          |
        | fee                   | 720_000        |
        | agent_fee_total       | 720_000        |
        | transfer_compensation | 8_000_000      |
        | agent_licensed        | true           |
        | account_holder_id     | AG-0107        |
        | account_country       | PT             |
        | paid_on               | 2025-08-14     |
      Then the flag "SOC-01" fires
      And the explanation of "SOC-01" mentions "more than 8%"

  Rule: SOC-02 the player's or engaging club's agent earns at most 3% of a remuneration above USD 200,000 (5% at or below)

    Scenario: A player's agent agrees 8% of a 4.5 million contract
      When a "agent_payment" event is evaluated with:
        | agent_id                         | AG-0211      |
        | agent_country                    | ES           |
        | transfer_id                      | TR-2025-0388 |
        | client_role                      | player       |
        | client_id                        | PL-10442     |
        | client_country                   | ES           |
        | payer_id                         | PL-10442     |
        | pay_on_behalf_consent            | false        |
        | dual_representation              | false        |
        | fee                              | 90_000       |
        | agent_fee_total                  | 360_000      |
        | annual_remuneration              | 1_500_000    |
        | player_remuneration_total        | 4_500_000    |
        | agent_fees_paid_to_date          | 90_000       |
        | player_remuneration_paid_to_date | 1_125_000    |
        | agent_licensed                   | true         |
        | account_holder_id                | AG-0211      |
        | account_country                  | ES           |
        | paid_on                          | 2025-10-01   |
      Then the flag "SOC-02" fires
      And the flag "SOC-47" does not fire
      And the explanation of "SOC-02" mentions "8.0% of the player's contract remuneration of 4,500,000"

    Scenario: A fee of exactly 3% of a high remuneration is within the cap
      When a "agent_payment" event is evaluated with:
        | agent_id                         | AG-0211    |
        | agent_country                    | ES         |
        | client_role                      | player     |
        | client_id                        | PL-10442   |
        | client_country                   | ES         |
        | payer_id                         | PL-10442   |
        | pay_on_behalf_consent            | false      |
        | dual_representation              | false      |
        | fee                              | 33_750     |
        | agent_fee_total                  | 135_000    |
        | annual_remuneration              | 1_500_000  |
        | player_remuneration_total        | 4_500_000  |
        | agent_fees_paid_to_date          | 33_750     |
        | player_remuneration_paid_to_date | 1_125_000  |
        | agent_licensed                   | true       |
        | account_holder_id                | AG-0211    |
        | account_country                  | ES         |
        | paid_on                          | 2025-10-01 |
      Then the flag "SOC-02" does not fire

    Scenario: A remuneration of exactly USD 200,000 falls in the 5% band, so a 4% fee is allowed
      When a "agent_payment" event is evaluated with:
        | agent_id                         | AG-0033        |
        | agent_country                    | PT             |
        | client_role                      | engaging_club  |
        | client_id                        | CLB-D3-04      |
        | client_country                   | PT             |
        | payer_id                         | CLB-D3-04      |
        | pay_on_behalf_consent            | false          |
        | dual_representation              | false          |
        | fee                              | 4_000          |
        | agent_fee_total                  | 16_000         |
        | annual_remuneration              | 200_000        |
        | player_remuneration_total        | 400_000        |
        | agent_fees_paid_to_date          | 4_000          |
        | player_remuneration_paid_to_date | 100_000        |
        | agent_licensed                   | true           |
        | account_holder_id                | AG-0033        |
        | account_country                  | PT             |
        | paid_on                          | 2025-10-01     |
      Then the flag "SOC-02" does not fire

    Scenario: Just above USD 200,000 the 3% cap applies and a 4% fee is flagged
      When a "agent_payment" event is evaluated with:
        | agent_id                         | AG-0033       |
        | agent_country                    | PT            |
        | client_role                      | engaging_club |
        | client_id                        | CLB-D3-04     |
        | client_country                   | PT            |
        | payer_id                         | CLB-D3-04     |
        | pay_on_behalf_consent            | false         |
        | dual_representation              | false         |
        | fee                              | 4_200         |
        | agent_fee_total                  | 16_800        |
        | annual_remuneration              | 210_000       |
        | player_remuneration_total        | 420_000       |
        | agent_fees_paid_to_date          | 4_200         |
        | player_remuneration_paid_to_date | 105_000       |
        | agent_licensed                   | true          |
        | account_holder_id                | AG-0033       |
        | account_country                  | PT            |
        | paid_on                          | 2025-10-01    |
      Then the flag "SOC-02" fires

  Rule: SOC-47 an agent acting for both the player and the engaging club earns at most 6% above USD 200,000 (10% at or below)

    Scenario: A dual-representation agent agrees 8% of a 3 million contract
      When a "agent_payment" event is evaluated with:
        | agent_id                         | AG-0090       |
        | agent_country                    | PT            |
        | transfer_id                      | TR-2025-0231  |
        | client_role                      | engaging_club |
        | client_id                        | CLB-BRV       |
        | client_country                   | PT            |
        | payer_id                         | CLB-BRV       |
        | pay_on_behalf_consent            | false         |
        | dual_representation              | true          |
        | fee                              | 60_000        |
        | agent_fee_total                  | 240_000       |
        | annual_remuneration              | 1_000_000     |
        | player_remuneration_total        | 3_000_000     |
        | agent_fees_paid_to_date          | 60_000        |
        | player_remuneration_paid_to_date | 750_000       |
        | agent_licensed                   | true          |
        | account_holder_id                | AG-0090       |
        | account_country                  | PT            |
        | paid_on                          | 2025-10-01    |
      Then the flag "SOC-47" fires
      And the flag "SOC-02" does not fire
      And the explanation of "SOC-47" mentions "represents both the player and the engaging club"

    Scenario: A dual-representation fee of exactly 6% is within the cap
      When a "agent_payment" event is evaluated with:
        | agent_id                         | AG-0090       |
        | agent_country                    | PT            |
        | client_role                      | engaging_club |
        | client_id                        | CLB-BRV       |
        | client_country                   | PT            |
        | payer_id                         | CLB-BRV       |
        | pay_on_behalf_consent            | false         |
        | dual_representation              | true          |
        | fee                              | 45_000        |
        | agent_fee_total                  | 180_000       |
        | annual_remuneration              | 1_000_000     |
        | player_remuneration_total        | 3_000_000     |
        | agent_fees_paid_to_date          | 45_000        |
        | player_remuneration_paid_to_date | 750_000       |
        | agent_licensed                   | true          |
        | account_holder_id                | AG-0090       |
        | account_country                  | PT            |
        | paid_on                          | 2025-10-01    |
      Then the flag "SOC-47" does not fire
      And no flag fires

  Rule: SOC-06 agent fees for the player side are paid pro rata to what the player receives

    Scenario: An agent receives 60% of his fee in the first week of a three-year contract
      When a "agent_payment" event is evaluated with:
        | agent_id                         | AG-0123      |
        | agent_country                    | BR           |
        | transfer_id                      | TR-2025-0150 |
        | client_role                      | player       |
        | client_id                        | PL-10301     |
        | client_country                   | BR           |
        | payer_id                         | PL-10301     |
        | pay_on_behalf_consent            | false        |
        | dual_representation              | false        |
        | fee                              | 36_000       |
        | agent_fee_total                  | 60_000       |
        | annual_remuneration              | 900_000      |
        | player_remuneration_total        | 2_700_000    |
        | agent_fees_paid_to_date          | 36_000       |
        | player_remuneration_paid_to_date | 225_000      |
        | agent_licensed                   | true         |
        | account_holder_id                | AG-0123      |
        | account_country                  | BR           |
        | paid_on                          | 2025-07-15   |
      Then the flag "SOC-06" fires
      And the explanation of "SOC-06" mentions "paid 60% of the agreed fee"
      And the flag "SOC-02" does not fire

    Scenario: An agent paid 30% while the player received 25% is within the 1.2 tolerance
      When a "agent_payment" event is evaluated with:
        | agent_id                         | AG-0123    |
        | agent_country                    | BR         |
        | client_role                      | player     |
        | client_id                        | PL-10301   |
        | client_country                   | BR         |
        | payer_id                         | PL-10301   |
        | pay_on_behalf_consent            | false      |
        | dual_representation              | false      |
        | fee                              | 18_000     |
        | agent_fee_total                  | 60_000     |
        | annual_remuneration              | 900_000    |
        | player_remuneration_total        | 2_700_000  |
        | agent_fees_paid_to_date          | 18_000     |
        | player_remuneration_paid_to_date | 675_000    |
        | agent_licensed                   | true       |
        | account_holder_id                | AG-0123    |
        | account_country                  | BR         |
        | paid_on                          | 2026-04-01 |
      Then the flag "SOC-06" does not fire
      And no flag fires

  Rule: SOC-07 a club's agent fees stay within twice the league's usual share of transfer spending

    Scenario: A club pays agents 29% of its transfer spending in a league where 10% is usual
      When a "club_season" event is evaluated with:
        | club_id                         | CLB-GRN    |
        | season                          | 2025/26    |
        | competition_id                  | PD1        |
        | club_revenue                    | 48_000_000 |
        | squad_cost                      | 30_000_000 |
        | agent_fees_total                | 2_600_000  |
        | transfer_spend                  | 9_000_000  |
        | league_agent_fee_ratio_median   | 0.10       |
        | overdue_payables                | 0          |
        | cash_matchday_revenue           | 900_000    |
        | attendance                      | 310_000    |
        | league_cash_per_attendee_median | 3.1        |
        | season_end                      | 2026-06-30 |
      Then the flag "SOC-07" fires
      And the explanation of "SOC-07" mentions "a ratio of 29%"

    Scenario: Agent fees of exactly twice the league median are not flagged
      When a "club_season" event is evaluated with:
        | club_id                         | CLB-GRN    |
        | season                          | 2025/26    |
        | competition_id                  | PD1        |
        | club_revenue                    | 48_000_000 |
        | squad_cost                      | 30_000_000 |
        | agent_fees_total                | 2_000_000  |
        | transfer_spend                  | 8_000_000  |
        | league_agent_fee_ratio_median   | 0.125      |
        | overdue_payables                | 0          |
        | cash_matchday_revenue           | 900_000    |
        | attendance                      | 310_000    |
        | league_cash_per_attendee_median | 3.1        |
        | season_end                      | 2026-06-30 |
      Then the flag "SOC-07" does not fire

    Scenario: A club that bought no players has no agent-fee intensity to measure
      When a "club_season" event is evaluated with:
        | club_id                         | CLB-D3-08  |
        | season                          | 2025/26    |
        | competition_id                  | D3         |
        | club_revenue                    | 3_400_000  |
        | squad_cost                      | 2_000_000  |
        | agent_fees_total                | 40_000     |
        | transfer_spend                  | 0          |
        | league_agent_fee_ratio_median   | 0.06       |
        | overdue_payables                | 0          |
        | cash_matchday_revenue           | 45_000     |
        | attendance                      | 25_000     |
        | league_cash_per_attendee_median | 1.8        |
        | season_end                      | 2026-06-30 |
      Then the flag "SOC-07" does not fire
      And the event is scored
