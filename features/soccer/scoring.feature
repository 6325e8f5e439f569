@soccer
Feature: How football red flags add up
  Flags add their weights per typology, each typology capped at 60 so that correlated flags do not
  double-count; bands are low from 0, medium from 30, high from 60, critical from 80. Third-party
  ownership, an unlawful international transfer of a minor, a sanctioned owner, insider betting, an
  off-channel payment to a referee or official and a payment before an appointment are hard rules:
  they force the critical band whatever the score. The suspended FFAR fee caps never force a band.

  Background:
    Given the "soccer" ruleset

  Rule: hard rules force the critical band

    Scenario: A single cash gift to a referee is critical although it weighs 40
      When a "official_payment" event is evaluated with:
        | payer_id    | CLB-D3-06  |
        | payer_type  | club       |
        | payee_id    | REF-022    |
        | payee_role  | referee    |
        | channel     | cash       |
        | purpose     | gift       |
        | amount      | 20_000     |
        | paid_on     | 2025-11-20 |
      Then the score is 40
      And the band is "critical"

  Rule: agent-abuse flags are capped at 60 together, other typologies add on top

    Scenario: An unlicensed agent, paid by a third party and ahead of the player, offshore
      When a "agent_payment" event is evaluated with:
        | agent_id                         | AG-0555   |
        | agent_country                    | PT        |
        | client_role                      | player    |
        | client_id                        | PL-11500  |
        | client_country                   | PT        |
        | payer_id                         | CLB-ARD   |
        | pay_on_behalf_consent            | false     |
        | dual_representation              | false     |
        | fee                              | 180_000   |
        | agent_fee_total                  | 300_000   |
        | annual_remuneration              | 1_000_000 |
        | player_remuneration_total        | 3_000_000 |
        | agent_fees_paid_to_date          | 180_000   |
        | player_remuneration_paid_to_date | 250_000   |
        | agent_licensed                   | false     |
        | account_holder_id                | AG-0555   |
        | account_country                  | AE        |
        | paid_on                          | 2025-07-20 |
      Then the flag "SOC-02" fires
      And the flag "SOC-04" fires
      And the flag "SOC-05" fires
      And the flag "SOC-06" fires
      And the flag "SOC-46" fires
      And the score is 85
      And the band is "critical"

  Rule: the suspended FFAR caps alone stay out of the high band

    Scenario: A releasing-club fee far above the suspended cap is a low-band indicator
      When a "agent_payment" event is evaluated with:
        | agent_id              | AG-0107        |
        | agent_country         | PT             |
        | client_role           | releasing_club |
        | client_id             | CLB-ARD        |
        | client_country        | PT             |
        | payer_id              | CLB-ARD        |
        | pay_on_behalf_consent | false          |
        | dual_representation   | false          |
        | fee                   | 2_400_000      |
        | agent_fee_total       | 2_400_000      |
        | transfer_compensation | 8_000_000      |
        | agent_licensed        | true           |
        | account_holder_id     | AG-0107        |
        | account_country       | PT             |
        | paid_on               | 2025-08-14     |
      Then the flag "SOC-01" fires
      And the score is 25
      And the band is "low"
