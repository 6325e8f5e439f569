@bribery
Feature: Bribery between companies and insider self-dealing
  Bribing a customer's employee is a crime as much as bribing an official (PRC Criminal Law
  art. 164, UK Bribery Act s. 1). Since Amendment XII, insiders of private companies who give
  business to their relatives or sell company assets to them cheaply commit a crime too (arts. 166
  and 169).

  Background:
    Given the "bribery" ruleset

  Rule: BRI-12 a payment to the customer's buying decision-maker outside any contract is reviewed

    Scenario: A valve maker pays the customer's purchasing manager for "market research"
      When a "payment" event is evaluated with:
        | payer_id                   | CO-10              |
        | payer_name                 | Alpine Valves      |
        | payer_type                 | company            |
        | payee_id                   | IND-7001           |
        | payee_name                 | J. Keller          |
        | payee_is_official          | false              |
        | payee_role                 | purchasing_manager |
        | payee_employer             | Rhine Chemicals AG |
        | payee_employer_is_customer | true               |
        | payee_function             | purchasing         |
        | contract_in_place          | false              |
        | sector                     | chemicals          |
        | key_project                | false              |
        | purpose                    | market research    |
        | amount                     | 18000              |
        | paid_on                    | 2025-04-15         |
      Then the flag "BRI-12" fires
      And the explanation of "BRI-12" mentions "works in purchasing at its customer Rhine Chemicals AG"
      And the score is 25

    Scenario: Travel of the customer's inspector for a factory acceptance test under the contract
      When a "payment" event is evaluated with:
        | payer_id                   | CO-10              |
        | payee_id                   | IND-7002           |
        | payee_is_official          | false              |
        | payee_role                 | quality_inspector  |
        | payee_employer             | Rhine Chemicals AG |
        | payee_employer_is_customer | true               |
        | payee_function             | quality_acceptance |
        | contract_in_place          | true               |
        | purpose                    | travel for factory acceptance test |
        | amount                     | 1200               |
        | paid_on                    | 2025-04-15         |
      Then the flag "BRI-12" does not fire

    Scenario: A payment to a customer's maintenance technician does not reach a decision-maker
      When a "payment" event is evaluated with:
        | payer_id                   | CO-10              |
        | payee_id                   | IND-7003           |
        | payee_is_official          | false              |
        | payee_role                 | technician         |
        | payee_employer             | Rhine Chemicals AG |
        | payee_employer_is_customer | true               |
        | payee_function             | maintenance        |
        | contract_in_place          | false              |
        | amount                     | 300                |
        | paid_on                    | 2025-04-15         |
      Then the flag "BRI-12" does not fire

  Rule: BRI-13 an employee does not give business to, or sell cheaply to, a relative's company

    Scenario: A facility contract awarded to the approver's brother's company
      When a "company_deal" event is evaluated with:
        | approver_id                      | EMP-8001                        |
        | approver_name                    | D. Moreau                       |
        | company_id                       | CO-11                           |
        | deal_type                        | contract_award                  |
        | counterparty_id                  | VN-8101                         |
        | counterparty_name                | Moreau Facility Services        |
        | value                            | 420000                          |
        | valuation                        | 395000                          |
        | counterparty_related_to_approver | true                            |
        | relation                         | owned by the approver's brother |
        | decided_on                       | 2025-03-27                      |
      Then the flag "BRI-13" fires
      And the explanation of "BRI-13" mentions "owned by the approver's brother"

    Scenario: An award to a related company is flagged even without a cost estimate
      When a "company_deal" event is evaluated with:
        | approver_id                      | EMP-8001                 |
        | deal_type                        | contract_award           |
        | counterparty_id                  | VN-8101                  |
        | value                            | 420000                   |
        | valuation                        | <missing>                |
        | counterparty_related_to_approver | true                     |
        | decided_on                       | 2025-03-27               |
      Then the flag "BRI-13" fires

    Scenario: A building sold to the approver's son at half its valuation
      When a "company_deal" event is evaluated with:
        | approver_id                      | EMP-9003                      |
        | approver_name                    | A. Rossi                      |
        | deal_type                        | asset_sale                    |
        | counterparty_id                  | VN-9003                       |
        | counterparty_name                | Rossi Immobiliare             |
        | value                            | 900000                        |
        | valuation                        | 1800000                       |
        | counterparty_related_to_approver | true                          |
        | relation                         | owned by the approver's son   |
        | decided_on                       | 2025-02-03                    |
      Then the flag "BRI-13" fires

    Scenario: A sale to a relative at exactly 80% of the valuation is at the limit and not flagged
      When a "company_deal" event is evaluated with:
        | approver_id                      | EMP-9005         |
        | deal_type                        | asset_sale       |
        | counterparty_id                  | VN-9005          |
        | value                            | 800000           |
        | valuation                        | 1000000          |
        | counterparty_related_to_approver | true             |
        | relation                         | approver's spouse |
        | decided_on                       | 2025-02-03       |
      Then the flag "BRI-13" does not fire

    Scenario: A contract awarded to an unrelated supplier
      When a "company_deal" event is evaluated with:
        | approver_id                      | EMP-8002            |
        | deal_type                        | contract_award      |
        | counterparty_id                  | VN-0042             |
        | value                            | 420000              |
        | valuation                        | 410000              |
        | counterparty_related_to_approver | false               |
        | relation                         | none found          |
        | decided_on                       | 2025-03-27          |
      Then the flag "BRI-13" does not fire
      And no flag fires

    Scenario: A sale to a relative without a valuation cannot be judged
      When a "company_deal" event is evaluated with:
        | approver_id                      | EMP-9005         |
        | deal_type                        | share_sale       |
        | counterparty_id                  | VN-9006          |
        | value                            | 800000           |
        | counterparty_related_to_approver | true             |
        | decided_on                       | 2025-02-03       |
      Then the flag "BRI-13" is not evaluable because "valuation" is missing
