@telecom_fraud
Feature: Insider data leaks: staff reading personal information in bulk, and shared points of compromise
  Fraud rings buy personal data to make their calls convincing. Reading personal information in
  bulk is a crime from 50 records of location, communication, credit or property data, 500 records
  of lodging, call, health or transaction data, and 5,000 of other data; for insiders who obtained
  the data through their work, half those numbers (SPC/SPP 2017 interpretation, art. 5). ATOFL
  art. 29 puts logistics, transaction, loan, medical and matchmaking data under key protection.

  Background:
    Given the "telecom_fraud" ruleset

  Rule: TEL-17 staff reading personal information in bulk without a work ticket reach the insider thresholds

    Scenario: A customer-service agent looks up 27 subscribers' locations in one evening without a ticket
      Given these earlier events:
        | kind        | employee_id | role             | system | record_category | records | role_p95_daily_records | accessed_at          |
        | data_access | EMP-0457    | customer_service | CRM    | location        | 12      | 40                     | 2025-07-10T21:05:00Z |
      When a "data_access" event is evaluated with:
        | field                  | value                |
        | employee_id            | EMP-0457             |
        | role                   | customer_service     |
        | system                 | CRM                  |
        | record_category        | location             |
        | records                | 15                   |
        | ticket_id              | <missing>            |
        | role_p95_daily_records | 40                   |
        | accessed_at            | 2025-07-10T21:40:00Z |
      Then the flag "TEL-17" fires
      And the score is 35
      And the band is "medium"
      And the explanation of "TEL-17" mentions "27 location/communication/credit/property records"

    Scenario: 24 location records without a ticket is one short of the insider threshold
      Given these earlier events:
        | kind        | employee_id | role             | record_category | records | role_p95_daily_records | accessed_at          |
        | data_access | EMP-0458    | customer_service | location        | 12      | 40                     | 2025-07-10T21:05:00Z |
      When a "data_access" event is evaluated with:
        | field                  | value                |
        | employee_id            | EMP-0458             |
        | role                   | customer_service     |
        | record_category        | location             |
        | records                | 12                   |
        | role_p95_daily_records | 40                   |
        | accessed_at            | 2025-07-10T21:40:00Z |
      Then the flag "TEL-17" does not fire

    Scenario: The same look-ups backed by a work ticket are part of the job
      Given these earlier events:
        | kind        | employee_id | role             | record_category | records | ticket_id   | role_p95_daily_records | accessed_at          |
        | data_access | EMP-0459    | customer_service | location        | 12      | TKT-1002345 | 40                     | 2025-07-10T14:05:00Z |
      When a "data_access" event is evaluated with:
        | field                  | value                |
        | employee_id            | EMP-0459             |
        | role                   | customer_service     |
        | record_category        | location             |
        | records                | 15                   |
        | ticket_id              | TKT-1002345          |
        | role_p95_daily_records | 40                   |
        | accessed_at            | 2025-07-10T14:40:00Z |
      Then the flag "TEL-17" does not fire

    Scenario: A billing clerk exports 250 call records without a ticket
      When a "data_access" event is evaluated with:
        | field                  | value                |
        | employee_id            | EMP-0460             |
        | role                   | billing              |
        | system                 | BILLING              |
        | record_category        | call_records         |
        | records                | 250                  |
        | role_p95_daily_records | 300                  |
        | accessed_at            | 2025-07-11T19:10:00Z |
      Then the flag "TEL-17" fires

    Scenario: A retail-support agent exports 2,499 subscriber profiles without a ticket, under a role norm of 1,000
      When a "data_access" event is evaluated with:
        | field                  | value                |
        | employee_id            | EMP-0461             |
        | role                   | retail_support       |
        | record_category        | subscriber_profile   |
        | records                | 2499                 |
        | role_p95_daily_records | 1000                 |
        | accessed_at            | 2025-07-11T19:10:00Z |
      Then the flag "TEL-17" does not fire

    Scenario: A network engineer reads three times the role's daily norm of device records without a ticket
      Given these earlier events:
        | kind        | employee_id | role        | record_category | records | role_p95_daily_records | accessed_at          |
        | data_access | EMP-0462    | network_ops | device_info     | 35      | 20                     | 2025-07-11T18:00:00Z |
      When a "data_access" event is evaluated with:
        | field                  | value                |
        | employee_id            | EMP-0462             |
        | role                   | network_ops          |
        | record_category        | device_info          |
        | records                | 26                   |
        | role_p95_daily_records | 20                   |
        | accessed_at            | 2025-07-11T18:40:00Z |
      Then the flag "TEL-17" fires
      And the explanation of "TEL-17" mentions "61 in all against a role norm of 20"

  Rule: TEL-18 five or more fraud victims within 30 days whose data the same key-protection company held point to a leak

    Scenario: Five victims in ten days had all used the same courier
      Given these earlier events:
        | kind              | case_id     | victim_id | data_holder | holder_sector | reported_at          |
        | victim_touchpoint | CASE-25-101 | VIC-0101  | LOG-SPEEDEX | logistics     | 2025-07-01T10:00:00Z |
        | victim_touchpoint | CASE-25-102 | VIC-0102  | LOG-SPEEDEX | logistics     | 2025-07-03T10:00:00Z |
        | victim_touchpoint | CASE-25-103 | VIC-0103  | LOG-SPEEDEX | logistics     | 2025-07-05T10:00:00Z |
        | victim_touchpoint | CASE-25-104 | VIC-0104  | LOG-SPEEDEX | logistics     | 2025-07-08T10:00:00Z |
      When a "victim_touchpoint" event is evaluated with:
        | field         | value                |
        | case_id       | CASE-25-105          |
        | victim_id     | VIC-0105             |
        | data_holder   | LOG-SPEEDEX          |
        | holder_sector | logistics            |
        | reported_at   | 2025-07-10T10:00:00Z |
      Then the flag "TEL-18" fires
      And the explanation of "TEL-18" mentions "5 fraud victims reported in 30 days had given their data to LOG-SPEEDEX"

    Scenario: Four victims sharing a clinic is not yet a pattern
      Given these earlier events:
        | kind              | case_id     | victim_id | data_holder   | holder_sector | reported_at          |
        | victim_touchpoint | CASE-25-201 | VIC-0201  | MED-CLINIC-03 | medical       | 2025-07-01T10:00:00Z |
        | victim_touchpoint | CASE-25-202 | VIC-0202  | MED-CLINIC-03 | medical       | 2025-07-03T10:00:00Z |
        | victim_touchpoint | CASE-25-203 | VIC-0203  | MED-CLINIC-03 | medical       | 2025-07-05T10:00:00Z |
      When a "victim_touchpoint" event is evaluated with:
        | field         | value                |
        | case_id       | CASE-25-204          |
        | victim_id     | VIC-0204             |
        | data_holder   | MED-CLINIC-03        |
        | holder_sector | medical              |
        | reported_at   | 2025-07-10T10:00:00Z |
      Then the flag "TEL-18" does not fire

    Scenario: One victim reported twice counts once
      Given these earlier events:
        | kind              | case_id     | victim_id | data_holder | holder_sector | reported_at          |
        | victim_touchpoint | CASE-25-301 | VIC-0301  | LOAN-APP-09 | loan          | 2025-07-01T10:00:00Z |
        | victim_touchpoint | CASE-25-302 | VIC-0301  | LOAN-APP-09 | loan          | 2025-07-02T10:00:00Z |
        | victim_touchpoint | CASE-25-303 | VIC-0303  | LOAN-APP-09 | loan          | 2025-07-03T10:00:00Z |
        | victim_touchpoint | CASE-25-304 | VIC-0304  | LOAN-APP-09 | loan          | 2025-07-05T10:00:00Z |
      When a "victim_touchpoint" event is evaluated with:
        | field         | value                |
        | case_id       | CASE-25-305          |
        | victim_id     | VIC-0305             |
        | data_holder   | LOAN-APP-09          |
        | holder_sector | loan                 |
        | reported_at   | 2025-07-10T10:00:00Z |
      Then the flag "TEL-18" does not fire

    Scenario: A training school outside the key-protection sectors is not flagged by this rule
      Given these earlier events:
        | kind              | case_id     | victim_id | data_holder  | holder_sector | reported_at          |
        | victim_touchpoint | CASE-25-401 | VIC-0401  | EDU-TRAIN-02 | education     | 2025-07-01T10:00:00Z |
        | victim_touchpoint | CASE-25-402 | VIC-0402  | EDU-TRAIN-02 | education     | 2025-07-03T10:00:00Z |
        | victim_touchpoint | CASE-25-403 | VIC-0403  | EDU-TRAIN-02 | education     | 2025-07-05T10:00:00Z |
        | victim_touchpoint | CASE-25-404 | VIC-0404  | EDU-TRAIN-02 | education     | 2025-07-08T10:00:00Z |
      When a "victim_touchpoint" event is evaluated with:
        | field         | value                |
        | case_id       | CASE-25-405          |
        | victim_id     | VIC-0405             |
        | data_holder   | EDU-TRAIN-02         |
        | holder_sector | education            |
        | reported_at   | 2025-07-10T10:00:00Z |
      Then the flag "TEL-18" does not fire
