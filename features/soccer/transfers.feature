@soccer
Feature: Transfer manipulation
  The transfer market is the first money-laundering channel in football named by the FATF (2009):
  bridge transfers (RSTP art. 5bis), fees far from the player's value, round trips between clubs,
  deals between associated parties away from fair market value (Premier League rules E.56-E.82) and
  fees paid to someone other than the releasing club.

  Background:
    Given the "soccer" ruleset

  Rule: SOC-08 two transfers of the same player within 16 weeks are presumed to be a bridge transfer

    Scenario: A player passes through a Uruguayan club for 69 days on his way to Portugal
      Given these earlier events:
        | kind     | event_id | transfer_id  | player_id | player_birth_date | from_club   | to_club     | from_country | to_country | international | fee     | reference_value | payee_is_releasing_club | payee_account_country | associated_party | agreed_on  |
        | transfer | tr-1     | TR-2025-0101 | PL-10555  | 2001-05-04        | CLB-OUT-AR1 | CLB-OUT-UY2 | AR           | UY         | true          | 1_400_000 | 2_400_000     | true                    | AR                    | false            | 2025-06-20 |
      When a "transfer" event is evaluated with:
        | transfer_id             | TR-2025-0240 |
        | player_id               | PL-10555     |
        | player_birth_date       | 2001-05-04   |
        | from_club               | CLB-OUT-UY2  |
        | to_club                 | CLB-ARD      |
        | from_country            | UY           |
        | to_country              | PT           |
        | international           | true         |
        | fee                     | 2_600_000    |
        | reference_value         | 2_400_000    |
        | payee_is_releasing_club | true         |
        | payee_account_country   | UY           |
        | associated_party        | false        |
        | agreed_on               | 2025-08-28   |
      Then the flag "SOC-08" fires
      And the explanation of "SOC-08" mentions "only 69 days after his previous transfer"

    Scenario: The second transfer exactly 16 weeks (112 days) later is still presumed a bridge
      Given these earlier events:
        | kind     | transfer_id  | player_id | player_birth_date | from_club   | to_club     | from_country | to_country | international | fee       | reference_value | payee_is_releasing_club | payee_account_country | associated_party | agreed_on  |
        | transfer | TR-2025-0102 | PL-10556  | 2000-02-01        | CLB-OUT-AR1 | CLB-OUT-UY2 | AR           | UY         | true          | 1_400_000 | 2_400_000       | true                    | AR                    | false            | 2025-06-01 |
      When a "transfer" event is evaluated with:
        | transfer_id             | TR-2025-0241 |
        | player_id               | PL-10556     |
        | player_birth_date       | 2000-02-01   |
        | from_club               | CLB-OUT-UY2  |
        | to_club                 | CLB-ARD      |
        | from_country            | UY           |
        | to_country              | PT           |
        | international           | true         |
        | fee                     | 2_600_000    |
        | reference_value         | 2_400_000    |
        | payee_is_releasing_club | true         |
        | payee_account_country   | UY           |
        | associated_party        | false        |
        | agreed_on               | 2025-09-21   |
      Then the flag "SOC-08" fires

    Scenario: A second transfer 113 days later is outside the presumption
      Given these earlier events:
        | kind     | transfer_id  | player_id | player_birth_date | from_club   | to_club     | from_country | to_country | international | fee       | reference_value | payee_is_releasing_club | payee_account_country | associated_party | agreed_on  |
        | transfer | TR-2025-0103 | PL-10557  | 2000-02-01        | CLB-OUT-AR1 | CLB-OUT-UY2 | AR           | UY         | true          | 1_400_000 | 2_400_000       | true                    | AR                    | false            | 2025-06-01 |
      When a "transfer" event is evaluated with:
        | transfer_id             | TR-2025-0242 |
        | player_id               | PL-10557     |
        | player_birth_date       | 2000-02-01   |
        | from_club               | CLB-OUT-UY2  |
        | to_club                 | CLB-ARD      |
        | from_country            | UY           |
        | to_country              | PT           |
        | international           | true         |
        | fee                     | 2_600_000    |
        | reference_value         | 2_400_000    |
        | payee_is_releasing_club | true         |
        | payee_account_country   | UY           |
        | associated_party        | false        |
        | agreed_on               | 2025-09-22   |
      Then the flag "SOC-08" does not fire
      And no flag fires

    Scenario: A player's first recorded transfer is not a bridge
      When a "transfer" event is evaluated with:
        | transfer_id             | TR-2025-0243 |
        | player_id               | PL-10558     |
        | player_birth_date       | 2000-02-01   |
        | from_club               | CLB-OUT-UY2  |
        | to_club                 | CLB-ARD      |
        | from_country            | UY           |
        | to_country              | PT           |
        | international           | true         |
        | fee                     | 2_600_000    |
        | reference_value         | 2_400_000    |
        | payee_is_releasing_club | true         |
        | payee_account_country   | UY           |
        | associated_party        | false        |
        | agreed_on               | 2025-09-22   |
      Then the flag "SOC-08" does not fire
      And no flag fires

  Rule: SOC-09 a transfer fee stays between half and one and a half times the player's reference value

    Scenario Outline: A fee of <fee> for a player valued at 1.8 million: <verdict>
      When a "transfer" event is evaluated with:
        | transfer_id             | TR-2025-0177 |
        | player_id               | PL-10642     |
        | player_birth_date       | 1998-11-30   |
        | from_club               | CLB-HEL      |
        | to_club                 | CLB-IRN      |
        | from_country            | PT           |
        | to_country              | PT           |
        | international           | false        |
        | fee                     | <fee>        |
        | reference_value         | 1_800_000    |
        | payee_is_releasing_club | true         |
        | payee_account_country   | PT           |
        | associated_party        | false        |
        | agreed_on               | 2025-08-05   |
      Then the flag "SOC-09" <outcome>

      Examples:
        | fee       | verdict                                     | outcome       |
        | 4_200_000 | overvalued 2.33 times, flagged              | fires         |
        | 2_700_000 | exactly 1.5 times, at the limit, not flagged | does not fire |
        | 900_000   | exactly half, at the limit, not flagged     | does not fire |
        | 540_000   | under a third, undervalued, flagged         | fires         |
        | 0         | a free transfer, not a price question       | does not fire |

  Rule: SOC-10 a player sold and bought back within a year at a very different price is a round trip

    Scenario: A player returns after 224 days for 60% more than he was sold for
      Given these earlier events:
        | kind     | transfer_id  | player_id | player_birth_date | from_club | to_club | from_country | to_country | international | fee       | reference_value | payee_is_releasing_club | payee_account_country | associated_party | agreed_on  |
        | transfer | TR-2025-0050 | PL-10900  | 2000-02-14        | CLB-JUN   | CLB-KEL | PT           | PT         | false         | 1_000_000 | 1_100_000       | true                    | PT                    | false            | 2025-06-10 |
      When a "transfer" event is evaluated with:
        | transfer_id             | TR-2026-0010 |
        | player_id               | PL-10900     |
        | player_birth_date       | 2000-02-14   |
        | from_club               | CLB-KEL      |
        | to_club                 | CLB-JUN      |
        | from_country            | PT           |
        | to_country              | PT           |
        | international           | false        |
        | fee                     | 1_600_000    |
        | reference_value         | 1_150_000    |
        | payee_is_releasing_club | true         |
        | payee_account_country   | PT           |
        | associated_party        | false        |
        | agreed_on               | 2026-01-20   |
      Then the flag "SOC-10" fires
      And the flag "SOC-08" does not fire
      And the explanation of "SOC-10" mentions "returns to CLB-JUN, the club he left 224 days ago"

    Scenario: A return at 30% more, exactly the tolerance, is not flagged
      Given these earlier events:
        | kind     | transfer_id  | player_id | player_birth_date | from_club | to_club | from_country | to_country | international | fee       | reference_value | payee_is_releasing_club | payee_account_country | associated_party | agreed_on  |
        | transfer | TR-2025-0051 | PL-10901  | 2000-02-14        | CLB-JUN   | CLB-KEL | PT           | PT         | false         | 1_000_000 | 1_100_000       | true                    | PT                    | false            | 2025-06-10 |
      When a "transfer" event is evaluated with:
        | transfer_id             | TR-2026-0011 |
        | player_id               | PL-10901     |
        | player_birth_date       | 2000-02-14   |
        | from_club               | CLB-KEL      |
        | to_club                 | CLB-JUN      |
        | from_country            | PT           |
        | to_country              | PT           |
        | international           | false        |
        | fee                     | 1_300_000    |
        | reference_value         | 1_150_000    |
        | payee_is_releasing_club | true         |
        | payee_account_country   | PT           |
        | associated_party        | false        |
        | agreed_on               | 2026-01-20   |
      Then the flag "SOC-10" does not fire
      And no flag fires

    Scenario: A return after 366 days is no longer a round trip
      Given these earlier events:
        | kind     | transfer_id  | player_id | player_birth_date | from_club | to_club | from_country | to_country | international | fee       | reference_value | payee_is_releasing_club | payee_account_country | associated_party | agreed_on  |
        | transfer | TR-2025-0052 | PL-10902  | 2000-02-14        | CLB-JUN   | CLB-KEL | PT           | PT         | false         | 1_000_000 | 1_100_000       | true                    | PT                    | false            | 2025-06-10 |
      When a "transfer" event is evaluated with:
        | transfer_id             | TR-2026-0012 |
        | player_id               | PL-10902     |
        | player_birth_date       | 2000-02-14   |
        | from_club               | CLB-KEL      |
        | to_club                 | CLB-JUN      |
        | from_country            | PT           |
        | to_country              | PT           |
        | international           | false        |
        | fee                     | 1_600_000    |
        | reference_value         | 1_150_000    |
        | payee_is_releasing_club | true         |
        | payee_account_country   | PT           |
        | associated_party        | false        |
        | agreed_on               | 2026-06-11   |
      Then the flag "SOC-10" does not fire

  Rule: SOC-11 transfers between associated parties are assessed and priced at fair market value

    Scenario: A club buys from a sister club at 1.47 times the assessed value
      When a "transfer" event is evaluated with:
        | transfer_id             | TR-2025-0260 |
        | player_id               | PL-10733     |
        | player_birth_date       | 2002-09-09   |
        | from_club               | CLB-OUT-BE3  |
        | to_club                 | CLB-LUZ      |
        | from_country            | BE           |
        | to_country              | PT           |
        | international           | true         |
        | fee                     | 5_000_000    |
        | reference_value         | 3_500_000    |
        | payee_is_releasing_club | true         |
        | payee_account_country   | BE           |
        | associated_party        | true         |
        | fmv_assessed            | true         |
        | fair_market_value       | 3_400_000    |
        | agreed_on               | 2025-08-20   |
      Then the flag "SOC-11" fires
      And the flag "SOC-09" does not fire

    Scenario: An associated-party fee at 1.2 times the assessed value is within tolerance
      When a "transfer" event is evaluated with:
        | transfer_id             | TR-2025-0261 |
        | player_id               | PL-10734     |
        | player_birth_date       | 2002-09-09   |
        | from_club               | CLB-OUT-BE3  |
        | to_club                 | CLB-LUZ      |
        | from_country            | BE           |
        | to_country              | PT           |
        | international           | true         |
        | fee                     | 3_000_000    |
        | reference_value         | 2_500_000    |
        | payee_is_releasing_club | true         |
        | payee_account_country   | BE           |
        | associated_party        | true         |
        | fmv_assessed            | true         |
        | fair_market_value       | 2_500_000    |
        | agreed_on               | 2025-08-20   |
      Then the flag "SOC-11" does not fire
      And no flag fires

    Scenario: An associated-party transfer without any fair-market-value assessment is flagged
      When a "transfer" event is evaluated with:
        | transfer_id             | TR-2025-0262 |
        | player_id               | PL-10735     |
        | player_birth_date       | 2002-09-09   |
        | from_club               | CLB-OUT-BE3  |
        | to_club                 | CLB-LUZ      |
        | from_country            | BE           |
        | to_country              | PT           |
        | international           | true         |
        | fee                     | 2_500_000    |
        | reference_value         | 2_500_000    |
        | payee_is_releasing_club | true         |
        | payee_account_country   | BE           |
        | associated_party        | true         |
        | fmv_assessed            | false        |
        | agreed_on               | 2025-08-20   |
      Then the flag "SOC-11" fires

  Rule: SOC-12 the transfer fee is paid to the releasing club, not elsewhere

    Scenario: The fee for a player sold abroad goes to an account in Panama
      When a "transfer" event is evaluated with:
        | transfer_id             | TR-2025-0315 |
        | player_id               | PL-10810     |
        | player_birth_date       | 1997-01-22   |
        | from_club               | CLB-MAR      |
        | to_club                 | CLB-OUT-ES1  |
        | from_country            | PT           |
        | to_country              | ES           |
        | international           | true         |
        | fee                     | 6_000_000    |
        | reference_value         | 6_500_000    |
        | payee_is_releasing_club | true         |
        | payee_account_country   | PA           |
        | associated_party        | false        |
        | agreed_on               | 2025-08-30   |
      Then the flag "SOC-12" fires
      And the explanation of "SOC-12" mentions "went to an account in PA"
      And the band is "medium"

    Scenario: The fee goes to someone other than the releasing club
      When a "transfer" event is evaluated with:
        | transfer_id             | TR-2025-0316 |
        | player_id               | PL-10811     |
        | player_birth_date       | 1997-01-22   |
        | from_club               | CLB-MAR      |
        | to_club                 | CLB-OUT-ES1  |
        | from_country            | PT           |
        | to_country              | ES           |
        | international           | true         |
        | fee                     | 6_000_000    |
        | reference_value         | 6_500_000    |
        | payee_is_releasing_club | false        |
        | payee_account_country   | PT           |
        | associated_party        | false        |
        | agreed_on               | 2025-08-30   |
      Then the flag "SOC-12" fires

    Scenario: The fee paid to the releasing club in its own country is not flagged
      When a "transfer" event is evaluated with:
        | transfer_id             | TR-2025-0317 |
        | player_id               | PL-10812     |
        | player_birth_date       | 1997-01-22   |
        | from_club               | CLB-MAR      |
        | to_club                 | CLB-OUT-ES1  |
        | from_country            | PT           |
        | to_country              | ES           |
        | international           | true         |
        | fee                     | 6_000_000    |
        | reference_value         | 6_500_000    |
        | payee_is_releasing_club | true         |
        | payee_account_country   | PT           |
        | associated_party        | false        |
        | agreed_on               | 2025-08-30   |
      Then the flag "SOC-12" does not fire
      And no flag fires
