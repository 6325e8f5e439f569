@soccer
Feature: Sponsorship and associated-party deals
  Deals between a club and parties with material influence over it must be at fair market value;
  deals over GBP 1m a year or 5% of revenue need a fair-market-value assessment (Premier League rules
  E.56-E.82). Inflated owner sponsorship disguises owner money as commercial revenue; a sponsor paying
  more than it earns is passing through someone else's money (the FATF's sponsorship typology).

  Background:
    Given the "soccer" ruleset

  Rule: SOC-24 associated-party sponsorship stays within 1.5 times its assessed fair market value

    Scenario: The owner's group sponsors the club at twice the assessed value
      When a "sponsorship" event is evaluated with:
        | deal_id           | SP-2025-041  |
        | club_id           | CLB-IRN      |
        | sponsor_id        | CO-IRN-GROUP |
        | annual_value      | 12_000_000   |
        | associated_party  | true         |
        | fmv_assessed      | true         |
        | fair_market_value | 6_000_000    |
        | sponsor_revenue   | 900_000_000  |
        | club_revenue      | 60_000_000   |
        | signed_on         | 2025-09-01   |
      Then the flag "SOC-24" fires
      And the explanation of "SOC-24" mentions "2.00 times its assessed fair market value"

    Scenario: An owner deal at exactly 1.5 times the assessed value is within tolerance
      When a "sponsorship" event is evaluated with:
        | deal_id           | SP-2025-042  |
        | club_id           | CLB-IRN      |
        | sponsor_id        | CO-IRN-GROUP |
        | annual_value      | 9_000_000    |
        | associated_party  | true         |
        | fmv_assessed      | true         |
        | fair_market_value | 6_000_000    |
        | sponsor_revenue   | 900_000_000  |
        | club_revenue      | 60_000_000   |
        | signed_on         | 2025-09-01   |
      Then the flag "SOC-24" does not fire
      And no flag fires

    Scenario: A generous deal with an unrelated sponsor is a commercial matter
      When a "sponsorship" event is evaluated with:
        | deal_id           | SP-2025-043  |
        | club_id           | CLB-IRN      |
        | sponsor_id        | CO-SPN-501   |
        | annual_value      | 12_000_000   |
        | associated_party  | false        |
        | fmv_assessed      | true         |
        | fair_market_value | 6_000_000    |
        | sponsor_revenue   | 900_000_000  |
        | club_revenue      | 60_000_000   |
        | signed_on         | 2025-09-01   |
      Then the flag "SOC-24" does not fire

  Rule: SOC-42 an associated-party deal over the threshold has a fair-market-value assessment

    Scenario: The owner's company signs a 2.5 million deal with no assessment
      When a "sponsorship" event is evaluated with:
        | deal_id          | SP-2025-052  |
        | club_id          | CLB-JUN      |
        | sponsor_id       | CO-JUN-OWNER |
        | annual_value     | 2_500_000    |
        | associated_party | true         |
        | fmv_assessed     | false        |
        | sponsor_revenue  | 400_000_000  |
        | club_revenue     | 30_000_000   |
        | signed_on        | 2025-10-10   |
      Then the flag "SOC-42" fires

    Scenario: A deal under 1 million but above 5% of a small club's revenue needs an assessment
      When a "sponsorship" event is evaluated with:
        | deal_id          | SP-2025-053     |
        | club_id          | CLB-D3-05       |
        | sponsor_id       | CO-D3-05-OWNER  |
        | annual_value     | 300_000         |
        | associated_party | true            |
        | fmv_assessed     | false           |
        | sponsor_revenue  | 50_000_000      |
        | club_revenue     | 4_000_000       |
        | signed_on        | 2025-10-10      |
      Then the flag "SOC-42" fires

    Scenario: A deal of exactly 5% of revenue and under 1 million is below the threshold
      When a "sponsorship" event is evaluated with:
        | deal_id          | SP-2025-054    |
        | club_id          | CLB-D3-05      |
        | sponsor_id       | CO-D3-05-OWNER |
        | annual_value     | 200_000        |
        | associated_party | true           |
        | fmv_assessed     | false          |
        | sponsor_revenue  | 50_000_000     |
        | club_revenue     | 4_000_000      |
        | signed_on        | 2025-10-10     |
      Then the flag "SOC-42" does not fire
      And no flag fires

  Rule: SOC-25 a sponsor pays at most half of its own revenue

    Scenario: A tech start-up with 5 million revenue pays 8 million a year
      When a "sponsorship" event is evaluated with:
        | deal_id          | SP-2025-060   |
        | club_id          | CLB-KEL       |
        | sponsor_id       | CO-NOVA-TECH  |
        | annual_value     | 8_000_000     |
        | associated_party | false         |
        | fmv_assessed     | false         |
        | sponsor_revenue  | 5_000_000     |
        | club_revenue     | 45_000_000    |
        | signed_on        | 2025-08-25    |
      Then the flag "SOC-25" fires
      And the explanation of "SOC-25" mentions "while its own revenue is 5,000,000"

    Scenario: A sponsor paying exactly half of its revenue is not flagged
      When a "sponsorship" event is evaluated with:
        | deal_id          | SP-2025-061   |
        | club_id          | CLB-KEL       |
        | sponsor_id       | CO-NOVA-TECH  |
        | annual_value     | 2_500_000     |
        | associated_party | false         |
        | fmv_assessed     | false         |
        | sponsor_revenue  | 5_000_000     |
        | club_revenue     | 45_000_000    |
        | signed_on        | 2025-08-25    |
      Then the flag "SOC-25" does not fire
      And no flag fires
