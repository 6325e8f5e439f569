@telecom_fraud
Feature: Call-traffic fraud: one-ring campaigns, revenue-share call-backs and spoofed numbers
  Wangiri campaigns ring thousands of phones once from an international range so that people call
  back a premium number; revenue-share fraud pumps calls to such ranges; and fraud callers present a
  domestic number (often a police or bank landline) on calls that come from abroad. The GSMA and
  i3forum taxonomies describe the first two, ATOFL art. 13 forbids the third.

  Background:
    Given the "telecom_fraud" ruleset

  Rule: TEL-06 a range ringing more than 500 subscribers an hour with one-ring, unanswered calls runs a Wangiri campaign

    Scenario: A range rings 1,180 subscribers in an hour for two seconds each
      When a "range_traffic" event is evaluated with:
        | field              | value                |
        | a_range            | +2392                |
        | origin_country     | ST                   |
        | calls              | 1240                 |
        | answered_calls     | 3                    |
        | distinct_b_numbers | 1180                 |
        | avg_ring_seconds   | 2.1                  |
        | hour_end           | 2025-07-10T03:00:00Z |
      Then the flag "TEL-06" fires
      And the explanation of "TEL-06" mentions "rang 1180 different subscribers in one hour"

    Scenario: Exactly 500 subscribers in the hour is not yet a campaign
      When a "range_traffic" event is evaluated with:
        | field              | value                |
        | a_range            | +2392                |
        | origin_country     | ST                   |
        | calls              | 520                  |
        | answered_calls     | 1                    |
        | distinct_b_numbers | 500                  |
        | avg_ring_seconds   | 2.1                  |
        | hour_end           | 2025-07-10T04:00:00Z |
      Then the flag "TEL-06" does not fire

    Scenario: A busy range whose calls ring normally and are answered is ordinary traffic
      When a "range_traffic" event is evaluated with:
        | field              | value                |
        | a_range            | +4420                |
        | origin_country     | GB                   |
        | calls              | 900                  |
        | answered_calls     | 610                  |
        | distinct_b_numbers | 820                  |
        | avg_ring_seconds   | 11.5                 |
        | hour_end           | 2025-07-10T11:00:00Z |
      Then the flag "TEL-06" does not fire

    Scenario: An answer rate of one in fifty is above the 1% limit
      When a "range_traffic" event is evaluated with:
        | field              | value                |
        | a_range            | +22177               |
        | origin_country     | SN                   |
        | calls              | 1000                 |
        | answered_calls     | 20                   |
        | distinct_b_numbers | 950                  |
        | avg_ring_seconds   | 2.5                  |
        | hour_end           | 2025-07-10T05:00:00Z |
      Then the flag "TEL-06" does not fire

  Rule: TEL-07 calls to hot-listed revenue-share ranges, and call-backs to a range that just left a missed call, are flagged

    Scenario: A subscriber calls back the foreign number that rang once five hours earlier
      Given these earlier events:
        | kind         | a_number     | a_range | msisdn         | ingress_trunk | cli_type      | cli_assigned | ring_seconds | answered | started_at           |
        | inbound_call | +22177123456 | +22177  | +8613900000071 | international | international | true         | 1.5          | false    | 2025-07-10T02:41:00Z |
      When an "outbound_call" event is evaluated with:
        | field            | value                |
        | msisdn           | +8613900000071       |
        | b_number         | +22177123456         |
        | b_range          | +22177               |
        | b_country        | SN                   |
        | international    | true                 |
        | duration_seconds | 184                  |
        | started_at       | 2025-07-10T07:55:00Z |
      Then the flag "TEL-07" fires
      And the explanation of "TEL-07" mentions "in the previous 24 hours: 1"

    Scenario: A call-back more than 24 hours after the missed call is not linked to it
      Given these earlier events:
        | kind         | a_number     | a_range | msisdn         | ingress_trunk | answered | started_at           |
        | inbound_call | +22177123456 | +22177  | +8613900000072 | international | false    | 2025-07-10T02:41:00Z |
      When an "outbound_call" event is evaluated with:
        | field         | value                |
        | msisdn        | +8613900000072       |
        | b_number      | +22177123456         |
        | b_range       | +22177               |
        | international | true                 |
        | started_at    | 2025-07-11T02:42:00Z |
      Then the flag "TEL-07" does not fire

    Scenario: Returning a call that was answered is ordinary
      Given these earlier events:
        | kind         | a_number     | a_range | msisdn         | ingress_trunk | answered | started_at           |
        | inbound_call | +22177123456 | +22177  | +8613900000073 | international | true     | 2025-07-10T02:41:00Z |
      When an "outbound_call" event is evaluated with:
        | field         | value                |
        | msisdn        | +8613900000073       |
        | b_number      | +22177123456         |
        | b_range       | +22177               |
        | international | true                 |
        | started_at    | 2025-07-10T07:55:00Z |
      Then the flag "TEL-07" does not fire

    Scenario: A night-time call of an hour to a hot-listed satellite range
      When an "outbound_call" event is evaluated with:
        | field            | value                |
        | msisdn           | +8613900000074       |
        | b_number         | +88213555012         |
        | b_range          | +88213               |
        | b_country        | XS                   |
        | international    | true                 |
        | duration_seconds | 3540                 |
        | started_at       | 2025-07-12T02:10:00Z |
      Then the flag "TEL-07" fires

    Scenario: A call to family in Singapore, with no missed call before it, is ordinary
      When an "outbound_call" event is evaluated with:
        | field            | value                |
        | msisdn           | +8613900000075       |
        | b_number         | +6591234567          |
        | b_range          | +6591                |
        | b_country        | SG                   |
        | international    | true                 |
        | duration_seconds | 900                  |
        | started_at       | 2025-07-12T12:10:00Z |
      Then the flag "TEL-07" does not fire

  Rule: TEL-08 a domestic number arriving on an international trunk, or a number nobody was assigned, is spoofed

    Scenario: A Beijing landline number arrives from abroad
      When an "inbound_call" event is evaluated with:
        | field                   | value                |
        | a_number                | +8601088881234       |
        | a_range                 | +86010               |
        | msisdn                  | +8613500000081       |
        | ingress_trunk           | international        |
        | cli_type                | domestic_fixed       |
        | cli_assigned            | true                 |
        | caller_roaming_verified | false                |
        | ring_seconds            | 8                    |
        | answered                | true                 |
        | started_at              | 2025-07-10T10:12:00Z |
      Then the flag "TEL-08" fires
      And the explanation of "TEL-08" mentions "presenting +8601088881234"

    Scenario: A subscriber roaming abroad calls home with their own mobile number
      When an "inbound_call" event is evaluated with:
        | field                   | value                |
        | a_number                | +8613812345678       |
        | a_range                 | +86138               |
        | msisdn                  | +8613500000082       |
        | ingress_trunk           | international        |
        | cli_type                | domestic_mobile      |
        | cli_assigned            | true                 |
        | caller_roaming_verified | true                 |
        | answered                | true                 |
        | started_at              | 2025-07-10T10:15:00Z |
      Then the flag "TEL-08" does not fire

    Scenario: A calling number from an unassigned block on a domestic trunk
      When an "inbound_call" event is evaluated with:
        | field         | value                |
        | a_number      | +8617099990000       |
        | a_range       | +86170               |
        | msisdn        | +8613500000083       |
        | ingress_trunk | domestic             |
        | cli_type      | domestic_mobile      |
        | cli_assigned  | false                |
        | started_at    | 2025-07-10T10:20:00Z |
      Then the flag "TEL-08" fires

    Scenario: Without knowing whether the caller is roaming, a domestic number from abroad cannot be judged
      When an "inbound_call" event is evaluated with:
        | field         | value                |
        | a_number      | +8613812345679       |
        | a_range       | +86138               |
        | msisdn        | +8613500000084       |
        | ingress_trunk | international        |
        | cli_type      | domestic_mobile      |
        | cli_assigned  | true                 |
        | started_at    | 2025-07-10T10:25:00Z |
      Then the flag "TEL-08" is not evaluable because "caller_roaming_verified" is missing
