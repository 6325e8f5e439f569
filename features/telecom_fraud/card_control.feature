@telecom_fraud
Feature: Card control: IoT cards, dormant cards and second verification
  Operators must keep cards to the use they were sold for (ATOFL art. 12 for IoT cards), look again
  at dormant cards and cards used in fraud-hotspot areas, and suspend cards whose holder does not
  pass an in-person second verification within 24 hours (ATOFL art. 11, MIIT–MPS notice).

  Background:
    Given the "telecom_fraud" ruleset

  Rule: TEL-09 an IoT card stays within its declared device, region and services

    Scenario: A data-only IoT card sits in a smartphone and makes calls and sends SMS
      When a "daily_usage" event is evaluated with:
        | field                     | value                |
        | msisdn                    | +8614400000041       |
        | card_type                 | iot                  |
        | device_class              | smartphone           |
        | calls_out                 | 64                   |
        | calls_in                  | 2                    |
        | sms_out                   | 30                   |
        | region                    | YN                   |
        | iot_data_only             | true                 |
        | iot_declared_device_class | module               |
        | iot_declared_region       | JS                   |
        | period_end                | 2025-07-10T23:59:59Z |
      Then the flag "TEL-09" fires
      And the explanation of "TEL-09" mentions "was used in a smartphone in YN"

    Scenario: A smart-meter card that only moves data, in its module and region, is in order
      When a "daily_usage" event is evaluated with:
        | field                     | value                |
        | msisdn                    | +8614400000042       |
        | card_type                 | iot                  |
        | device_class              | module               |
        | calls_out                 | 0                    |
        | calls_in                  | 0                    |
        | sms_out                   | 0                    |
        | data_mb                   | 3.2                  |
        | region                    | JS                   |
        | iot_data_only             | true                 |
        | iot_declared_device_class | module               |
        | iot_declared_region       | JS                   |
        | period_end                | 2025-07-10T23:59:59Z |
      Then the flag "TEL-09" does not fire
      And no flag fires

    Scenario: A data-only IoT card used in a province other than the declared one
      When a "daily_usage" event is evaluated with:
        | field                     | value                |
        | msisdn                    | +8614400000043       |
        | card_type                 | iot                  |
        | device_class              | module               |
        | calls_out                 | 0                    |
        | calls_in                  | 0                    |
        | sms_out                   | 0                    |
        | region                    | YN                   |
        | iot_data_only             | true                 |
        | iot_declared_device_class | module               |
        | iot_declared_region       | JS                   |
        | period_end                | 2025-07-10T23:59:59Z |
      Then the flag "TEL-09" fires

    Scenario: An ordinary consumer card is not judged as an IoT card
      When a "daily_usage" event is evaluated with:
        | field        | value                |
        | msisdn       | +8613800000044       |
        | card_type    | consumer             |
        | device_class | smartphone           |
        | calls_out    | 12                   |
        | calls_in     | 9                    |
        | sms_out      | 3                    |
        | region       | GD                   |
        | period_end   | 2025-07-10T23:59:59Z |
      Then the flag "TEL-09" does not fire

  Rule: TEL-10 a dormant card that wakes up for bulk calling, or a card used in a fraud-hotspot area, is re-verified

    Scenario: A card silent for 113 days makes 148 calls in a day
      When a "daily_usage" event is evaluated with:
        | field            | value                |
        | msisdn           | +8613600000051       |
        | last_activity_on | 2025-03-20           |
        | calls_out        | 148                  |
        | roaming_country  | CN                   |
        | period_end       | 2025-07-10T23:59:59Z |
      Then the flag "TEL-10" fires
      And the explanation of "TEL-10" mentions "after 113 days without activity"

    Scenario: Exactly 90 days of silence makes a card dormant
      When a "daily_usage" event is evaluated with:
        | field            | value                |
        | msisdn           | +8613600000052       |
        | last_activity_on | 2025-04-11           |
        | calls_out        | 51                   |
        | roaming_country  | CN                   |
        | period_end       | 2025-07-10T00:00:00Z |
      Then the flag "TEL-10" fires

    Scenario: 89 days of silence is not yet dormancy
      When a "daily_usage" event is evaluated with:
        | field            | value                |
        | msisdn           | +8613600000053       |
        | last_activity_on | 2025-04-12           |
        | calls_out        | 148                  |
        | roaming_country  | CN                   |
        | period_end       | 2025-07-10T00:00:00Z |
      Then the flag "TEL-10" does not fire

    Scenario: A revived card making exactly 50 calls is not bulk calling
      When a "daily_usage" event is evaluated with:
        | field            | value                |
        | msisdn           | +8613600000054       |
        | last_activity_on | 2025-03-20           |
        | calls_out        | 50                   |
        | roaming_country  | CN                   |
        | period_end       | 2025-07-10T23:59:59Z |
      Then the flag "TEL-10" does not fire

    Scenario: A card used while roaming in Cambodia
      When a "daily_usage" event is evaluated with:
        | field            | value                |
        | msisdn           | +8613600000055       |
        | last_activity_on | 2025-07-09           |
        | calls_out        | 22                   |
        | roaming_country  | KH                   |
        | period_end       | 2025-07-10T23:59:59Z |
      Then the flag "TEL-10" fires

    Scenario: A card used while on holiday in Thailand is not in a hotspot area
      When a "daily_usage" event is evaluated with:
        | field            | value                |
        | msisdn           | +8613600000056       |
        | last_activity_on | 2025-07-09           |
        | calls_out        | 22                   |
        | roaming_country  | TH                   |
        | period_end       | 2025-07-10T23:59:59Z |
      Then the flag "TEL-10" does not fire

  Rule: TEL-11 a card whose holder fails or misses the second verification within 24 hours is suspended (hard rule)

    Scenario: The holder did not come for the second verification
      When a "reverification" event is evaluated with:
        | field       | value                |
        | msisdn      | +8613800000061       |
        | national_id | NID-5101006100       |
        | trigger     | one_id_many_cards    |
        | required_at | 2025-07-10T09:00:00Z |
        | verified_at | <missing>            |
        | outcome     | no_show              |
        | closed_at   | 2025-07-11T09:00:00Z |
      Then the flag "TEL-11" fires
      And the band is "critical"
      And the explanation of "TEL-11" mentions "must be restricted or suspended"

    Scenario: Verified in person 30 hours after the demand is too late
      When a "reverification" event is evaluated with:
        | field       | value                |
        | msisdn      | +8613800000062       |
        | trigger     | warning_model        |
        | required_at | 2025-07-10T09:00:00Z |
        | verified_at | 2025-07-11T15:00:00Z |
        | outcome     | passed               |
        | closed_at   | 2025-07-11T15:00:00Z |
      Then the flag "TEL-11" fires
      And the band is "critical"

    Scenario: Verified in person exactly 24 hours after the demand is in time
      When a "reverification" event is evaluated with:
        | field       | value                |
        | msisdn      | +8613800000063       |
        | trigger     | dormant              |
        | required_at | 2025-07-10T09:00:00Z |
        | verified_at | 2025-07-11T09:00:00Z |
        | outcome     | passed               |
        | closed_at   | 2025-07-11T09:00:00Z |
      Then the flag "TEL-11" does not fire
      And the band is "low"

    Scenario: A failed verification is flagged however quickly it happened
      When a "reverification" event is evaluated with:
        | field       | value                |
        | msisdn      | +8613800000064       |
        | trigger     | fraud_linked         |
        | required_at | 2025-07-10T09:00:00Z |
        | verified_at | 2025-07-10T11:00:00Z |
        | outcome     | failed               |
        | closed_at   | 2025-07-10T11:00:00Z |
      Then the flag "TEL-11" fires
