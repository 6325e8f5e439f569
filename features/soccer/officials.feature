@soccer
Feature: Payments to referees, officials and selectors
  Referees and association officials are paid by the association through official channels. A
  direct payment from a club, agent or player is a bribery red flag and a hard rule. The Chinese
  cases of 2022-2026 add three patterns: an official paid again and again by the same payer (Chen
  Xuyuan, 217 bribes over 13 years), a payment to the decision-maker before an appointment (Li Tie
  paid CFA secretary-general Liu Yi CNY 1m for the national-team post, also a hard rule), and
  payments around national-team call-ups.

  Background:
    Given the "soccer" ruleset

  Rule: SOC-35 clubs, agents and players pay referees and officials only through the official channels

    Scenario: A third-tier club hands a referee a cash gift
      When a "official_payment" event is evaluated with:
        | payer_id    | CLB-D3-06  |
        | payer_type  | club       |
        | payee_id    | REF-022    |
        | payee_role  | referee    |
        | channel     | cash       |
        | purpose     | gift       |
        | amount      | 20_000     |
        | paid_on     | 2025-11-20 |
      Then the flag "SOC-35" fires
      And the band is "critical"
      And the explanation of "SOC-35" mentions "CLB-D3-06 (a club) paid 20,000 to REF-022, a referee, by cash"

    Scenario: The association pays a referee's match fees through its clearing
      When a "official_payment" event is evaluated with:
        | payer_id    | ASSOC-FPF            |
        | payer_type  | association          |
        | payee_id    | REF-022              |
        | payee_role  | referee              |
        | channel     | association_clearing |
        | purpose     | match_fees           |
        | amount      | 6_500                |
        | paid_on     | 2025-11-30           |
      Then the flag "SOC-35" does not fire
      And no flag fires

    Scenario: A club refunds a referee's travel through the association clearing
      When a "official_payment" event is evaluated with:
        | payer_id    | CLB-ARD              |
        | payer_type  | club                 |
        | payee_id    | REF-003              |
        | payee_role  | referee              |
        | channel     | association_clearing |
        | purpose     | travel_expenses      |
        | amount      | 450                  |
        | paid_on     | 2025-07-20           |
      Then the flag "SOC-35" does not fire
      And no flag fires

  Rule: SOC-45 one payer does not pay the same official three times in twelve months

    Scenario: A construction company pays an association official a third consultancy fee
      Given these earlier events:
        | kind             | payer_id    | payer_type | payee_id   | payee_role           | channel              | purpose     | amount | paid_on    |
        | official_payment | CO-BUILD-17 | company    | OFF-FPF-03 | association_official | association_clearing | consultancy | 50_000 | 2025-07-10 |
        | official_payment | CO-BUILD-17 | company    | OFF-FPF-03 | association_official | association_clearing | consultancy | 50_000 | 2025-10-10 |
      When a "official_payment" event is evaluated with:
        | payer_id    | CO-BUILD-17          |
        | payer_type  | company              |
        | payee_id    | OFF-FPF-03           |
        | payee_role  | association_official |
        | channel     | association_clearing |
        | purpose     | consultancy          |
        | amount      | 50_000               |
        | paid_on     | 2026-01-10           |
      Then the flag "SOC-45" fires
      And the flag "SOC-35" does not fire
      And the explanation of "SOC-45" mentions "has made 3 payments totalling 150,000"

    Scenario: A second payment in twelve months is not yet a pattern
      Given these earlier events:
        | kind             | payer_id    | payer_type | payee_id   | payee_role           | channel              | purpose     | amount | paid_on    |
        | official_payment | CO-BUILD-18 | company    | OFF-FPF-03 | association_official | association_clearing | consultancy | 50_000 | 2025-07-10 |
      When a "official_payment" event is evaluated with:
        | payer_id    | CO-BUILD-18          |
        | payer_type  | company              |
        | payee_id    | OFF-FPF-03           |
        | payee_role  | association_official |
        | channel     | association_clearing |
        | purpose     | consultancy          |
        | amount      | 50_000               |
        | paid_on     | 2026-01-10           |
      Then the flag "SOC-45" does not fire
      And no flag fires

    Scenario: A payment more than twelve months ago no longer counts
      Given these earlier events:
        | kind             | payer_id    | payer_type | payee_id   | payee_role           | channel              | purpose     | amount | paid_on    |
        | official_payment | CO-BUILD-19 | company    | OFF-FPF-03 | association_official | association_clearing | consultancy | 50_000 | 2025-01-09 |
        | official_payment | CO-BUILD-19 | company    | OFF-FPF-03 | association_official | association_clearing | consultancy | 50_000 | 2025-10-10 |
      When a "official_payment" event is evaluated with:
        | payer_id    | CO-BUILD-19          |
        | payer_type  | company              |
        | payee_id    | OFF-FPF-03           |
        | payee_role  | association_official |
        | channel     | association_clearing |
        | purpose     | consultancy          |
        | amount      | 50_000               |
        | paid_on     | 2026-01-10           |
      Then the flag "SOC-45" does not fire

    Scenario: The association's own monthly fees are not a payer pattern
      Given these earlier events:
        | kind             | payer_id  | payer_type  | payee_id | payee_role | channel              | purpose    | amount | paid_on    |
        | official_payment | ASSOC-FPF | association | REF-022  | referee    | association_clearing | match_fees | 6_000  | 2025-10-31 |
        | official_payment | ASSOC-FPF | association | REF-022  | referee    | association_clearing | match_fees | 6_500  | 2025-11-30 |
      When a "official_payment" event is evaluated with:
        | payer_id    | ASSOC-FPF            |
        | payer_type  | association          |
        | payee_id    | REF-022              |
        | payee_role  | referee              |
        | channel     | association_clearing |
        | purpose     | match_fees           |
        | amount      | 7_000                |
        | paid_on     | 2025-12-31           |
      Then the flag "SOC-45" does not fire

  Rule: SOC-37 the decision-maker received no payment from the candidate or his club in the year before an appointment

    Scenario: A coach is appointed national-team head coach 88 days after paying the deciding official
      Given these earlier events:
        | kind             | payer_id       | payer_type | payee_id   | payee_role           | channel       | purpose     | amount  | paid_on    |
        | official_payment | CO-LT-ADVISORY | coach      | OFF-CFA-01 | association_official | bank_transfer | consultancy | 130_000 | 2025-09-05 |
      When a "appointment" event is evaluated with:
        | appointee_id      | CO-LT-ADVISORY           |
        | appointee_club_id | CLB-NOR                  |
        | decision_maker_id | OFF-CFA-01               |
        | position          | national_team_head_coach |
        | appointed_on      | 2025-12-02               |
      Then the flag "SOC-37" fires
      And the band is "critical"
      And the explanation of "SOC-37" mentions "Days since the latest payment from the candidate: 88"

    Scenario: The candidate's club paid the official before the appointment
      Given these earlier events:
        | kind             | payer_id  | payer_type | payee_id   | payee_role           | channel       | purpose     | amount  | paid_on    |
        | official_payment | CLB-D3-05 | club       | OFF-FPF-07 | association_official | bank_transfer | consultancy | 120_000 | 2025-10-01 |
      When a "appointment" event is evaluated with:
        | appointee_id      | COACH-102              |
        | appointee_club_id | CLB-D3-05              |
        | decision_maker_id | OFF-FPF-07             |
        | position          | selection_panel_member |
        | appointed_on      | 2026-02-10             |
      Then the flag "SOC-37" fires

    Scenario: A payment 366 days before the appointment is outside the look-back
      Given these earlier events:
        | kind             | payer_id  | payer_type | payee_id   | payee_role           | channel       | purpose     | amount  | paid_on    |
        | official_payment | COACH-104 | coach      | OFF-FPF-06 | association_official | bank_transfer | consultancy | 100_000 | 2025-01-15 |
      When a "appointment" event is evaluated with:
        | appointee_id      | COACH-104      |
        | appointee_club_id | CLB-ARD        |
        | decision_maker_id | OFF-FPF-06     |
        | position          | u21_head_coach |
        | appointed_on      | 2026-01-16     |
      Then the flag "SOC-37" does not fire
      And no flag fires

    Scenario: An appointment by an official who was paid only his association salary is not flagged
      Given these earlier events:
        | kind             | payer_id  | payer_type  | payee_id   | payee_role           | channel              | purpose | amount | paid_on    |
        | official_payment | ASSOC-FPF | association | OFF-FPF-01 | association_official | association_clearing | salary  | 75_000 | 2025-09-30 |
      When a "appointment" event is evaluated with:
        | appointee_id      | COACH-001      |
        | appointee_club_id | CLB-KEL        |
        | decision_maker_id | OFF-FPF-01     |
        | position          | u19_head_coach |
        | appointed_on      | 2025-12-01     |
      Then the flag "SOC-37" does not fire

  Rule: SOC-38 a player is not called up within 180 days of a payment to the selector by him, his club or his agent

    Scenario: A player is called up 12 days after his club paid the national coach
      Given these earlier events:
        | kind             | payer_id | payer_type | payee_id | payee_role          | channel       | purpose     | amount  | paid_on    |
        | official_payment | CLB-GRN  | club       | NTC-01   | national_team_coach | bank_transfer | consultancy | 250_000 | 2025-08-20 |
      When a "squad_selection" event is evaluated with:
        | player_id       | PL-10222   |
        | player_club_id  | CLB-GRN    |
        | player_agent_id | AG-0042    |
        | selector_id     | NTC-01     |
        | announced_on    | 2025-09-01 |
      Then the flag "SOC-38" fires
      And the explanation of "SOC-38" mentions "from his club: 12"

    Scenario: The player's agent paid the coach 180 days before the call-up
      Given these earlier events:
        | kind             | payer_id | payer_type | payee_id | payee_role          | channel       | purpose     | amount  | paid_on    |
        | official_payment | AG-0043  | agent      | NTC-01   | national_team_coach | bank_transfer | consultancy | 90_000  | 2025-05-14 |
      When a "squad_selection" event is evaluated with:
        | player_id       | PL-10223   |
        | player_club_id  | CLB-FAL    |
        | player_agent_id | AG-0043    |
        | selector_id     | NTC-01     |
        | announced_on    | 2025-11-10 |
      Then the flag "SOC-38" fires

    Scenario: A payment 181 days before the call-up is outside the look-back
      Given these earlier events:
        | kind             | payer_id | payer_type | payee_id | payee_role          | channel       | purpose     | amount  | paid_on    |
        | official_payment | AG-0044  | agent      | NTC-01   | national_team_coach | bank_transfer | consultancy | 90_000  | 2025-05-13 |
      When a "squad_selection" event is evaluated with:
        | player_id       | PL-10224   |
        | player_club_id  | CLB-FAL    |
        | player_agent_id | AG-0044    |
        | selector_id     | NTC-01     |
        | announced_on    | 2025-11-10 |
      Then the flag "SOC-38" does not fire
      And no flag fires

    Scenario: A call-up with no payment to the coach is not flagged
      When a "squad_selection" event is evaluated with:
        | player_id       | PL-10225   |
        | player_club_id  | CLB-IRN    |
        | player_agent_id | AG-0045    |
        | selector_id     | NTC-01     |
        | announced_on    | 2025-11-10 |
      Then the flag "SOC-38" does not fire
