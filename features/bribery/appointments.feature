@bribery
Feature: Buying an appointment or a promotion
  Paying the official who decides one's own appointment, promotion or transfer is an aggravated
  form of bribe-giving (PRC Criminal Law art. 390 as amended by Amendment XII). Li Tie paid the
  football association's secretary-general CNY 1 million to become national head coach. The flag
  is raised on the appointment record, from what the appointee paid or gave the decision-maker in
  the 12 months before; it is a hard rule that makes the assessment critical.

  Background:
    Given the "bribery" ruleset

  Rule: BRI-09 a payment to the decision-maker in the 12 months before one's appointment is flagged

    Scenario: A coach paid the secretary-general before being named head coach
      Given these earlier events:
        | kind    | payer_id | payer_name | payer_type | payee_id | payee_name | payee_is_official | payee_role           | payee_employer                | sector | key_project | purpose           | amount | paid_on    |
        | payment | PER-3001 | T. Li      | individual | OF-3101  | Y. Liu     | true              | association_official | National Football Association | sport  | false       | personal transfer | 150000 | 2024-11-05 |
      When an "appointment" event is evaluated with:
        | person_id           | PER-3001                      |
        | person_name         | T. Li                         |
        | organisation        | National Football Association |
        | position            | national team head coach      |
        | change_type         | appointment                   |
        | decision_maker_id   | OF-3101                       |
        | decision_maker_name | Y. Liu                        |
        | effective_on        | 2025-01-02                    |
      Then the flag "BRI-09" fires
      And the explanation of "BRI-09" mentions "had paid or given 150,000 in the 12 months before"
      And the score is 35
      And the band is "critical"

    Scenario: A luxury gift to the director-general before a promotion counts too
      Given these earlier events:
        | kind        | giver_id | recipient_id | recipient_name | recipient_is_official | recipient_role   | hospitality_type | amount | given_on   |
        | hospitality | PER-9002 | OF-D92       | G. Weber       | true                  | director_general | luxury watch     | 6800   | 2024-12-20 |
      When an "appointment" event is evaluated with:
        | person_id           | PER-9002              |
        | person_name         | H. Fischer            |
        | organisation        | Ministry of Transport |
        | position            | deputy director       |
        | change_type         | promotion             |
        | decision_maker_id   | OF-D92                |
        | decision_maker_name | G. Weber              |
        | effective_on        | 2025-03-01            |
      Then the flag "BRI-09" fires

    Scenario: A payment of 500 is de minimis and not flagged
      Given these earlier events:
        | kind    | payer_id | payee_id | payee_is_official | payee_role        | sector         | key_project | amount | paid_on    |
        | payment | PER-3002 | OF-3102  | true              | personnel_director | administration | false      | 500    | 2024-11-05 |
      When an "appointment" event is evaluated with:
        | person_id         | PER-3002        |
        | organisation      | Provincial Health Commission |
        | position          | division director |
        | change_type       | promotion       |
        | decision_maker_id | OF-3102         |
        | effective_on      | 2025-01-02      |
      Then the flag "BRI-09" does not fire

    Scenario: A payment 366 days before the appointment is outside the 12 months
      Given these earlier events:
        | kind    | payer_id | payee_id | payee_is_official | payee_role           | sector | key_project | amount | paid_on    |
        | payment | PER-3001 | OF-3101  | true              | association_official | sport  | false       | 150000 | 2024-01-02 |
      When an "appointment" event is evaluated with:
        | person_id         | PER-3001                 |
        | position          | national team head coach |
        | change_type       | appointment              |
        | decision_maker_id | OF-3101                  |
        | effective_on      | 2025-01-02               |
      Then the flag "BRI-09" does not fire

    Scenario: A payment 365 days before the appointment is inside the 12 months
      Given these earlier events:
        | kind    | payer_id | payee_id | payee_is_official | payee_role           | sector | key_project | amount | paid_on    |
        | payment | PER-3001 | OF-3101  | true              | association_official | sport  | false       | 150000 | 2024-01-03 |
      When an "appointment" event is evaluated with:
        | person_id         | PER-3001                 |
        | position          | national team head coach |
        | change_type       | appointment              |
        | decision_maker_id | OF-3101                  |
        | effective_on      | 2025-01-02               |
      Then the flag "BRI-09" fires

    Scenario: A payment to someone other than the decision-maker does not count
      Given these earlier events:
        | kind    | payer_id | payee_id | payee_is_official | payee_role           | sector | key_project | amount | paid_on    |
        | payment | PER-3001 | OF-3199  | true              | association_official | sport  | false       | 150000 | 2024-11-05 |
      When an "appointment" event is evaluated with:
        | person_id         | PER-3001                 |
        | position          | national team head coach |
        | change_type       | appointment              |
        | decision_maker_id | OF-3101                  |
        | effective_on      | 2025-01-02               |
      Then the flag "BRI-09" does not fire
      And no flag fires

    Scenario: A retirement is not a career move
      Given these earlier events:
        | kind    | payer_id | payee_id | payee_is_official | payee_role           | sector | key_project | amount | paid_on    |
        | payment | PER-3003 | OF-3101  | true              | association_official | sport  | false       | 20000  | 2024-11-05 |
      When an "appointment" event is evaluated with:
        | person_id         | PER-3003       |
        | position          | youth coach    |
        | change_type       | retirement     |
        | decision_maker_id | OF-3101        |
        | effective_on      | 2025-01-02     |
      Then the flag "BRI-09" does not fire
