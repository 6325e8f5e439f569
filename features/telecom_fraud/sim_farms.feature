@telecom_fraud
Feature: SIM farms: phone cards obtained in bulk and used to run fraud calls
  Fraud call centres need many phone cards: they register them on borrowed or bought identities,
  through complicit outlets, and run them in SIM boxes that push hundreds of calls a day. The
  Anti-Telecom and Online Fraud Law (arts. 9, 10 and 14) makes operators answer for this.

  Background:
    Given the "telecom_fraud" ruleset

  Rule: TEL-01 no ID holds more phone cards than the national limit

    Scenario: A sixth card at the same operator is over the limit
      When a "sim_activation" event is evaluated with:
        | field                   | value                |
        | msisdn                  | +8613800138000       |
        | national_id             | NID-4403011985       |
        | operator                | CMCC                 |
        | dealer_id               | OUT-SZ-0142          |
        | channel                 | store                |
        | liveness_passed         | true                 |
        | sims_held_operator      | 6                    |
        | sims_held_all_operators | 9                    |
        | dealer_peer_p95_daily   | 14                   |
        | activated_at            | 2025-07-03T10:15:00Z |
      Then the flag "TEL-01" fires
      And the explanation of "TEL-01" mentions "holds 6 cards at CMCC"

    Scenario: Five cards at one operator and ten in all is exactly the limit
      When a "sim_activation" event is evaluated with:
        | field                   | value                |
        | msisdn                  | +8613800138001       |
        | national_id             | NID-4403011986       |
        | operator                | CMCC                 |
        | dealer_id               | OUT-SZ-0142          |
        | sims_held_operator      | 5                    |
        | sims_held_all_operators | 10                   |
        | dealer_peer_p95_daily   | 14                   |
        | activated_at            | 2025-07-03T10:20:00Z |
      Then the flag "TEL-01" does not fire

    Scenario: Few cards at each operator, but eleven across all operators
      When a "sim_activation" event is evaluated with:
        | field                   | value                |
        | msisdn                  | +8618912345678       |
        | national_id             | NID-3201057701       |
        | operator                | CTCC                 |
        | sims_held_operator      | 3                    |
        | sims_held_all_operators | 11                   |
        | activated_at            | 2025-07-03T11:00:00Z |
      Then the flag "TEL-01" fires

    Scenario: A jurisdiction with a stricter limit of four cards per operator
      Given the parameter "max_sims_per_operator" is 4
      When a "sim_activation" event is evaluated with:
        | field                   | value                |
        | national_id             | NID-4403011987       |
        | operator                | CUCC                 |
        | sims_held_operator      | 5                    |
        | sims_held_all_operators | 5                    |
        | activated_at            | 2025-07-03T12:00:00Z |
      Then the flag "TEL-01" fires

  Rule: TEL-02 three new cards on one ID within a week is a registration burst

    Scenario: A third card within a week, at a third operator
      Given these earlier events:
        | kind           | event_id | national_id    | operator | dealer_id   | activated_at         |
        | sim_activation | act-11   | NID-3201057788 | CUCC     | OUT-NJ-0007 | 2025-07-01T09:00:00Z |
        | sim_activation | act-12   | NID-3201057788 | CTCC     | OUT-NJ-0031 | 2025-07-03T15:20:00Z |
      When a "sim_activation" event is evaluated with:
        | field        | value                |
        | event_id     | act-13               |
        | msisdn       | +8613800110003       |
        | national_id  | NID-3201057788       |
        | operator     | CMCC                 |
        | dealer_id    | OUT-NJ-0112          |
        | activated_at | 2025-07-06T11:45:00Z |
      Then the flag "TEL-02" fires
      And the explanation of "TEL-02" mentions "activated 3 SIM cards within 7 days"

    Scenario: A third card just over a week after the first is not a burst
      Given these earlier events:
        | kind           | national_id    | operator | activated_at         |
        | sim_activation | NID-3201057789 | CUCC     | 2025-07-01T09:00:00Z |
        | sim_activation | NID-3201057789 | CTCC     | 2025-07-03T15:20:00Z |
      When a "sim_activation" event is evaluated with:
        | field        | value                |
        | national_id  | NID-3201057789       |
        | operator     | CMCC                 |
        | activated_at | 2025-07-08T09:01:00Z |
      Then the flag "TEL-02" does not fire

    Scenario: Cards on different IDs do not add up
      Given these earlier events:
        | kind           | national_id    | operator | activated_at         |
        | sim_activation | NID-3201057790 | CUCC     | 2025-07-01T09:00:00Z |
        | sim_activation | NID-3201057791 | CTCC     | 2025-07-02T09:00:00Z |
      When a "sim_activation" event is evaluated with:
        | field        | value                |
        | national_id  | NID-3201057792       |
        | operator     | CMCC                 |
        | activated_at | 2025-07-03T09:00:00Z |
      Then the flag "TEL-02" does not fire

  Rule: TEL-03 an outlet activating far more cards than its peers, or with many failed liveness checks, is suspect

    Scenario: A small outlet activates six cards in twenty minutes against a peer norm of one a day
      When these events are evaluated:
        | kind           | event_id | national_id    | dealer_id   | channel | liveness_passed | dealer_peer_p95_daily | activated_at         |
        | sim_activation | act-21   | NID-4501000001 | OUT-NN-0900 | remote  | true            | 1                     | 2025-07-04T08:03:00Z |
        | sim_activation | act-22   | NID-4501000002 | OUT-NN-0900 | remote  | true            | 1                     | 2025-07-04T08:06:00Z |
        | sim_activation | act-23   | NID-4501000003 | OUT-NN-0900 | remote  | true            | 1                     | 2025-07-04T08:09:00Z |
        | sim_activation | act-24   | NID-4501000004 | OUT-NN-0900 | remote  | true            | 1                     | 2025-07-04T08:12:00Z |
        | sim_activation | act-25   | NID-4501000005 | OUT-NN-0900 | remote  | true            | 1                     | 2025-07-04T08:15:00Z |
        | sim_activation | act-26   | NID-4501000006 | OUT-NN-0900 | remote  | true            | 1                     | 2025-07-04T08:18:00Z |
      Then the flag "TEL-03" does not fire for event "act-25"
      And the flag "TEL-03" fires
      And the explanation of "TEL-03" mentions "activated 6 cards in 24 hours"

    Scenario: Five cards in a day at an outlet whose peers activate one a day is exactly five times the norm
      Given these earlier events:
        | kind           | national_id    | dealer_id   | liveness_passed | dealer_peer_p95_daily | activated_at         |
        | sim_activation | NID-4501000011 | OUT-NN-0901 | true            | 1                     | 2025-07-04T08:03:00Z |
        | sim_activation | NID-4501000012 | OUT-NN-0901 | true            | 1                     | 2025-07-04T10:06:00Z |
        | sim_activation | NID-4501000013 | OUT-NN-0901 | true            | 1                     | 2025-07-04T12:09:00Z |
        | sim_activation | NID-4501000014 | OUT-NN-0901 | true            | 1                     | 2025-07-04T14:12:00Z |
      When a "sim_activation" event is evaluated with:
        | field                 | value                |
        | national_id           | NID-4501000015       |
        | dealer_id             | OUT-NN-0901          |
        | liveness_passed       | true                 |
        | dealer_peer_p95_daily | 1                    |
        | activated_at          | 2025-07-04T16:15:00Z |
      Then the flag "TEL-03" does not fire

    Scenario: Two failed liveness checks among ten remote activations is above a 10% failure rate
      Given the parameter "dealer_min_activations_for_rate" is 10
      And these earlier events:
        | kind           | national_id    | dealer_id   | channel | liveness_passed | dealer_peer_p95_daily | activated_at         |
        | sim_activation | NID-5301000001 | OUT-KM-0330 | remote  | true            | 12                    | 2025-07-05T09:00:00Z |
        | sim_activation | NID-5301000002 | OUT-KM-0330 | remote  | false           | 12                    | 2025-07-05T09:20:00Z |
        | sim_activation | NID-5301000003 | OUT-KM-0330 | remote  | true            | 12                    | 2025-07-05T09:40:00Z |
        | sim_activation | NID-5301000004 | OUT-KM-0330 | remote  | true            | 12                    | 2025-07-05T10:00:00Z |
        | sim_activation | NID-5301000005 | OUT-KM-0330 | remote  | true            | 12                    | 2025-07-05T10:20:00Z |
        | sim_activation | NID-5301000006 | OUT-KM-0330 | remote  | false           | 12                    | 2025-07-05T10:40:00Z |
        | sim_activation | NID-5301000007 | OUT-KM-0330 | remote  | true            | 12                    | 2025-07-05T11:00:00Z |
        | sim_activation | NID-5301000008 | OUT-KM-0330 | remote  | true            | 12                    | 2025-07-05T11:20:00Z |
        | sim_activation | NID-5301000009 | OUT-KM-0330 | remote  | true            | 12                    | 2025-07-05T11:40:00Z |
      When a "sim_activation" event is evaluated with:
        | field                 | value                |
        | national_id           | NID-5301000010       |
        | dealer_id             | OUT-KM-0330          |
        | channel               | remote               |
        | liveness_passed       | true                 |
        | dealer_peer_p95_daily | 12                   |
        | activated_at          | 2025-07-05T12:00:00Z |
      Then the flag "TEL-03" fires
      And the explanation of "TEL-03" mentions "2 failed the liveness check"

    Scenario: One failed liveness check among ten activations is exactly the 10% rate
      Given the parameter "dealer_min_activations_for_rate" is 10
      And these earlier events:
        | kind           | national_id    | dealer_id   | liveness_passed | dealer_peer_p95_daily | activated_at         |
        | sim_activation | NID-5301000021 | OUT-KM-0331 | true            | 12                    | 2025-07-05T09:00:00Z |
        | sim_activation | NID-5301000022 | OUT-KM-0331 | false           | 12                    | 2025-07-05T09:20:00Z |
        | sim_activation | NID-5301000023 | OUT-KM-0331 | true            | 12                    | 2025-07-05T09:40:00Z |
        | sim_activation | NID-5301000024 | OUT-KM-0331 | true            | 12                    | 2025-07-05T10:00:00Z |
        | sim_activation | NID-5301000025 | OUT-KM-0331 | true            | 12                    | 2025-07-05T10:20:00Z |
        | sim_activation | NID-5301000026 | OUT-KM-0331 | true            | 12                    | 2025-07-05T10:40:00Z |
        | sim_activation | NID-5301000027 | OUT-KM-0331 | true            | 12                    | 2025-07-05T11:00:00Z |
        | sim_activation | NID-5301000028 | OUT-KM-0331 | true            | 12                    | 2025-07-05T11:20:00Z |
        | sim_activation | NID-5301000029 | OUT-KM-0331 | true            | 12                    | 2025-07-05T11:40:00Z |
      When a "sim_activation" event is evaluated with:
        | field                 | value                |
        | national_id           | NID-5301000030       |
        | dealer_id             | OUT-KM-0331          |
        | liveness_passed       | true                 |
        | dealer_peer_p95_daily | 12                   |
        | activated_at          | 2025-07-05T12:00:00Z |
      Then the flag "TEL-03" does not fire

  Rule: TEL-04 a card that only calls out, to many numbers, from one place, with no SMS or data, is a SIM box

    Scenario: A gateway card makes 640 calls and receives 3, with no SMS or data, on one cell
      When a "daily_usage" event is evaluated with:
        | field              | value                |
        | msisdn             | +8613012345678       |
        | imei               | 861234050000001      |
        | device_class       | gsm_gateway          |
        | calls_out          | 640                  |
        | calls_in           | 3                    |
        | distinct_b_numbers | 590                  |
        | avg_call_seconds   | 94                   |
        | sms_out            | 0                    |
        | data_mb            | 0.0                  |
        | distinct_cells_7d  | 1                    |
        | period_end         | 2025-07-10T23:59:59Z |
      Then the flag "TEL-04" fires
      And the explanation of "TEL-04" mentions "the static, call-only profile of a SIM box"

    Scenario: Outgoing calls exactly twenty times the incoming ones do not make a SIM box
      When a "daily_usage" event is evaluated with:
        | field              | value                |
        | msisdn             | +8613012345679       |
        | calls_out          | 600                  |
        | calls_in           | 30                   |
        | distinct_b_numbers | 560                  |
        | sms_out            | 0                    |
        | data_mb            | 0.0                  |
        | distinct_cells_7d  | 1                    |
        | period_end         | 2025-07-10T23:59:59Z |
      Then the flag "TEL-04" does not fire

    Scenario: A phone that uses a little data is not a SIM box
      When a "daily_usage" event is evaluated with:
        | field              | value                |
        | msisdn             | +8613012345680       |
        | calls_out          | 640                  |
        | calls_in           | 3                    |
        | distinct_b_numbers | 590                  |
        | sms_out            | 2                    |
        | data_mb            | 1.5                  |
        | distinct_cells_7d  | 2                    |
        | period_end         | 2025-07-10T23:59:59Z |
      Then the flag "TEL-04" does not fire

    Scenario: Without the data volume the SIM-box check cannot be made
      When a "daily_usage" event is evaluated with:
        | field              | value                |
        | msisdn             | +8613012345681       |
        | calls_out          | 640                  |
        | calls_in           | 3                    |
        | distinct_b_numbers | 590                  |
        | sms_out            | 0                    |
        | distinct_cells_7d  | 1                    |
        | period_end         | 2025-07-10T23:59:59Z |
      Then the flag "TEL-04" is not evaluable because "data_mb" is missing

  Rule: TEL-20 a handset that carries more than four SIM cards in a day is a SIM box

    Scenario: A fifth SIM card in the same gateway within a day
      Given these earlier events:
        | kind        | msisdn         | imsi            | imei            | period_end           |
        | daily_usage | +8615500000001 | 460020000000001 | 861234050000099 | 2025-07-10T23:59:59Z |
        | daily_usage | +8615500000002 | 460020000000002 | 861234050000099 | 2025-07-10T23:59:59Z |
        | daily_usage | +8615500000003 | 460020000000003 | 861234050000099 | 2025-07-10T23:59:59Z |
        | daily_usage | +8615500000004 | 460020000000004 | 861234050000099 | 2025-07-10T23:59:59Z |
      When a "daily_usage" event is evaluated with:
        | field        | value                |
        | msisdn       | +8615500000005       |
        | imsi         | 460020000000005      |
        | imei         | 861234050000099      |
        | device_class | gsm_gateway          |
        | period_end   | 2025-07-10T23:59:59Z |
      Then the flag "TEL-20" fires
      And the explanation of "TEL-20" mentions "carried 5 different SIM cards within 24 hours"

    Scenario: Four SIM cards in one handset in a day is the most allowed
      Given these earlier events:
        | kind        | msisdn         | imsi            | imei            | period_end           |
        | daily_usage | +8615500000011 | 460020000000011 | 861234050000098 | 2025-07-10T23:59:59Z |
        | daily_usage | +8615500000012 | 460020000000012 | 861234050000098 | 2025-07-10T23:59:59Z |
        | daily_usage | +8615500000013 | 460020000000013 | 861234050000098 | 2025-07-10T23:59:59Z |
      When a "daily_usage" event is evaluated with:
        | field      | value                |
        | msisdn     | +8615500000014       |
        | imsi       | 460020000000014      |
        | imei       | 861234050000098      |
        | period_end | 2025-07-10T23:59:59Z |
      Then the flag "TEL-20" does not fire

    Scenario: The same card reported on several days counts once
      Given these earlier events:
        | kind        | msisdn         | imsi            | imei            | period_end           |
        | daily_usage | +8615500000021 | 460020000000021 | 353456100000021 | 2025-07-10T23:59:59Z |
        | daily_usage | +8615500000022 | 460020000000022 | 353456100000021 | 2025-07-10T23:59:59Z |
        | daily_usage | +8615500000021 | 460020000000021 | 353456100000021 | 2025-07-11T23:59:59Z |
      When a "daily_usage" event is evaluated with:
        | field      | value                |
        | msisdn     | +8615500000022       |
        | imsi       | 460020000000022      |
        | imei       | 353456100000021      |
        | period_end | 2025-07-11T23:59:59Z |
      Then the flag "TEL-20" does not fire

  Rule: TEL-05 a brand-new number making a flood of short calls is a throw-away fraud line

    Scenario: A card a day and a half old makes 212 calls of 17 seconds on average
      When a "daily_usage" event is evaluated with:
        | field              | value                |
        | msisdn             | +8617100000031       |
        | sim_activated_at   | 2025-07-09T14:00:00Z |
        | calls_out          | 212                  |
        | calls_in           | 9                    |
        | distinct_b_numbers | 205                  |
        | avg_call_seconds   | 17                   |
        | sms_out            | 4                    |
        | data_mb            | 35.5                 |
        | distinct_cells_7d  | 7                    |
        | period_end         | 2025-07-10T23:59:59Z |
      Then the flag "TEL-05" fires
      And the flag "TEL-04" does not fire
      And the explanation of "TEL-05" mentions "activated 34 hours before the end of this day"

    Scenario: A card exactly 72 hours old is no longer new
      When a "daily_usage" event is evaluated with:
        | field            | value                |
        | msisdn           | +8617100000032       |
        | sim_activated_at | 2025-07-07T23:59:59Z |
        | calls_out        | 212                  |
        | avg_call_seconds | 17                   |
        | period_end       | 2025-07-10T23:59:59Z |
      Then the flag "TEL-05" does not fire

    Scenario: A new card making exactly 100 calls is not yet a flood
      When a "daily_usage" event is evaluated with:
        | field            | value                |
        | msisdn           | +8617100000033       |
        | sim_activated_at | 2025-07-09T14:00:00Z |
        | calls_out        | 100                  |
        | avg_call_seconds | 17                   |
        | period_end       | 2025-07-10T23:59:59Z |
      Then the flag "TEL-05" does not fire
