@soccer
Feature: Salary-cap circumvention and image rights
  Where a league caps salaries (the CFA caps of December 2020: CNY 5m a year for a domestic player,
  EUR 3m for a foreign one; EUR 650,000 is the domestic cap converted for this ruleset), clubs have
  paid players through third-party companies to stay under the cap; the CFA punished four clubs for it
  in January 2026. Image-rights payments far out of proportion to the salary, or paid offshore, are
  the FATF's image-rights typology.

  Background:
    Given the "soccer" ruleset

  Rule: SOC-18 payments from entities linked to the club do not lift a capped player above the cap

    Scenario: A club-linked company's second consultancy payment lifts a domestic player above the cap
      Given these earlier events:
        | kind           | player_id | employer_club_id | payer_id     | payer_is_employer | payer_linked_to_club | payee_id  | payee_country | payment_type | amount  | annual_contract_salary | foreign_player | salary_cap_applies | paid_on    |
        | player_payment | PL-14001  | CLB-ARD          | CO-ARD-MEDIA | false             | true                 | CO-PL14001 | PT           | consultancy  | 150_000 | 550_000                | false          | true               | 2025-09-15 |
      When a "player_payment" event is evaluated with:
        | player_id              | PL-14001     |
        | employer_club_id       | CLB-ARD      |
        | payer_id               | CO-ARD-MEDIA |
        | payer_is_employer      | false        |
        | payer_linked_to_club   | true         |
        | payee_id               | CO-PL14001   |
        | payee_country          | PT           |
        | payment_type           | consultancy  |
        | amount                 | 150_000      |
        | annual_contract_salary | 550_000      |
        | foreign_player         | false        |
        | salary_cap_applies     | true         |
        | paid_on                | 2025-12-15   |
      Then the flag "SOC-18" fires
      And the explanation of "SOC-18" mentions "With 300,000 of such payments in 12 months"
      And the band is "medium"

    Scenario: Side payments that bring the player exactly to the cap are not flagged
      Given these earlier events:
        | kind           | player_id | employer_club_id | payer_id     | payer_is_employer | payer_linked_to_club | payee_id   | payee_country | payment_type | amount | annual_contract_salary | foreign_player | salary_cap_applies | paid_on    |
        | player_payment | PL-14002  | CLB-ARD          | CO-ARD-MEDIA | false             | true                 | CO-PL14002 | PT            | consultancy  | 50_000 | 550_000                | false          | true               | 2025-09-15 |
      When a "player_payment" event is evaluated with:
        | player_id              | PL-14002     |
        | employer_club_id       | CLB-ARD      |
        | payer_id               | CO-ARD-MEDIA |
        | payer_is_employer      | false        |
        | payer_linked_to_club   | true         |
        | payee_id               | CO-PL14002   |
        | payee_country          | PT           |
        | payment_type           | consultancy  |
        | amount                 | 50_000       |
        | annual_contract_salary | 550_000      |
        | foreign_player         | false        |
        | salary_cap_applies     | true         |
        | paid_on                | 2025-12-15   |
      Then the flag "SOC-18" does not fire
      And no flag fires

    Scenario: A foreign player's cap is EUR 3 million
      When a "player_payment" event is evaluated with:
        | player_id              | PL-14003       |
        | employer_club_id       | CLB-IRN        |
        | payer_id               | CO-IRN-TRADING |
        | payer_is_employer      | false          |
        | payer_linked_to_club   | true           |
        | payee_id               | CO-PL14003     |
        | payee_country          | PT             |
        | payment_type           | consultancy    |
        | amount                 | 300_000        |
        | annual_contract_salary | 2_800_000      |
        | foreign_player         | true           |
        | salary_cap_applies     | true           |
        | paid_on                | 2025-12-15     |
      Then the flag "SOC-18" fires

    Scenario: A bonus from the employing club itself is not a side payment
      When a "player_payment" event is evaluated with:
        | player_id              | PL-14004   |
        | employer_club_id       | CLB-ARD    |
        | payer_id               | CLB-ARD    |
        | payer_is_employer      | true       |
        | payer_linked_to_club   | true       |
        | payee_id               | PL-14004   |
        | payee_country          | PT         |
        | payment_type           | bonus      |
        | amount                 | 200_000    |
        | annual_contract_salary | 600_000    |
        | foreign_player         | false      |
        | salary_cap_applies     | true       |
        | paid_on                | 2025-12-15 |
      Then the flag "SOC-18" does not fire

    Scenario: In a league without a salary cap a sponsor's payment is not a cap question
      When a "player_payment" event is evaluated with:
        | player_id              | PL-14005       |
        | employer_club_id       | CLB-D3-03      |
        | payer_id               | CO-D3-03-MEDIA |
        | payer_is_employer      | false          |
        | payer_linked_to_club   | true           |
        | payee_id               | PL-14005       |
        | payee_country          | PT             |
        | payment_type           | ambassador_fee |
        | amount                 | 700_000        |
        | annual_contract_salary | 80_000         |
        | foreign_player         | false          |
        | salary_cap_applies     | false          |
        | paid_on                | 2025-12-15     |
      Then the flag "SOC-18" does not fire

  Rule: SOC-19 image-rights payments stay below a fifth of total pay and out of secrecy jurisdictions

    Scenario: Image rights are paid to a company in the Cayman Islands
      When a "player_payment" event is evaluated with:
        | player_id              | PL-14100     |
        | employer_club_id       | CLB-BRV      |
        | payer_id               | CLB-BRV      |
        | payer_is_employer      | true         |
        | payer_linked_to_club   | true         |
        | payee_id               | CO-IMG-14100 |
        | payee_country          | KY           |
        | payment_type           | image_rights |
        | amount                 | 30_000       |
        | annual_contract_salary | 600_000      |
        | foreign_player         | true         |
        | salary_cap_applies     | true         |
        | paid_on                | 2025-10-31   |
      Then the flag "SOC-19" fires
      And the explanation of "SOC-19" mentions "to CO-IMG-14100 in KY"

    Scenario: A third quarterly image-rights payment takes image rights above a fifth of total pay
      Given these earlier events:
        | kind           | player_id | employer_club_id | payer_id | payer_is_employer | payer_linked_to_club | payee_id     | payee_country | payment_type | amount | annual_contract_salary | foreign_player | salary_cap_applies | paid_on    |
        | player_payment | PL-14101  | CLB-NOR          | CLB-NOR  | true              | true                 | CO-IMG-14101 | PT            | image_rights | 50_000 | 400_000                | false          | true               | 2025-09-30 |
        | player_payment | PL-14101  | CLB-NOR          | CLB-NOR  | true              | true                 | CO-IMG-14101 | PT            | image_rights | 50_000 | 400_000                | false          | true               | 2025-12-31 |
      When a "player_payment" event is evaluated with:
        | player_id              | PL-14101     |
        | employer_club_id       | CLB-NOR      |
        | payer_id               | CLB-NOR      |
        | payer_is_employer      | true         |
        | payer_linked_to_club   | true         |
        | payee_id               | CO-IMG-14101 |
        | payee_country          | PT           |
        | payment_type           | image_rights |
        | amount                 | 50_000       |
        | annual_contract_salary | 400_000      |
        | foreign_player         | false        |
        | salary_cap_applies     | true         |
        | paid_on                | 2026-03-31   |
      Then the flag "SOC-19" fires
      And the explanation of "SOC-19" mentions "Image-rights payments of 150,000 over 12 months"

    Scenario: Image rights of exactly a fifth of total pay are not flagged
      Given these earlier events:
        | kind           | player_id | employer_club_id | payer_id | payer_is_employer | payer_linked_to_club | payee_id     | payee_country | payment_type | amount | annual_contract_salary | foreign_player | salary_cap_applies | paid_on    |
        | player_payment | PL-14102  | CLB-NOR          | CLB-NOR  | true              | true                 | CO-IMG-14102 | PT            | image_rights | 50_000 | 400_000                | false          | true               | 2025-09-30 |
      When a "player_payment" event is evaluated with:
        | player_id              | PL-14102     |
        | employer_club_id       | CLB-NOR      |
        | payer_id               | CLB-NOR      |
        | payer_is_employer      | true         |
        | payer_linked_to_club   | true         |
        | payee_id               | CO-IMG-14102 |
        | payee_country          | PT           |
        | payment_type           | image_rights |
        | amount                 | 50_000       |
        | annual_contract_salary | 400_000      |
        | foreign_player         | false        |
        | salary_cap_applies     | true         |
        | paid_on                | 2025-12-31   |
      Then the flag "SOC-19" does not fire
      And no flag fires
