@soccer
Feature: Protection of minors
  International transfers of players under 18 are prohibited unless an art. 19 RSTP exception
  applies (parents moving for non-football reasons, a move within the EU/EEA between 16 and 18, or
  the 50 km border rule) and FIFA approved it. Agents may approach a minor no earlier than six
  months before the age at which he may sign a first professional contract, only with the legal
  guardian's written consent and after the minors training (FFAR art. 13). An unlawful international
  transfer of a minor is a hard rule: it forces the critical band.

  Background:
    Given the "soccer" ruleset

  Rule: SOC-15 a minor moves abroad only under an art. 19 exception approved by FIFA

    Scenario: A 16-year-old moves from Nigeria to Portugal with no exception
      When a "transfer" event is evaluated with:
        | transfer_id             | TR-2025-0290 |
        | player_id               | PL-12001     |
        | player_birth_date       | 2009-04-18   |
        | from_club               | CLB-OUT-NG1  |
        | to_club                 | CLB-PAR      |
        | from_country            | NG           |
        | to_country              | PT           |
        | international           | true         |
        | fee                     | 150_000      |
        | reference_value         | 150_000      |
        | payee_is_releasing_club | true         |
        | payee_account_country   | NG           |
        | associated_party        | false        |
        | art19_exception         | none         |
        | fifa_minor_approval     | false        |
        | agreed_on               | 2025-08-18   |
      Then the flag "SOC-15" fires
      And the explanation of "SOC-15" mentions "16.3 years old"
      And the band is "critical"

    Scenario: A 17-year-old moves within the EU under the 16-18 exception with FIFA approval
      When a "transfer" event is evaluated with:
        | transfer_id             | TR-2025-0291   |
        | player_id               | PL-12002       |
        | player_birth_date       | 2008-03-02     |
        | from_club               | CLB-OUT-ES1    |
        | to_club                 | CLB-PAR        |
        | from_country            | ES             |
        | to_country              | PT             |
        | international           | true           |
        | fee                     | 200_000        |
        | reference_value         | 200_000        |
        | payee_is_releasing_club | true           |
        | payee_account_country   | ES             |
        | associated_party        | false          |
        | art19_exception         | eu_eea_16_18   |
        | fifa_minor_approval     | true           |
        | agreed_on               | 2025-08-18     |
      Then the flag "SOC-15" does not fire
      And no flag fires

    Scenario: A player who turns 18 on the day of the transfer is no longer a minor
      When a "transfer" event is evaluated with:
        | transfer_id             | TR-2025-0292 |
        | player_id               | PL-12003     |
        | player_birth_date       | 2007-08-18   |
        | from_club               | CLB-OUT-NG1  |
        | to_club                 | CLB-PAR      |
        | from_country            | NG           |
        | to_country              | PT           |
        | international           | true         |
        | fee                     | 150_000      |
        | reference_value         | 150_000      |
        | payee_is_releasing_club | true         |
        | payee_account_country   | NG           |
        | associated_party        | false        |
        | agreed_on               | 2025-08-18   |
      Then the flag "SOC-15" does not fire

    Scenario: The EU exception does not cover a 15-year-old, even with approval
      When a "transfer" event is evaluated with:
        | transfer_id             | TR-2026-0013 |
        | player_id               | PL-12004     |
        | player_birth_date       | 2010-09-30   |
        | from_club               | CLB-OUT-ES3  |
        | to_club                 | CLB-PAR      |
        | from_country            | ES           |
        | to_country              | PT           |
        | international           | true         |
        | fee                     | 90_000       |
        | reference_value         | 90_000       |
        | payee_is_releasing_club | true         |
        | payee_account_country   | ES           |
        | associated_party        | false        |
        | art19_exception         | eu_eea_16_18 |
        | fifa_minor_approval     | true         |
        | agreed_on               | 2026-01-13   |
      Then the flag "SOC-15" fires

    Scenario: A 16-year-old moving between two Portuguese clubs is not an international transfer
      When a "transfer" event is evaluated with:
        | transfer_id             | TR-2025-0293 |
        | player_id               | PL-12005     |
        | player_birth_date       | 2009-04-18   |
        | from_club               | CLB-D3-02    |
        | to_club                 | CLB-PAR      |
        | from_country            | PT           |
        | to_country              | PT           |
        | international           | false        |
        | fee                     | 30_000       |
        | reference_value         | 30_000       |
        | payee_is_releasing_club | true         |
        | payee_account_country   | PT           |
        | associated_party        | false        |
        | agreed_on               | 2025-08-18   |
      Then the flag "SOC-15" does not fire

  Rule: SOC-16 agents approach minors only late enough, with the guardian's consent and after the minors training

    Scenario: An agent approached a 14-year-old more than a year before he could turn professional
      When a "representation_agreement" event is evaluated with:
        | agent_id                 | AG-0188    |
        | player_id                | PL-12040   |
        | player_birth_date        | 2010-03-01 |
        | first_contact_on         | 2025-02-10 |
        | first_pro_contract_age   | 16         |
        | guardian_written_consent | true       |
        | agent_minors_cpd         | true       |
        | signed_on                | 2025-09-01 |
      Then the flag "SOC-16" fires
      And the explanation of "SOC-16" mentions "after a first approach at 14.9"

    Scenario: An approach exactly six months before the first-contract age is allowed
      When a "representation_agreement" event is evaluated with:
        | agent_id                 | AG-0188    |
        | player_id                | PL-12041   |
        | player_birth_date        | 2010-03-01 |
        | first_contact_on         | 2025-09-01 |
        | first_pro_contract_age   | 16         |
        | guardian_written_consent | true       |
        | agent_minors_cpd         | true       |
        | signed_on                | 2025-11-03 |
      Then the flag "SOC-16" does not fire
      And no flag fires

    Scenario: An agreement with a 17-year-old without the guardian's written consent is flagged
      When a "representation_agreement" event is evaluated with:
        | agent_id                 | AG-0189    |
        | player_id                | PL-12042   |
        | player_birth_date        | 2008-05-10 |
        | first_contact_on         | 2025-10-01 |
        | first_pro_contract_age   | 16         |
        | guardian_written_consent | false      |
        | agent_minors_cpd         | true       |
        | signed_on                | 2025-11-12 |
      Then the flag "SOC-16" fires

    Scenario: An agent who has not completed the minors training may not sign a minor
      When a "representation_agreement" event is evaluated with:
        | agent_id                 | AG-0190    |
        | player_id                | PL-12043   |
        | player_birth_date        | 2009-01-15 |
        | first_contact_on         | 2025-12-01 |
        | first_pro_contract_age   | 16         |
        | guardian_written_consent | true       |
        | agent_minors_cpd         | false      |
        | signed_on                | 2026-02-18 |
      Then the flag "SOC-16" fires

    Scenario: An adult player signing with an agent raises no minors question
      When a "representation_agreement" event is evaluated with:
        | agent_id                 | AG-0191    |
        | player_id                | PL-12044   |
        | player_birth_date        | 2001-01-15 |
        | first_contact_on         | 2025-12-01 |
        | first_pro_contract_age   | 16         |
        | agent_minors_cpd         | false      |
        | signed_on                | 2026-02-18 |
      Then the flag "SOC-16" does not fire
      And the event is scored
