@procurement
Feature: Contracts, amendments and payments
  After the award, the price can still move: a contract signed above the award, change orders that
  inflate it or push a direct award above the threshold, payments beyond the contract or before it
  exists.

  Background:
    Given the "procurement" ruleset

  Rule: PP36 a contract more than 20% above the award

    Scenario: Contract signed 27% above the award
      When a "contract" event is evaluated with:
        | ocid           | ocds-bdd-3601        |
        | contract_id    | C-1                  |
        | supplier_id    | S-3601               |
        | contract_value | 760000               |
        | award_value    | 600000               |
        | currency       | EUR                  |
        | date_signed    | 2025-03-20T10:00:00Z |
      Then the flag "PP36" fires
      And the explanation of "PP36" mentions "27% more than the award of 600,000"

    Scenario: Exactly 20% above
      When a "contract" event is evaluated with:
        | ocid           | ocds-bdd-3602        |
        | contract_id    | C-1                  |
        | contract_value | 1200000              |
        | award_value    | 1000000              |
        | date_signed    | 2025-03-20T10:00:00Z |
      Then the flag "PP36" does not fire

  Rule: PP37 a contract signed more than 60 days after the award

    Scenario: 108 days to sign
      When a "contract" event is evaluated with:
        | ocid        | ocds-bdd-3701        |
        | contract_id | C-1                  |
        | award_date  | 2025-01-10T10:00:00Z |
        | date_signed | 2025-04-28T10:00:00Z |
      Then the flag "PP37" fires

    Scenario: 60 days exactly
      When a "contract" event is evaluated with:
        | ocid        | ocds-bdd-3702        |
        | contract_id | C-1                  |
        | award_date  | 2025-01-10T10:00:00Z |
        | date_signed | 2025-03-11T10:00:00Z |
      Then the flag "PP37" does not fire

  Rule: PP40 a contract signed before its award

    Scenario: Signed ten days before the award
      When a "contract" event is evaluated with:
        | ocid        | ocds-bdd-4001        |
        | contract_id | C-1                  |
        | award_date  | 2025-05-12T10:00:00Z |
        | date_signed | 2025-05-02T10:00:00Z |
      Then the flag "PP40" fires

    Scenario: Signed the moment it was awarded
      When a "contract" event is evaluated with:
        | ocid        | ocds-bdd-4002        |
        | contract_id | C-1                  |
        | award_date  | 2025-05-12T10:00:00Z |
        | date_signed | 2025-05-12T10:00:00Z |
      Then the flag "PP40" does not fire

  Rule: PP41 an amendment taking the contract more than 20% above its original value

    Scenario: A change order to 134% of the original price
      When a "amendment" event is evaluated with:
        | ocid           | ocds-bdd-4101        |
        | contract_id    | C-1                  |
        | amendment_id   | AM-2                 |
        | original_value | 1000000              |
        | value_before   | 1150000              |
        | value_after    | 1340000              |
        | amended_on     | 2025-09-01T10:00:00Z |
      Then the flag "PP41" fires

    Scenario: Exactly 20% above the original
      When a "amendment" event is evaluated with:
        | ocid           | ocds-bdd-4102        |
        | contract_id    | C-1                  |
        | amendment_id   | AM-1                 |
        | original_value | 1000000              |
        | value_after    | 1200000              |
        | amended_on     | 2025-09-01T10:00:00Z |
      Then the flag "PP41" does not fire

  Rule: PP42 a non-competitive award pushed above the competitive threshold by amendments

    Scenario: A 120,000 direct award amended to 176,000
      When a "amendment" event is evaluated with:
        | ocid               | ocds-bdd-4201        |
        | contract_id        | C-1                  |
        | amendment_id       | AM-1                 |
        | procurement_method | direct               |
        | original_value     | 120000               |
        | value_after        | 176000               |
        | amended_on         | 2025-08-11T10:00:00Z |
      Then the flag "PP42" fires

    Scenario: Amended to just under the threshold
      When a "amendment" event is evaluated with:
        | ocid               | ocds-bdd-4202        |
        | contract_id        | C-1                  |
        | amendment_id       | AM-1                 |
        | procurement_method | direct               |
        | original_value     | 120000               |
        | value_after        | 142999               |
        | amended_on         | 2025-08-11T10:00:00Z |
      Then the flag "PP42" does not fire

  Rule: PP43 three amendments of one contract within a year

    Scenario: The third change of the delivery schedule in seven months
      Given these earlier events:
        | kind      | ocid          | contract_id | amendment_id | amended_on           |
        | amendment | ocds-bdd-4301 | C-4301      | AM-1         | 2025-02-01T10:00:00Z |
        | amendment | ocds-bdd-4301 | C-4301      | AM-2         | 2025-05-01T10:00:00Z |
      When a "amendment" event is evaluated with:
        | ocid         | ocds-bdd-4301        |
        | contract_id  | C-4301               |
        | amendment_id | AM-3                 |
        | amended_on   | 2025-09-01T10:00:00Z |
      Then the flag "PP43" fires

    Scenario: A second amendment
      Given these earlier events:
        | kind      | ocid          | contract_id | amendment_id | amended_on           |
        | amendment | ocds-bdd-4302 | C-4302      | AM-1         | 2025-02-01T10:00:00Z |
      When a "amendment" event is evaluated with:
        | ocid         | ocds-bdd-4302        |
        | contract_id  | C-4302               |
        | amendment_id | AM-2                 |
        | amended_on   | 2025-05-01T10:00:00Z |
      Then the flag "PP43" does not fire

  Rule: PP38 payments beyond the contract value plus 5%

    Scenario: A second instalment takes payments to 112% of the contract
      Given these earlier events:
        | kind    | ocid          | contract_id | transaction_id | amount | currency | contract_value | paid_on              |
        | payment | ocds-bdd-3801 | C-3801      | 1              | 300000 | EUR      | 500000         | 2025-03-01T10:00:00Z |
      When a "payment" event is evaluated with:
        | ocid           | ocds-bdd-3801        |
        | contract_id    | C-3801               |
        | transaction_id | 2                    |
        | amount         | 260000               |
        | currency       | EUR                  |
        | contract_value | 500000               |
        | paid_on        | 2025-06-01T10:00:00Z |
      Then the flag "PP38" fires
      And the explanation of "PP38" mentions "reach 560,000 EUR"

    Scenario: Payments of exactly the contract value plus 5%
      Given these earlier events:
        | kind    | ocid          | contract_id | transaction_id | amount | contract_value | paid_on              |
        | payment | ocds-bdd-3802 | C-3802      | 1              | 300000 | 500000         | 2025-03-01T10:00:00Z |
      When a "payment" event is evaluated with:
        | ocid           | ocds-bdd-3802        |
        | contract_id    | C-3802               |
        | transaction_id | 2                    |
        | amount         | 225000               |
        | contract_value | 500000               |
        | paid_on        | 2025-06-01T10:00:00Z |
      Then the flag "PP38" does not fire

  Rule: PP44 a payment before the contract is signed

    Scenario: An advance paid two weeks before signature
      When a "payment" event is evaluated with:
        | ocid            | ocds-bdd-4401        |
        | contract_id     | C-4401               |
        | transaction_id  | 1                    |
        | amount          | 45000                |
        | currency        | EUR                  |
        | contract_value  | 300000               |
        | contract_signed | 2025-04-15T10:00:00Z |
        | paid_on         | 2025-04-02T10:00:00Z |
      Then the flag "PP44" fires

    Scenario: Paid the moment the contract is signed
      When a "payment" event is evaluated with:
        | ocid            | ocds-bdd-4402        |
        | contract_id     | C-4402               |
        | transaction_id  | 1                    |
        | amount          | 45000                |
        | contract_signed | 2025-04-15T10:00:00Z |
        | paid_on         | 2025-04-15T10:00:00Z |
      Then the flag "PP44" does not fire
