@soccer
Feature: Third-party ownership and influence
  Since 1 May 2015 no club or player may let a third party share in a player's future transfer
  compensation (RSTP art. 18ter); the clubs in the player's chain may (sell-on clauses), and since
  1 June 2019 so may the player. No contract may let a counter-club or third party influence a club's
  independence, policies or team performance in employment and transfer matters (art. 18bis).
  Third-party ownership is a hard rule: it forces the critical band.

  Background:
    Given the "soccer" ruleset

  Rule: SOC-13 nobody outside the player's clubs and the player shares in his future transfer fees

    Scenario: An investment fund is promised 30% of the player's next transfer fee
      When a "contract_clause" event is evaluated with:
        | contract_id           | CT-2025-0331          |
        | club_id               | CLB-NOR               |
        | player_id             | PL-10950              |
        | clause_type           | economic_rights_share |
        | beneficiary_id        | FUND-ATLAS            |
        | beneficiary_type      | investment_fund       |
        | future_transfer_share | 0.30                  |
        | influence_scope       | none                  |
        | signed_on             | 2025-07-30            |
      Then the flag "SOC-13" fires
      And the explanation of "SOC-13" mentions "a 30% share of PL-10950's future transfer compensation"
      And the band is "critical"
      And the score is 40

    Scenario: A 20% sell-on clause for the previous club is allowed
      When a "contract_clause" event is evaluated with:
        | contract_id           | CT-2025-0332  |
        | club_id               | CLB-NOR       |
        | player_id             | PL-10951      |
        | clause_type           | sell_on       |
        | beneficiary_id        | CLB-OUT-ES2   |
        | beneficiary_type      | previous_club |
        | future_transfer_share | 0.20          |
        | influence_scope       | none          |
        | signed_on             | 2025-07-30    |
      Then the flag "SOC-13" does not fire
      And no flag fires

    Scenario: The player keeping 10% of his own future transfer is allowed since 2019
      When a "contract_clause" event is evaluated with:
        | contract_id           | CT-2025-0333          |
        | club_id               | CLB-NOR               |
        | player_id             | PL-10952              |
        | clause_type           | future_transfer_share |
        | beneficiary_id        | PL-10952              |
        | beneficiary_type      | player                |
        | future_transfer_share | 0.10                  |
        | influence_scope       | none                  |
        | signed_on             | 2025-07-30            |
      Then the flag "SOC-13" does not fire

    Scenario: An agent's clause with no share in the transfer fee is not ownership
      When a "contract_clause" event is evaluated with:
        | contract_id           | CT-2025-0334 |
        | club_id               | CLB-NOR      |
        | player_id             | PL-10953     |
        | clause_type           | loyalty_bonus |
        | beneficiary_id        | AG-0042      |
        | beneficiary_type      | agent        |
        | future_transfer_share | 0            |
        | influence_scope       | none         |
        | signed_on             | 2025-07-30   |
      Then the flag "SOC-13" does not fire

  Rule: SOC-14 no counter-club or third party gets a say over line-ups, selection or transfers

    Scenario: The selling club is promised a minimum number of starts for the player
      When a "contract_clause" event is evaluated with:
        | contract_id           | CT-2025-0402   |
        | club_id               | CLB-OLI        |
        | player_id             | PL-11077       |
        | clause_type           | minimum_starts |
        | beneficiary_id        | CLB-OUT-ES2    |
        | beneficiary_type      | previous_club  |
        | future_transfer_share | 0              |
        | influence_scope       | line_up        |
        | signed_on             | 2025-08-12     |
      Then the flag "SOC-14" fires
      And the explanation of "SOC-14" mentions "influence over line_up"

    Scenario: A fund holding a veto over the player's sale is flagged
      When a "contract_clause" event is evaluated with:
        | contract_id           | CT-2025-0403       |
        | club_id               | CLB-OLI            |
        | player_id             | PL-11078           |
        | clause_type           | transfer_veto      |
        | beneficiary_id        | FUND-ATLAS         |
        | beneficiary_type      | investment_fund    |
        | future_transfer_share | 0                  |
        | influence_scope       | transfer_decisions |
        | signed_on             | 2025-08-12         |
      Then the flag "SOC-14" fires
      And the flag "SOC-13" does not fire

    Scenario: A release clause in the player's favour gives no third party influence
      When a "contract_clause" event is evaluated with:
        | contract_id           | CT-2025-0404       |
        | club_id               | CLB-OLI            |
        | player_id             | PL-11079           |
        | clause_type           | release_clause     |
        | beneficiary_id        | PL-11079           |
        | beneficiary_type      | player             |
        | future_transfer_share | 0                  |
        | influence_scope       | transfer_decisions |
        | signed_on             | 2025-08-12         |
      Then the flag "SOC-14" does not fire
      And no flag fires

    Scenario: A buy-back option for the previous club without any say over the team is allowed
      When a "contract_clause" event is evaluated with:
        | contract_id           | CT-2025-0405  |
        | club_id               | CLB-OLI       |
        | player_id             | PL-11080      |
        | clause_type           | buy_back      |
        | beneficiary_id        | CLB-OUT-ES2   |
        | beneficiary_type      | previous_club |
        | future_transfer_share | 0             |
        | influence_scope       | none          |
        | signed_on             | 2025-08-12    |
      Then the flag "SOC-14" does not fire
