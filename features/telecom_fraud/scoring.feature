@telecom_fraud
Feature: How telecom red flags add up to a score and a band
  Each flag adds its weight; flags of one typology together add at most 60, so that correlated
  signs of one scheme are not counted twice. Bands: low from 0, medium from 30, high from 60,
  critical from 80. A failed second verification (TEL-11) is a hard rule: the card is suspended and
  the assessment is critical whatever the score.

  Background:
    Given the "telecom_fraud" ruleset

  Scenario: A day-old card in a SIM box: two SIM-farm flags, capped at 60 together
    When a "daily_usage" event is evaluated with:
      | field              | value                |
      | msisdn             | +8613300000091       |
      | imei               | 861234050000091      |
      | device_class       | gsm_gateway          |
      | sim_activated_at   | 2025-07-09T20:00:00Z |
      | calls_out          | 320                  |
      | calls_in           | 2                    |
      | distinct_b_numbers | 305                  |
      | avg_call_seconds   | 19                   |
      | sms_out            | 0                    |
      | data_mb            | 0.0                  |
      | distinct_cells_7d  | 1                    |
      | roaming_country    | CN                   |
      | period_end         | 2025-07-10T23:59:59Z |
    Then the flag "TEL-04" fires
    And the flag "TEL-05" fires
    And the score is 60
    And the band is "high"

  Scenario: One rented-account flag of weight 30 alone reaches the medium band
    When an "account_login" event is evaluated with:
      | field                            | value                |
      | account_id                       | ACC-4201             |
      | national_id                      | NID-4301011200       |
      | device_fp                        | DEV-9a9a             |
      | ip                               | 103.4.77.20          |
      | km_from_holder_address           | 1200                 |
      | device_linked_to_flagged_account | false                |
      | holder_occupation                | new_graduate         |
      | login_at                         | 2025-07-10T22:10:00Z |
    Then the flag "TEL-16" fires
    And the score is 30
    And the band is "medium"

  Scenario: A missed second verification is critical even though its weight is only 30
    When a "reverification" event is evaluated with:
      | field       | value                |
      | msisdn      | +8613800000092       |
      | trigger     | hotspot              |
      | required_at | 2025-07-10T09:00:00Z |
      | outcome     | no_show              |
      | closed_at   | 2025-07-11T09:00:00Z |
    Then the flag "TEL-11" fires
    And the score is 30
    And the band is "critical"

  Scenario: An ordinary day on an ordinary phone raises nothing
    When a "daily_usage" event is evaluated with:
      | field              | value                |
      | msisdn             | +8613800000093       |
      | imsi               | 460000000000093      |
      | imei               | 353456100000093      |
      | device_class       | smartphone           |
      | card_type          | consumer             |
      | sim_activated_at   | 2022-03-01T10:00:00Z |
      | last_activity_on   | 2025-07-09           |
      | calls_out          | 14                   |
      | calls_in           | 11                   |
      | distinct_b_numbers | 9                    |
      | avg_call_seconds   | 143                  |
      | sms_out            | 3                    |
      | data_mb            | 812.4                |
      | distinct_cells_7d  | 23                   |
      | region             | GD                   |
      | roaming_country    | CN                   |
      | period_end         | 2025-07-10T23:59:59Z |
    Then no flag fires
    And the score is 0
    And the band is "low"

  Scenario: A payment with an amount written as text is rejected, not scored
    When an "account_txn" event is evaluated with:
      | field      | value                |
      | account_id | ACC-4301             |
      | direction  | debit                |
      | amount     | "45000"              |
      | booked_at  | 2025-07-10T12:30:00Z |
    Then the event is rejected
    And the rejection mentions "amount"
