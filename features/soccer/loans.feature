@soccer
Feature: Loan limits
  Since 1 July 2022 (RSTP art. 10) a club may have at most six professionals loaned out and six
  loaned in at a time from 2024/25, at most three loans with the same club, no sub-loans, and no
  loan longer than one year. Players aged 21 or under and club-trained players are exempt from the
  number limits. The ruleset counts the non-exempt loans registered for the season.

  Background:
    Given the "soccer" ruleset

  Rule: SOC-17 a club has at most six non-exempt players loaned out, and six loaned in, per season

    Scenario: A club loans out its seventh non-exempt player of the season
      Given these earlier events:
        | kind | loan_id | player_id | lending_club | borrowing_club | season  | player_age | club_trained | sub_loan | starts_on  | ends_on    |
        | loan | LN-0101 | PL-13001  | CLB-QUI      | CLB-D3-01      | 2025/26 | 24         | false        | false    | 2025-07-05 | 2026-06-30 |
        | loan | LN-0102 | PL-13002  | CLB-QUI      | CLB-D3-02      | 2025/26 | 23         | false        | false    | 2025-07-08 | 2026-06-30 |
        | loan | LN-0103 | PL-13003  | CLB-QUI      | CLB-D3-03      | 2025/26 | 25         | false        | false    | 2025-07-12 | 2026-06-30 |
        | loan | LN-0104 | PL-13004  | CLB-QUI      | CLB-D3-04      | 2025/26 | 22         | false        | false    | 2025-07-15 | 2026-06-30 |
        | loan | LN-0105 | PL-13005  | CLB-QUI      | CLB-D3-05      | 2025/26 | 26         | false        | false    | 2025-07-19 | 2026-06-30 |
        | loan | LN-0106 | PL-13006  | CLB-QUI      | CLB-D3-06      | 2025/26 | 24         | false        | false    | 2025-07-25 | 2026-06-30 |
      When a "loan" event is evaluated with:
        | loan_id        | LN-0107    |
        | player_id      | PL-13007   |
        | lending_club   | CLB-QUI    |
        | borrowing_club | CLB-D3-07  |
        | season         | 2025/26    |
        | player_age     | 27         |
        | club_trained   | false      |
        | sub_loan       | false      |
        | starts_on      | 2025-08-01 |
        | ends_on        | 2026-06-30 |
      Then the flag "SOC-17" fires
      And the explanation of "SOC-17" mentions "brings CLB-QUI to 7 non-exempt players loaned out"

    Scenario: The sixth non-exempt loan out is still within the limit
      When these events are evaluated:
        | kind | event_id | loan_id | player_id | lending_club | borrowing_club | season  | player_age | club_trained | sub_loan | starts_on  | ends_on    |
        | loan | ln-1     | LN-0111 | PL-13011  | CLB-QUI      | CLB-D3-01      | 2025/26 | 24         | false        | false    | 2025-07-05 | 2026-06-30 |
        | loan | ln-2     | LN-0112 | PL-13012  | CLB-QUI      | CLB-D3-02      | 2025/26 | 23         | false        | false    | 2025-07-08 | 2026-06-30 |
        | loan | ln-3     | LN-0113 | PL-13013  | CLB-QUI      | CLB-D3-03      | 2025/26 | 25         | false        | false    | 2025-07-12 | 2026-06-30 |
        | loan | ln-4     | LN-0114 | PL-13014  | CLB-QUI      | CLB-D3-04      | 2025/26 | 22         | false        | false    | 2025-07-15 | 2026-06-30 |
        | loan | ln-5     | LN-0115 | PL-13015  | CLB-QUI      | CLB-D3-05      | 2025/26 | 26         | false        | false    | 2025-07-19 | 2026-06-30 |
        | loan | ln-6     | LN-0116 | PL-13016  | CLB-QUI      | CLB-D3-06      | 2025/26 | 24         | false        | false    | 2025-07-25 | 2026-06-30 |
      Then the flag "SOC-17" does not fire
      And no flag fires
      And the flag "SOC-17" does not fire for event "ln-5"

    Scenario: A seventh loan out of a 21-year-old is exempt from the limit
      Given these earlier events:
        | kind | loan_id | player_id | lending_club | borrowing_club | season  | player_age | club_trained | sub_loan | starts_on  | ends_on    |
        | loan | LN-0121 | PL-13021  | CLB-QUI      | CLB-D3-01      | 2025/26 | 24         | false        | false    | 2025-07-05 | 2026-06-30 |
        | loan | LN-0122 | PL-13022  | CLB-QUI      | CLB-D3-02      | 2025/26 | 23         | false        | false    | 2025-07-08 | 2026-06-30 |
        | loan | LN-0123 | PL-13023  | CLB-QUI      | CLB-D3-03      | 2025/26 | 25         | false        | false    | 2025-07-12 | 2026-06-30 |
        | loan | LN-0124 | PL-13024  | CLB-QUI      | CLB-D3-04      | 2025/26 | 22         | false        | false    | 2025-07-15 | 2026-06-30 |
        | loan | LN-0125 | PL-13025  | CLB-QUI      | CLB-D3-05      | 2025/26 | 26         | false        | false    | 2025-07-19 | 2026-06-30 |
        | loan | LN-0126 | PL-13026  | CLB-QUI      | CLB-D3-06      | 2025/26 | 24         | false        | false    | 2025-07-25 | 2026-06-30 |
      When a "loan" event is evaluated with:
        | loan_id        | LN-0127    |
        | player_id      | PL-13027   |
        | lending_club   | CLB-QUI    |
        | borrowing_club | CLB-D3-07  |
        | season         | 2025/26    |
        | player_age     | 21         |
        | club_trained   | false      |
        | sub_loan       | false      |
        | starts_on      | 2025-08-01 |
        | ends_on        | 2026-06-30 |
      Then the flag "SOC-17" does not fire

    Scenario: Loans of the previous season do not count
      Given these earlier events:
        | kind | loan_id | player_id | lending_club | borrowing_club | season  | player_age | club_trained | sub_loan | starts_on  | ends_on    |
        | loan | LN-0131 | PL-13031  | CLB-QUI      | CLB-D3-01      | 2024/25 | 24         | false        | false    | 2025-01-05 | 2025-06-30 |
        | loan | LN-0132 | PL-13032  | CLB-QUI      | CLB-D3-02      | 2024/25 | 23         | false        | false    | 2025-01-08 | 2025-06-30 |
        | loan | LN-0133 | PL-13033  | CLB-QUI      | CLB-D3-03      | 2024/25 | 25         | false        | false    | 2025-01-12 | 2025-06-30 |
        | loan | LN-0134 | PL-13034  | CLB-QUI      | CLB-D3-04      | 2025/26 | 22         | false        | false    | 2025-07-15 | 2026-06-30 |
        | loan | LN-0135 | PL-13035  | CLB-QUI      | CLB-D3-05      | 2025/26 | 26         | false        | false    | 2025-07-19 | 2026-06-30 |
        | loan | LN-0136 | PL-13036  | CLB-QUI      | CLB-D3-06      | 2025/26 | 24         | false        | false    | 2025-07-25 | 2026-06-30 |
      When a "loan" event is evaluated with:
        | loan_id        | LN-0137    |
        | player_id      | PL-13037   |
        | lending_club   | CLB-QUI    |
        | borrowing_club | CLB-D3-07  |
        | season         | 2025/26    |
        | player_age     | 27         |
        | club_trained   | false      |
        | sub_loan       | false      |
        | starts_on      | 2025-08-01 |
        | ends_on        | 2026-06-30 |
      Then the flag "SOC-17" does not fire

    Scenario: A third-tier club takes in its seventh non-exempt loan
      Given these earlier events:
        | kind | loan_id | player_id | lending_club | borrowing_club | season  | player_age | club_trained | sub_loan | starts_on  | ends_on    |
        | loan | LN-0141 | PL-13041  | CLB-OUT-FR1  | CLB-D3-16      | 2025/26 | 24         | false        | false    | 2025-07-10 | 2026-06-30 |
        | loan | LN-0142 | PL-13042  | CLB-OUT-DE2  | CLB-D3-16      | 2025/26 | 23         | false        | false    | 2025-07-15 | 2026-06-30 |
        | loan | LN-0143 | PL-13043  | CLB-OUT-NL1  | CLB-D3-16      | 2025/26 | 25         | false        | false    | 2025-07-20 | 2026-06-30 |
        | loan | LN-0144 | PL-13044  | CLB-OUT-GB1  | CLB-D3-16      | 2025/26 | 22         | false        | false    | 2025-07-25 | 2026-06-30 |
        | loan | LN-0145 | PL-13045  | CLB-OUT-BR1  | CLB-D3-16      | 2025/26 | 26         | false        | false    | 2025-07-30 | 2026-06-30 |
        | loan | LN-0146 | PL-13046  | CLB-OUT-TR1  | CLB-D3-16      | 2025/26 | 24         | false        | false    | 2025-08-04 | 2026-06-30 |
      When a "loan" event is evaluated with:
        | loan_id        | LN-0147     |
        | player_id      | PL-13047    |
        | lending_club   | CLB-OUT-GR1 |
        | borrowing_club | CLB-D3-16   |
        | season         | 2025/26     |
        | player_age     | 28          |
        | club_trained   | false       |
        | sub_loan       | false       |
        | starts_on      | 2025-08-09  |
        | ends_on        | 2026-06-30  |
      Then the flag "SOC-17" fires
      And the explanation of "SOC-17" mentions "CLB-D3-16 to 7 loaned in"

  Rule: SOC-39 at most three non-exempt loans run between the same two clubs

    Scenario: A first-tier club sends a fourth senior player to the same third-tier club
      Given these earlier events:
        | kind | loan_id | player_id | lending_club | borrowing_club | season  | player_age | club_trained | sub_loan | starts_on  | ends_on    |
        | loan | LN-0201 | PL-13101  | CLB-RIO      | CLB-D3-09      | 2025/26 | 23         | false        | false    | 2025-07-03 | 2026-06-30 |
        | loan | LN-0202 | PL-13102  | CLB-RIO      | CLB-D3-09      | 2025/26 | 25         | false        | false    | 2025-07-10 | 2026-06-30 |
        | loan | LN-0203 | PL-13103  | CLB-RIO      | CLB-D3-09      | 2025/26 | 22         | false        | false    | 2025-07-20 | 2026-06-30 |
      When a "loan" event is evaluated with:
        | loan_id        | LN-0204    |
        | player_id      | PL-13104   |
        | lending_club   | CLB-RIO    |
        | borrowing_club | CLB-D3-09  |
        | season         | 2025/26    |
        | player_age     | 24         |
        | club_trained   | false      |
        | sub_loan       | false      |
        | starts_on      | 2025-08-02 |
        | ends_on        | 2026-06-30 |
      Then the flag "SOC-39" fires
      And the flag "SOC-17" does not fire
      And the explanation of "SOC-39" mentions "the 4th non-exempt loan from CLB-RIO to CLB-D3-09"

    Scenario: A third loan between the same clubs is within the limit
      Given these earlier events:
        | kind | loan_id | player_id | lending_club | borrowing_club | season  | player_age | club_trained | sub_loan | starts_on  | ends_on    |
        | loan | LN-0211 | PL-13111  | CLB-RIO      | CLB-D3-09      | 2025/26 | 23         | false        | false    | 2025-07-03 | 2026-06-30 |
        | loan | LN-0212 | PL-13112  | CLB-RIO      | CLB-D3-09      | 2025/26 | 25         | false        | false    | 2025-07-10 | 2026-06-30 |
      When a "loan" event is evaluated with:
        | loan_id        | LN-0213    |
        | player_id      | PL-13113   |
        | lending_club   | CLB-RIO    |
        | borrowing_club | CLB-D3-09  |
        | season         | 2025/26    |
        | player_age     | 24         |
        | club_trained   | false      |
        | sub_loan       | false      |
        | starts_on      | 2025-08-02 |
        | ends_on        | 2026-06-30 |
      Then the flag "SOC-39" does not fire
      And no flag fires

    Scenario: A club-trained player does not count towards the limit between two clubs
      Given these earlier events:
        | kind | loan_id | player_id | lending_club | borrowing_club | season  | player_age | club_trained | sub_loan | starts_on  | ends_on    |
        | loan | LN-0221 | PL-13121  | CLB-RIO      | CLB-D3-09      | 2025/26 | 23         | false        | false    | 2025-07-03 | 2026-06-30 |
        | loan | LN-0222 | PL-13122  | CLB-RIO      | CLB-D3-09      | 2025/26 | 25         | false        | false    | 2025-07-10 | 2026-06-30 |
        | loan | LN-0223 | PL-13123  | CLB-RIO      | CLB-D3-09      | 2025/26 | 22         | false        | false    | 2025-07-20 | 2026-06-30 |
      When a "loan" event is evaluated with:
        | loan_id        | LN-0224    |
        | player_id      | PL-13124   |
        | lending_club   | CLB-RIO    |
        | borrowing_club | CLB-D3-09  |
        | season         | 2025/26    |
        | player_age     | 24         |
        | club_trained   | true       |
        | sub_loan       | false      |
        | starts_on      | 2025-08-02 |
        | ends_on        | 2026-06-30 |
      Then the flag "SOC-39" does not fire

  Rule: SOC-40 no sub-loans and no loan longer than one year

    Scenario: A borrowed player is loaned on to a Cypriot club
      When a "loan" event is evaluated with:
        | loan_id        | LN-0301     |
        | player_id      | PL-13201    |
        | lending_club   | CLB-D3-11   |
        | borrowing_club | CLB-OUT-CY1 |
        | season         | 2025/26     |
        | player_age     | 24          |
        | club_trained   | false       |
        | sub_loan       | true        |
        | starts_on      | 2025-08-20  |
        | ends_on        | 2026-06-30  |
      Then the flag "SOC-40" fires
      And the explanation of "SOC-40" mentions "is a sub-loan: true"

    Scenario: A two-year loan is flagged
      When a "loan" event is evaluated with:
        | loan_id        | LN-0302    |
        | player_id      | PL-13202   |
        | lending_club   | CLB-GRN    |
        | borrowing_club | CLB-D3-14  |
        | season         | 2025/26    |
        | player_age     | 20         |
        | club_trained   | false      |
        | sub_loan       | false      |
        | starts_on      | 2025-07-01 |
        | ends_on        | 2027-06-30 |
      Then the flag "SOC-40" fires
      And the explanation of "SOC-40" mentions "runs 729 days"

    Scenario: A loan of one year spanning 29 February (366 days) is allowed
      When a "loan" event is evaluated with:
        | loan_id        | LN-0303    |
        | player_id      | PL-13203   |
        | lending_club   | CLB-GRN    |
        | borrowing_club | CLB-D3-14  |
        | season         | 2027/28    |
        | player_age     | 20         |
        | club_trained   | false      |
        | sub_loan       | false      |
        | starts_on      | 2027-07-01 |
        | ends_on        | 2028-07-01 |
      Then the flag "SOC-40" does not fire
      And no flag fires
