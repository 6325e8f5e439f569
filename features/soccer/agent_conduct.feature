@soccer
Feature: Agent conduct in transfers
  Who an agent works for, whether he may work at all, and who pays him where. Under the FIFA Football
  Agent Regulations an agent may act for only one side of a deal, except for the player and the
  engaging club together with written consent (art. 12); only licensed agents may provide services
  (art. 11); the fee is paid by the client, into the agent's account (art. 14). Payments routed to a
  third party or offshore are the classic FCPA third-party red flags.

  Background:
    Given the "soccer" ruleset

  Rule: SOC-03 one agent may not act for more than one side of a transfer, except player and engaging club with written consent

    Scenario: The releasing club's agent is also the player's agent
      When a "transfer" event is evaluated with:
        | transfer_id             | TR-2025-0299 |
        | player_id               | PL-10871     |
        | player_birth_date       | 1999-03-12   |
        | from_club               | CLB-BRV      |
        | to_club                 | CLB-ARD      |
        | from_country            | PT           |
        | to_country              | PT           |
        | international           | false        |
        | fee                     | 3_500_000    |
        | reference_value         | 3_200_000    |
        | payee_is_releasing_club | true         |
        | payee_account_country   | PT           |
        | associated_party        | false        |
        | releasing_agent_id      | AG-0150      |
        | player_agent_id         | AG-0150      |
        | engaging_agent_id       | AG-0033      |
        | agreed_on               | 2025-07-22   |
      Then the flag "SOC-03" fires
      And the explanation of "SOC-03" mentions "releasing club's agent AG-0150, player's agent AG-0150"
      And the band is "medium"

    Scenario: One agent for the player and the engaging club with written consent is permitted
      When a "transfer" event is evaluated with:
        | transfer_id                 | TR-2025-0300 |
        | player_id                   | PL-10872     |
        | player_birth_date           | 1998-06-02   |
        | from_club                   | CLB-BRV      |
        | to_club                     | CLB-ARD      |
        | from_country                | PT           |
        | to_country                  | PT           |
        | international               | false        |
        | fee                         | 3_500_000    |
        | reference_value             | 3_200_000    |
        | payee_is_releasing_club     | true         |
        | payee_account_country       | PT           |
        | associated_party            | false        |
        | releasing_agent_id          | AG-0150      |
        | player_agent_id             | AG-0033      |
        | engaging_agent_id           | AG-0033      |
        | dual_representation_consent | true         |
        | agreed_on                   | 2025-07-22   |
      Then the flag "SOC-03" does not fire
      And no flag fires

    Scenario: One agent for the player and the engaging club without written consent is flagged
      When a "transfer" event is evaluated with:
        | transfer_id                 | TR-2025-0301 |
        | player_id                   | PL-10873     |
        | player_birth_date           | 1998-06-02   |
        | from_club                   | CLB-BRV      |
        | to_club                     | CLB-ARD      |
        | from_country                | PT           |
        | to_country                  | PT           |
        | international               | false        |
        | fee                         | 3_500_000    |
        | reference_value             | 3_200_000    |
        | payee_is_releasing_club     | true         |
        | payee_account_country       | PT           |
        | associated_party            | false        |
        | player_agent_id             | AG-0033      |
        | engaging_agent_id           | AG-0033      |
        | dual_representation_consent | false        |
        | agreed_on                   | 2025-07-22   |
      Then the flag "SOC-03" fires

    Scenario: A transfer without agents raises no representation question
      When a "transfer" event is evaluated with:
        | transfer_id             | TR-2025-0302 |
        | player_id               | PL-10874     |
        | player_birth_date       | 2001-01-20   |
        | from_club               | CLB-D3-03    |
        | to_club                 | CLB-D3-08    |
        | from_country            | PT           |
        | to_country              | PT           |
        | international           | false        |
        | fee                     | 0            |
        | reference_value         | 60_000       |
        | associated_party        | false        |
        | agreed_on               | 2025-07-22   |
      Then the flag "SOC-03" does not fire
      And no flag fires

  Rule: SOC-04 only licensed agents are paid for agent services

    Scenario: A club pays an agent who holds no licence
      When a "agent_payment" event is evaluated with:
        | agent_id                         | AG-0999       |
        | agent_country                    | PT            |
        | transfer_id                      | TR-2025-0120  |
        | client_role                      | engaging_club |
        | client_id                        | CLB-CAS       |
        | client_country                   | PT            |
        | payer_id                         | CLB-CAS       |
        | pay_on_behalf_consent            | false         |
        | dual_representation              | false         |
        | fee                              | 6_000         |
        | agent_fee_total                  | 24_000        |
        | annual_remuneration              | 300_000       |
        | player_remuneration_total        | 900_000       |
        | agent_fees_paid_to_date          | 6_000         |
        | player_remuneration_paid_to_date | 225_000       |
        | agent_licensed                   | false         |
        | account_holder_id                | AG-0999       |
        | account_country                  | PT            |
        | paid_on                          | 2025-09-30    |
      Then the flag "SOC-04" fires
      And the explanation of "SOC-04" mentions "held no valid FIFA or national licence"

    Scenario: The same payment to a licensed agent is not flagged
      When a "agent_payment" event is evaluated with:
        | agent_id                         | AG-0998       |
        | agent_country                    | PT            |
        | client_role                      | engaging_club |
        | client_id                        | CLB-CAS       |
        | client_country                   | PT            |
        | payer_id                         | CLB-CAS       |
        | pay_on_behalf_consent            | false         |
        | dual_representation              | false         |
        | fee                              | 6_000         |
        | agent_fee_total                  | 24_000        |
        | annual_remuneration              | 300_000       |
        | player_remuneration_total        | 900_000       |
        | agent_fees_paid_to_date          | 6_000         |
        | player_remuneration_paid_to_date | 225_000       |
        | agent_licensed                   | true          |
        | account_holder_id                | AG-0998       |
        | account_country                  | PT            |
        | paid_on                          | 2025-09-30    |
      Then the flag "SOC-04" does not fire
      And no flag fires

    Scenario: A payment whose licence status is unknown cannot be cleared
      When a "agent_payment" event is evaluated with:
        | agent_id          | AG-0997        |
        | agent_country     | PT             |
        | client_role       | releasing_club |
        | client_id         | CLB-CAS        |
        | client_country    | PT             |
        | payer_id          | CLB-CAS        |
        | fee               | 20_000         |
        | agent_fee_total   | 20_000         |
        | transfer_compensation | 400_000    |
        | account_holder_id | AG-0997        |
        | account_country   | PT             |
        | paid_on           | 2025-09-30     |
      Then the flag "SOC-04" is not evaluable because "agent_licensed" is missing

  Rule: SOC-05 the client pays the agent's fee into the agent's own account

    Scenario: The engaging club pays the player's agent without the player's consent
      When a "agent_payment" event is evaluated with:
        | agent_id                         | AG-0078      |
        | agent_country                    | FR           |
        | transfer_id                      | TR-2025-0345 |
        | client_role                      | player       |
        | client_id                        | PL-11020     |
        | client_country                   | FR           |
        | payer_id                         | CLB-DOU      |
        | pay_on_behalf_consent            | false        |
        | dual_representation              | false        |
        | fee                              | 22_500       |
        | agent_fee_total                  | 90_000       |
        | annual_remuneration              | 1_200_000    |
        | player_remuneration_total        | 3_600_000    |
        | agent_fees_paid_to_date          | 22_500       |
        | player_remuneration_paid_to_date | 900_000      |
        | agent_licensed                   | true         |
        | account_holder_id                | AG-0078      |
        | account_country                  | FR           |
        | paid_on                          | 2025-10-01   |
      Then the flag "SOC-05" fires
      And the explanation of "SOC-05" mentions "was paid by CLB-DOU (pay-on-behalf consent: false)"

    Scenario: The engaging club pays on the player's behalf with consent
      When a "agent_payment" event is evaluated with:
        | agent_id                         | AG-0078    |
        | agent_country                    | PT         |
        | client_role                      | player     |
        | client_id                        | PL-11021   |
        | client_country                   | PT         |
        | payer_id                         | CLB-D3-02  |
        | pay_on_behalf_consent            | true       |
        | dual_representation              | false      |
        | fee                              | 900        |
        | agent_fee_total                  | 7_200      |
        | annual_remuneration              | 80_000     |
        | player_remuneration_total        | 160_000    |
        | agent_fees_paid_to_date          | 900        |
        | player_remuneration_paid_to_date | 20_000     |
        | agent_licensed                   | true       |
        | account_holder_id                | AG-0078    |
        | account_country                  | PT         |
        | paid_on                          | 2025-10-01 |
      Then the flag "SOC-05" does not fire
      And no flag fires

    Scenario: The fee lands in a company account instead of the agent's
      When a "agent_payment" event is evaluated with:
        | agent_id                         | AG-0078        |
        | agent_country                    | FR             |
        | client_role                      | player         |
        | client_id                        | PL-11020       |
        | client_country                   | FR             |
        | payer_id                         | PL-11020       |
        | pay_on_behalf_consent            | false          |
        | dual_representation              | false          |
        | fee                              | 22_500         |
        | agent_fee_total                  | 90_000         |
        | annual_remuneration              | 1_200_000      |
        | player_remuneration_total        | 3_600_000      |
        | agent_fees_paid_to_date          | 22_500         |
        | player_remuneration_paid_to_date | 900_000        |
        | agent_licensed                   | true           |
        | account_holder_id                | CO-AGENCY-HOLD |
        | account_country                  | FR             |
        | paid_on                          | 2025-10-01     |
      Then the flag "SOC-05" fires
      And the explanation of "SOC-05" mentions "into an account held by CO-AGENCY-HOLD"

  Rule: SOC-46 agent fees are paid to the agent's or the client's country, never to a secrecy jurisdiction

    Scenario: A releasing club pays its agent into an account in the British Virgin Islands
      When a "agent_payment" event is evaluated with:
        | agent_id              | AG-0064        |
        | agent_country         | PT             |
        | transfer_id           | TR-2025-0211   |
        | client_role           | releasing_club |
        | client_id             | CLB-ELV        |
        | client_country        | PT             |
        | payer_id              | CLB-ELV        |
        | pay_on_behalf_consent | false          |
        | dual_representation   | false          |
        | fee                   | 150_000        |
        | agent_fee_total       | 150_000        |
        | transfer_compensation | 2_500_000      |
        | agent_licensed        | true           |
        | account_holder_id     | AG-0064        |
        | account_country       | VG             |
        | paid_on               | 2025-08-02     |
      Then the flag "SOC-46" fires
      And the explanation of "SOC-46" mentions "into an account in VG"

    Scenario: A Spanish agent paid by a Portuguese club into his Spanish account is not flagged
      When a "agent_payment" event is evaluated with:
        | agent_id              | AG-0065        |
        | agent_country         | ES             |
        | client_role           | releasing_club |
        | client_id             | CLB-ELV        |
        | client_country        | PT             |
        | payer_id              | CLB-ELV        |
        | pay_on_behalf_consent | false          |
        | dual_representation   | false          |
        | fee                   | 150_000        |
        | agent_fee_total       | 150_000        |
        | transfer_compensation | 2_500_000      |
        | agent_licensed        | true           |
        | account_holder_id     | AG-0065        |
        | account_country       | ES             |
        | paid_on               | 2025-08-02     |
      Then the flag "SOC-46" does not fire
      And no flag fires

    Scenario: A Spanish agent paid into an account in the client's country is not flagged
      When a "agent_payment" event is evaluated with:
        | agent_id              | AG-0065        |
        | agent_country         | ES             |
        | client_role           | releasing_club |
        | client_id             | CLB-ELV        |
        | client_country        | PT             |
        | payer_id              | CLB-ELV        |
        | pay_on_behalf_consent | false          |
        | fee                   | 150_000        |
        | agent_fee_total       | 150_000        |
        | transfer_compensation | 2_500_000      |
        | agent_licensed        | true           |
        | account_holder_id     | AG-0065        |
        | account_country       | PT             |
        | paid_on               | 2025-08-02     |
      Then the flag "SOC-46" does not fire

    Scenario: A Portuguese agent paid into a Swiss account for a Portuguese client is flagged
      When a "agent_payment" event is evaluated with:
        | agent_id              | AG-0066        |
        | agent_country         | PT             |
        | client_role           | releasing_club |
        | client_id             | CLB-ELV        |
        | client_country        | PT             |
        | payer_id              | CLB-ELV        |
        | pay_on_behalf_consent | false          |
        | fee                   | 150_000        |
        | agent_fee_total       | 150_000        |
        | transfer_compensation | 2_500_000      |
        | agent_licensed        | true           |
        | account_holder_id     | AG-0066        |
        | account_country       | CH             |
        | paid_on               | 2025-08-02     |
      Then the flag "SOC-46" fires
