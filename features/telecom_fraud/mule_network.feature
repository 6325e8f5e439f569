@telecom_fraud
Feature: Money mules: accounts that collect and pass on fraud proceeds
  Victims pay into accounts that fraud rings open, buy or rent; the money is pooled, split and sent
  on within hours, often into crypto. Banks and payment institutions must watch for abnormal
  accounts and transactions (ATOFL arts. 16, 18, 25 and 31; FATF 2023 on cyber-enabled fraud).

  Background:
    Given the "telecom_fraud" ruleset

  Rule: TEL-12 an account paid by ten or more senders (or paying ten or more recipients) that forwards most of it within two hours is a mule

    Scenario: Ten victims pay in during the morning and the money leaves half an hour after the last payment
      Given these earlier events:
        | kind        | event_id | account_id | direction | amount | counterparty_account | booked_at            |
        | account_txn | tx-1     | ACC-9001   | credit    | 4800   | ACC-1001             | 2025-07-10T09:00:00Z |
        | account_txn | tx-2     | ACC-9001   | credit    | 5000   | ACC-1002             | 2025-07-10T09:20:00Z |
        | account_txn | tx-3     | ACC-9001   | credit    | 3900   | ACC-1003             | 2025-07-10T09:40:00Z |
        | account_txn | tx-4     | ACC-9001   | credit    | 4100   | ACC-1004             | 2025-07-10T10:00:00Z |
        | account_txn | tx-5     | ACC-9001   | credit    | 5200   | ACC-1005             | 2025-07-10T10:20:00Z |
        | account_txn | tx-6     | ACC-9001   | credit    | 4700   | ACC-1006             | 2025-07-10T10:40:00Z |
        | account_txn | tx-7     | ACC-9001   | credit    | 4300   | ACC-1007             | 2025-07-10T11:00:00Z |
        | account_txn | tx-8     | ACC-9001   | credit    | 5100   | ACC-1008             | 2025-07-10T11:20:00Z |
        | account_txn | tx-9     | ACC-9001   | credit    | 4600   | ACC-1009             | 2025-07-10T11:40:00Z |
        | account_txn | tx-10    | ACC-9001   | credit    | 4900   | ACC-1010             | 2025-07-10T12:00:00Z |
      When an "account_txn" event is evaluated with:
        | field                   | value                |
        | event_id                | tx-11                |
        | account_id              | ACC-9001             |
        | direction               | debit                |
        | amount                  | 45000                |
        | counterparty_account    | ACC-7777             |
        | counterparty_type       | individual           |
        | account_opened_on       | 2024-11-02           |
        | declared_monthly_income | 6000                 |
        | booked_at               | 2025-07-10T12:30:00Z |
      Then the flag "TEL-12" fires
      And the explanation of "TEL-12" mentions "distinct senders: 10"

    Scenario: Nine senders are not yet a fan-in
      Given these earlier events:
        | kind        | account_id | direction | amount | counterparty_account | booked_at            |
        | account_txn | ACC-9002   | credit    | 4800   | ACC-1001             | 2025-07-10T09:00:00Z |
        | account_txn | ACC-9002   | credit    | 5000   | ACC-1002             | 2025-07-10T09:20:00Z |
        | account_txn | ACC-9002   | credit    | 3900   | ACC-1003             | 2025-07-10T09:40:00Z |
        | account_txn | ACC-9002   | credit    | 4100   | ACC-1004             | 2025-07-10T10:00:00Z |
        | account_txn | ACC-9002   | credit    | 5200   | ACC-1005             | 2025-07-10T10:20:00Z |
        | account_txn | ACC-9002   | credit    | 4700   | ACC-1006             | 2025-07-10T10:40:00Z |
        | account_txn | ACC-9002   | credit    | 4300   | ACC-1007             | 2025-07-10T11:00:00Z |
        | account_txn | ACC-9002   | credit    | 5100   | ACC-1008             | 2025-07-10T11:20:00Z |
        | account_txn | ACC-9002   | credit    | 9500   | ACC-1009             | 2025-07-10T11:40:00Z |
      When an "account_txn" event is evaluated with:
        | field                | value                |
        | account_id           | ACC-9002             |
        | direction            | debit                |
        | amount               | 45000                |
        | counterparty_account | ACC-7777             |
        | booked_at            | 2025-07-10T12:30:00Z |
      Then the flag "TEL-12" does not fire

    Scenario: Forwarding the money more than two hours after the last payment in is not rapid pass-through
      Given these earlier events:
        | kind        | account_id | direction | amount | counterparty_account | booked_at            |
        | account_txn | ACC-9003   | credit    | 4800   | ACC-1001             | 2025-07-10T09:00:00Z |
        | account_txn | ACC-9003   | credit    | 5000   | ACC-1002             | 2025-07-10T09:20:00Z |
        | account_txn | ACC-9003   | credit    | 3900   | ACC-1003             | 2025-07-10T09:40:00Z |
        | account_txn | ACC-9003   | credit    | 4100   | ACC-1004             | 2025-07-10T10:00:00Z |
        | account_txn | ACC-9003   | credit    | 5200   | ACC-1005             | 2025-07-10T10:20:00Z |
        | account_txn | ACC-9003   | credit    | 4700   | ACC-1006             | 2025-07-10T10:40:00Z |
        | account_txn | ACC-9003   | credit    | 4300   | ACC-1007             | 2025-07-10T11:00:00Z |
        | account_txn | ACC-9003   | credit    | 5100   | ACC-1008             | 2025-07-10T11:20:00Z |
        | account_txn | ACC-9003   | credit    | 4600   | ACC-1009             | 2025-07-10T11:40:00Z |
        | account_txn | ACC-9003   | credit    | 4900   | ACC-1010             | 2025-07-10T12:00:00Z |
      When an "account_txn" event is evaluated with:
        | field                | value                |
        | account_id           | ACC-9003             |
        | direction            | debit                |
        | amount               | 45000                |
        | counterparty_account | ACC-7777             |
        | booked_at            | 2025-07-10T14:01:00Z |
      Then the flag "TEL-12" does not fire

    Scenario: One large payment split across ten accounts within the hour
      When these events are evaluated:
        | kind        | event_id | account_id | direction | amount | counterparty_account | booked_at            |
        | account_txn | fo-1     | ACC-9004   | credit    | 150000 | ACC-2001             | 2025-07-11T10:00:00Z |
        | account_txn | fo-2     | ACC-9004   | debit     | 12000  | ACC-3001             | 2025-07-11T10:05:00Z |
        | account_txn | fo-3     | ACC-9004   | debit     | 12000  | ACC-3002             | 2025-07-11T10:10:00Z |
        | account_txn | fo-4     | ACC-9004   | debit     | 12000  | ACC-3003             | 2025-07-11T10:15:00Z |
        | account_txn | fo-5     | ACC-9004   | debit     | 12000  | ACC-3004             | 2025-07-11T10:20:00Z |
        | account_txn | fo-6     | ACC-9004   | debit     | 12000  | ACC-3005             | 2025-07-11T10:25:00Z |
        | account_txn | fo-7     | ACC-9004   | debit     | 12000  | ACC-3006             | 2025-07-11T10:30:00Z |
        | account_txn | fo-8     | ACC-9004   | debit     | 12000  | ACC-3007             | 2025-07-11T10:35:00Z |
        | account_txn | fo-9     | ACC-9004   | debit     | 12000  | ACC-3008             | 2025-07-11T10:40:00Z |
        | account_txn | fo-10    | ACC-9004   | debit     | 12000  | ACC-3009             | 2025-07-11T10:45:00Z |
        | account_txn | fo-11    | ACC-9004   | debit     | 12000  | ACC-3010             | 2025-07-11T10:50:00Z |
      Then the flag "TEL-12" does not fire for event "fo-10"
      And the flag "TEL-12" fires
      And the explanation of "TEL-12" mentions "distinct recipients: 10"

  Rule: TEL-13 an account under 30 days old turning over more than 20 times the declared monthly income passes money through

    Scenario: An eight-day-old account moves 103,000 on a declared income of 3,000 a month
      Given these earlier events:
        | kind        | account_id | direction | amount | counterparty_account | account_opened_on | declared_monthly_income | booked_at            |
        | account_txn | ACC-9012   | credit    | 52000  | ACC-2001             | 2025-07-01        | 3000                    | 2025-07-08T14:00:00Z |
      When an "account_txn" event is evaluated with:
        | field                   | value                |
        | account_id              | ACC-9012             |
        | direction               | debit                |
        | amount                  | 51000                |
        | counterparty_account    | ACC-2002             |
        | account_opened_on       | 2025-07-01           |
        | declared_monthly_income | 3000                 |
        | booked_at               | 2025-07-09T10:00:00Z |
      Then the flag "TEL-13" fires
      And the explanation of "TEL-13" mentions "turned over 103000 in 30 days"

    Scenario: A turnover of exactly 20 times the income is within the limit
      Given these earlier events:
        | kind        | account_id | direction | amount | account_opened_on | declared_monthly_income | booked_at            |
        | account_txn | ACC-9013   | credit    | 30000  | 2025-07-01        | 3000                    | 2025-07-08T14:00:00Z |
      When an "account_txn" event is evaluated with:
        | field                   | value                |
        | account_id              | ACC-9013             |
        | direction               | debit                |
        | amount                  | 30000                |
        | account_opened_on       | 2025-07-01           |
        | declared_monthly_income | 3000                 |
        | booked_at               | 2025-07-09T10:00:00Z |
      Then the flag "TEL-13" does not fire

    Scenario: An account 30 days old is no longer new
      Given these earlier events:
        | kind        | account_id | direction | amount | account_opened_on | declared_monthly_income | booked_at            |
        | account_txn | ACC-9014   | credit    | 52000  | 2025-06-09        | 3000                    | 2025-07-08T14:00:00Z |
      When an "account_txn" event is evaluated with:
        | field                   | value                |
        | account_id              | ACC-9014             |
        | direction               | debit                |
        | amount                  | 51000                |
        | account_opened_on       | 2025-06-09           |
        | declared_monthly_income | 3000                 |
        | booked_at               | 2025-07-09T00:00:00Z |
      Then the flag "TEL-13" does not fire

  Rule: TEL-14 accounts above the national limit, or at three or more institutions within a week, are abnormal openings

    Scenario: A third institution within four days
      Given these earlier events:
        | kind         | account_id | national_id    | institution_id | institution_type    | over_account_limit | opened_at            |
        | account_open | ACC-3001   | NID-3702008800 | BANK-ICB       | bank                | false              | 2025-07-07T10:00:00Z |
        | account_open | ACC-3002   | NID-3702008800 | PAY-ZFB        | payment_institution | false              | 2025-07-08T16:30:00Z |
      When an "account_open" event is evaluated with:
        | field              | value                |
        | account_id         | ACC-3003             |
        | national_id        | NID-3702008800       |
        | institution_id     | BANK-CMB             |
        | institution_type   | bank                 |
        | channel            | app                  |
        | over_account_limit | false                |
        | opened_at          | 2025-07-10T11:00:00Z |
      Then the flag "TEL-14" fires
      And the explanation of "TEL-14" mentions "at 3 institutions within 7 days"

    Scenario: A third account at one of the same two institutions is not a spread across institutions
      Given these earlier events:
        | kind         | account_id | national_id    | institution_id | over_account_limit | opened_at            |
        | account_open | ACC-3011   | NID-3702008801 | BANK-ICB       | false              | 2025-07-07T10:00:00Z |
        | account_open | ACC-3012   | NID-3702008801 | PAY-ZFB        | false              | 2025-07-08T16:30:00Z |
      When an "account_open" event is evaluated with:
        | field              | value                |
        | account_id         | ACC-3013             |
        | national_id        | NID-3702008801       |
        | institution_id     | BANK-ICB             |
        | over_account_limit | false                |
        | opened_at          | 2025-07-10T11:00:00Z |
      Then the flag "TEL-14" does not fire

    Scenario: The account-count check finds the ID above the national limit
      When an "account_open" event is evaluated with:
        | field              | value                |
        | account_id         | ACC-3021             |
        | national_id        | NID-3702008802       |
        | institution_id     | BANK-BOC             |
        | institution_type   | bank                 |
        | over_account_limit | true                 |
        | opened_at          | 2025-07-10T11:00:00Z |
      Then the flag "TEL-14" fires

  Rule: TEL-15 one device or IP address behind five or more account holders in 30 days points to a controller

    Scenario: A fifth account holder logs in from the same phone within ten days
      Given these earlier events:
        | kind          | account_id | national_id    | device_fp | ip         | login_at             |
        | account_login | ACC-4001   | NID-1100000001 | DEV-ab12  | 10.8.1.1   | 2025-07-01T10:00:00Z |
        | account_login | ACC-4002   | NID-1100000002 | DEV-ab12  | 10.8.1.2   | 2025-07-03T10:00:00Z |
        | account_login | ACC-4003   | NID-1100000003 | DEV-ab12  | 10.8.1.3   | 2025-07-05T10:00:00Z |
        | account_login | ACC-4004   | NID-1100000004 | DEV-ab12  | 10.8.1.4   | 2025-07-07T10:00:00Z |
      When an "account_login" event is evaluated with:
        | field       | value                |
        | account_id  | ACC-4005             |
        | national_id | NID-1100000005       |
        | device_fp   | DEV-ab12             |
        | ip          | 10.8.1.5             |
        | login_at    | 2025-07-09T10:00:00Z |
      Then the flag "TEL-15" fires
      And the explanation of "TEL-15" mentions "on that device: 5"

    Scenario: Four holders on one family tablet is below the limit
      Given these earlier events:
        | kind          | account_id | national_id    | device_fp | ip          | login_at             |
        | account_login | ACC-4011   | NID-1100000011 | DEV-cd34  | 36.12.4.101 | 2025-07-01T10:00:00Z |
        | account_login | ACC-4012   | NID-1100000012 | DEV-cd34  | 36.12.4.101 | 2025-07-03T10:00:00Z |
        | account_login | ACC-4013   | NID-1100000013 | DEV-cd34  | 36.12.4.101 | 2025-07-05T10:00:00Z |
      When an "account_login" event is evaluated with:
        | field       | value                |
        | account_id  | ACC-4014             |
        | national_id | NID-1100000014       |
        | device_fp   | DEV-cd34             |
        | ip          | 36.12.4.101          |
        | login_at    | 2025-07-09T10:00:00Z |
      Then the flag "TEL-15" does not fire

    Scenario: Five holders behind one IP address on five different phones
      Given these earlier events:
        | kind          | account_id | national_id    | device_fp | ip          | login_at             |
        | account_login | ACC-4021   | NID-1100000021 | DEV-e001  | 103.4.77.19 | 2025-07-01T22:00:00Z |
        | account_login | ACC-4022   | NID-1100000022 | DEV-e002  | 103.4.77.19 | 2025-07-01T22:05:00Z |
        | account_login | ACC-4023   | NID-1100000023 | DEV-e003  | 103.4.77.19 | 2025-07-01T22:10:00Z |
        | account_login | ACC-4024   | NID-1100000024 | DEV-e004  | 103.4.77.19 | 2025-07-01T22:15:00Z |
      When an "account_login" event is evaluated with:
        | field       | value                |
        | account_id  | ACC-4025             |
        | national_id | NID-1100000025       |
        | device_fp   | DEV-e005             |
        | ip          | 103.4.77.19          |
        | login_at    | 2025-07-01T22:20:00Z |
      Then the flag "TEL-15" fires

  Rule: TEL-16 an account used 500 km or more from its holder, by a "tool person" or from a device tied to flagged accounts, looks sold or rented

    Scenario: A student's account is used 1,450 km from the student's registered address
      When an "account_login" event is evaluated with:
        | field                            | value                |
        | account_id                       | ACC-4101             |
        | national_id                      | NID-4301011100       |
        | device_fp                        | DEV-77fe             |
        | ip                               | 203.0.113.45         |
        | km_from_holder_address           | 1450                 |
        | device_linked_to_flagged_account | false                |
        | holder_occupation                | student              |
        | login_at                         | 2025-07-10T22:10:00Z |
      Then the flag "TEL-16" fires
      And the explanation of "TEL-16" mentions "the account looks sold or rented"

    Scenario: A student's account used 499 km away is within range
      When an "account_login" event is evaluated with:
        | field                            | value                |
        | account_id                       | ACC-4102             |
        | national_id                      | NID-4301011101       |
        | km_from_holder_address           | 499                  |
        | device_linked_to_flagged_account | false                |
        | holder_occupation                | student              |
        | login_at                         | 2025-07-10T22:10:00Z |
      Then the flag "TEL-16" does not fire

    Scenario: An employee travelling on business far from home, on an unlinked phone, is ordinary
      When an "account_login" event is evaluated with:
        | field                            | value                |
        | account_id                       | ACC-4103             |
        | national_id                      | NID-4301011102       |
        | km_from_holder_address           | 1450                 |
        | device_linked_to_flagged_account | false                |
        | holder_occupation                | employee             |
        | login_at                         | 2025-07-10T09:10:00Z |
      Then the flag "TEL-16" does not fire

    Scenario: An employee's account used 820 km away from a phone that also runs flagged accounts
      When an "account_login" event is evaluated with:
        | field                            | value                |
        | account_id                       | ACC-4104             |
        | national_id                      | NID-4301011103       |
        | km_from_holder_address           | 820                  |
        | device_linked_to_flagged_account | true                 |
        | holder_occupation                | employee             |
        | login_at                         | 2025-07-10T23:10:00Z |
      Then the flag "TEL-16" fires

  Rule: TEL-19 money traced to a reported fraud, paid on to crypto exchanges or OTC traders within 24 hours, is laundering

    Scenario: A victim's transfer is paid to an OTC trader four hours later
      Given these earlier events:
        | kind        | account_id | direction | amount | counterparty_account | counterparty_type | victim_linked | booked_at            |
        | account_txn | ACC-9021   | credit    | 28000  | ACC-5001             | individual        | true          | 2025-07-10T09:00:00Z |
      When an "account_txn" event is evaluated with:
        | field                | value                |
        | account_id           | ACC-9021             |
        | direction            | debit                |
        | amount               | 27500                |
        | counterparty_account | OTC-ZHANG-01         |
        | counterparty_type    | otc_trader           |
        | victim_linked        | false                |
        | booked_at            | 2025-07-10T13:00:00Z |
      Then the flag "TEL-19" fires
      And the explanation of "TEL-19" mentions "OTC-ZHANG-01 (otc_trader)"

    Scenario: A crypto purchase more than 24 hours after the fraud-linked credit is not linked to it
      Given these earlier events:
        | kind        | account_id | direction | amount | counterparty_account | counterparty_type | victim_linked | booked_at            |
        | account_txn | ACC-9022   | credit    | 28000  | ACC-5002             | individual        | true          | 2025-07-10T09:00:00Z |
      When an "account_txn" event is evaluated with:
        | field                | value                |
        | account_id           | ACC-9022             |
        | direction            | debit                |
        | amount               | 3000                 |
        | counterparty_account | VASP-0091            |
        | counterparty_type    | vasp                 |
        | booked_at            | 2025-07-11T09:01:00Z |
      Then the flag "TEL-19" does not fire

    Scenario: Buying crypto with one's own salary is not laundering fraud proceeds
      Given these earlier events:
        | kind        | account_id | direction | amount | counterparty_account | counterparty_type | victim_linked | booked_at            |
        | account_txn | ACC-9023   | credit    | 12000  | ACC-6001             | employer          | false         | 2025-07-10T09:00:00Z |
      When an "account_txn" event is evaluated with:
        | field                | value                |
        | account_id           | ACC-9023             |
        | direction            | debit                |
        | amount               | 1000                 |
        | counterparty_account | VASP-0091            |
        | counterparty_type    | vasp                 |
        | booked_at            | 2025-07-10T12:00:00Z |
      Then the flag "TEL-19" does not fire
