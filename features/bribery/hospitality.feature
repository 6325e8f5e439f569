@bribery
Feature: Gifts and hospitality to officials
  Reasonable hospitality is allowed; hospitality that is frequent or lavish can be a bribe (UK
  Bribery Act guidance, paras. 26-32). The company policy allows at most 4 gifts or invitations to
  one official in 12 months, worth at most 1,000 in total.

  Background:
    Given the "bribery" ruleset

  Rule: BRI-11 more than 4 items, or more than 1,000, to one official in 12 months is reviewed

    Scenario: A fifth dinner in a year for the rail company's procurement director
      Given these earlier events:
        | kind        | recipient_id | recipient_name | recipient_is_official | recipient_role       | recipient_organisation | giver_id | hospitality_type | amount | given_on   |
        | hospitality | OF-6001      | P. Novak       | true                  | procurement_director | State Rail Company     | CO-01    | dinner           | 180    | 2025-01-14 |
        | hospitality | OF-6001      | P. Novak       | true                  | procurement_director | State Rail Company     | CO-01    | event_tickets    | 240    | 2025-03-02 |
        | hospitality | OF-6001      | P. Novak       | true                  | procurement_director | State Rail Company     | CO-01    | dinner           | 150    | 2025-04-22 |
        | hospitality | OF-6001      | P. Novak       | true                  | procurement_director | State Rail Company     | CO-01    | gift             | 90     | 2025-06-30 |
      When a "hospitality" event is evaluated with:
        | recipient_id           | OF-6001              |
        | recipient_name         | P. Novak             |
        | recipient_is_official  | true                 |
        | recipient_role         | procurement_director |
        | recipient_organisation | State Rail Company   |
        | giver_id               | CO-01                |
        | hospitality_type       | dinner               |
        | amount                 | 160                  |
        | given_on               | 2025-09-09           |
      Then the flag "BRI-11" fires
      And the explanation of "BRI-11" mentions "has received 5 gifts or hospitality worth 820 in 12 months"
      And the score is 10
      And the band is "low"

    Scenario: A fourth invitation in a year is within policy
      Given these earlier events:
        | kind        | recipient_id | recipient_is_official | amount | given_on   |
        | hospitality | OF-6001      | true                  | 180    | 2025-01-14 |
        | hospitality | OF-6001      | true                  | 240    | 2025-03-02 |
        | hospitality | OF-6001      | true                  | 150    | 2025-04-22 |
      When a "hospitality" event is evaluated with:
        | recipient_id          | OF-6001    |
        | recipient_is_official | true       |
        | hospitality_type      | dinner     |
        | amount                | 160        |
        | given_on              | 2025-09-09 |
      Then the flag "BRI-11" does not fire

    Scenario: Two invitations worth exactly 1,000 together are within policy
      Given these earlier events:
        | kind        | recipient_id | recipient_is_official | amount | given_on   |
        | hospitality | OF-6002      | true                  | 620    | 2025-01-17 |
      When a "hospitality" event is evaluated with:
        | recipient_id          | OF-6002      |
        | recipient_is_official | true         |
        | hospitality_type      | event_tickets |
        | amount                | 380          |
        | given_on              | 2025-05-23   |
      Then the flag "BRI-11" does not fire

    Scenario: A ski weekend and cup-final tickets for the head of tenders exceed the annual cap
      Given these earlier events:
        | kind        | recipient_id | recipient_name | recipient_is_official | recipient_role | recipient_organisation | giver_id | hospitality_type | amount | given_on   |
        | hospitality | OF-6002      | D. Horvat      | true                  | head_of_tenders | Regional Health Trust | CO-01    | ski weekend      | 620    | 2025-01-17 |
      When a "hospitality" event is evaluated with:
        | recipient_id           | OF-6002                |
        | recipient_name         | D. Horvat              |
        | recipient_is_official  | true                   |
        | recipient_role         | head_of_tenders        |
        | recipient_organisation | Regional Health Trust  |
        | giver_id               | CO-01                  |
        | hospitality_type       | football final tickets |
        | amount                 | 540                    |
        | given_on               | 2025-05-23             |
      Then the flag "BRI-11" fires

    Scenario: Hospitality older than 12 months no longer counts
      Given these earlier events:
        | kind        | recipient_id | recipient_is_official | amount | given_on   |
        | hospitality | OF-6002      | true                  | 620    | 2024-05-22 |
      When a "hospitality" event is evaluated with:
        | recipient_id          | OF-6002      |
        | recipient_is_official | true         |
        | hospitality_type      | event_tickets |
        | amount                | 540          |
        | given_on              | 2025-05-23   |
      Then the flag "BRI-11" does not fire

    Scenario: A company with a stricter policy flags the fourth invitation
      Given the parameter "hospitality_max_per_year" is 3
      And these earlier events:
        | kind        | recipient_id | recipient_is_official | amount | given_on   |
        | hospitality | OF-6001      | true                  | 180    | 2025-01-14 |
        | hospitality | OF-6001      | true                  | 240    | 2025-03-02 |
        | hospitality | OF-6001      | true                  | 150    | 2025-04-22 |
      When a "hospitality" event is evaluated with:
        | recipient_id          | OF-6001    |
        | recipient_is_official | true       |
        | hospitality_type      | dinner     |
        | amount                | 160        |
        | given_on              | 2025-09-09 |
      Then the flag "BRI-11" fires

    Scenario: Hospitality to a private customer's engineer is outside this rule
      Given these earlier events:
        | kind        | recipient_id | recipient_is_official | amount | given_on   |
        | hospitality | IND-0007     | false                 | 300    | 2025-01-14 |
        | hospitality | IND-0007     | false                 | 300    | 2025-03-02 |
        | hospitality | IND-0007     | false                 | 300    | 2025-04-22 |
        | hospitality | IND-0007     | false                 | 300    | 2025-06-30 |
      When a "hospitality" event is evaluated with:
        | recipient_id          | IND-0007   |
        | recipient_is_official | false      |
        | hospitality_type      | dinner     |
        | amount                | 300        |
        | given_on              | 2025-09-09 |
      Then the flag "BRI-11" does not fire
