@bribery
Feature: Payments to public officials
  Payments to officials found in the ledgers and the bank feed. PRC Criminal Law art. 390 (as
  amended by Amendment XII) punishes bribe-giving more heavily when it is repeated, paid to several
  people, or paid to supervisory, enforcement or judicial staff or in key sectors; the 2016 SPC/SPP
  interpretation treats bribes to three or more people as aggravating. The bribe-taker's side is
  the Chen Xuyuan pattern: one official paid by many clubs and contractors.

  Background:
    Given the "bribery" ruleset

  Rule: BRI-08 a payer of three or more officials, or of officials three times, within 24 months is reviewed

    Scenario: A builder pays a third district official within two years
      Given these earlier events:
        | kind    | event_id   | payer_id | payer_name              | payee_id | payee_name | payee_is_official | payee_role       | payee_employer                 | sector       | key_project | purpose        | amount | paid_on    |
        | payment | pay-ex-8a  | CO-05    | Eastbridge Construction | OF-2001  | L. Chen    | true              | planning_officer | District Planning Bureau       | construction | false       | consulting fee | 8000   | 2024-09-02 |
        | payment | pay-ex-8b  | CO-05    | Eastbridge Construction | OF-2002  | M. Zhou    | true              | land_officer     | District Land Resources Bureau | construction | false       | consulting fee | 12000  | 2025-01-15 |
      When a "payment" event is evaluated with:
        | event_id          | pay-ex-8c               |
        | payer_id          | CO-05                   |
        | payer_name        | Eastbridge Construction |
        | payer_type        | company                 |
        | payee_id          | OF-2003                 |
        | payee_name        | H. Wang                 |
        | payee_is_official | true                    |
        | payee_role        | housing_officer         |
        | payee_employer    | District Housing Bureau |
        | sector            | construction            |
        | key_project       | false                   |
        | purpose           | holiday gift            |
        | amount            | 10000                   |
        | paid_on           | 2025-06-20              |
      Then the flag "BRI-08" fires
      And the explanation of "BRI-08" mentions "has paid 3 different officials in 3 payments within 24 months"
      And the flag "BRI-10" does not fire

    Scenario: A payment made 731 days earlier no longer counts
      Given these earlier events:
        | kind    | payer_id | payee_id | payee_is_official | payee_role       | sector       | key_project | amount | paid_on    |
        | payment | CO-05    | OF-2001  | true              | planning_officer | construction | false       | 8000   | 2023-06-20 |
        | payment | CO-05    | OF-2002  | true              | land_officer     | construction | false       | 12000  | 2025-01-15 |
      When a "payment" event is evaluated with:
        | payer_id          | CO-05           |
        | payee_id          | OF-2003         |
        | payee_is_official | true            |
        | payee_role        | housing_officer |
        | sector            | construction    |
        | key_project       | false           |
        | amount            | 10000           |
        | paid_on           | 2025-06-20      |
      Then the flag "BRI-08" does not fire

    Scenario: A payment made exactly 730 days earlier still counts
      Given these earlier events:
        | kind    | payer_id | payee_id | payee_is_official | payee_role       | sector       | key_project | amount | paid_on    |
        | payment | CO-05    | OF-2001  | true              | planning_officer | construction | false       | 8000   | 2023-06-21 |
        | payment | CO-05    | OF-2002  | true              | land_officer     | construction | false       | 12000  | 2025-01-15 |
      When a "payment" event is evaluated with:
        | payer_id          | CO-05           |
        | payee_id          | OF-2003         |
        | payee_is_official | true            |
        | payee_role        | housing_officer |
        | sector            | construction    |
        | key_project       | false           |
        | amount            | 10000           |
        | paid_on           | 2025-06-20      |
      Then the flag "BRI-08" fires

    Scenario: Payments to private individuals do not count towards officials paid
      Given these earlier events:
        | kind    | payer_id | payee_id | payee_is_official | payee_role | sector   | key_project | amount | paid_on    |
        | payment | CO-05    | IND-0001 | false             | translator | industry | false       | 800    | 2025-01-10 |
        | payment | CO-05    | OF-2002  | true              | land_officer | construction | false   | 12000  | 2025-01-15 |
      When a "payment" event is evaluated with:
        | payer_id          | CO-05           |
        | payee_id          | OF-2003         |
        | payee_is_official | true            |
        | payee_role        | housing_officer |
        | sector            | construction    |
        | key_project       | false           |
        | amount            | 10000           |
        | paid_on           | 2025-06-20      |
      Then the flag "BRI-08" does not fire

    Scenario: The third payment to the same port official is flagged, the second is not
      When these events are evaluated:
        | kind    | event_id | payer_id | payer_name          | payee_id | payee_name | payee_is_official | payee_role             | sector    | key_project | purpose      | amount | paid_on    |
        | payment | h-1      | PAY-002  | Harbour Dredging Co | OF-3011  | S. Haddad  | true              | port_planning_director | transport | false       | advisory fee | 5000   | 2024-06-03 |
        | payment | h-2      | PAY-002  | Harbour Dredging Co | OF-3011  | S. Haddad  | true              | port_planning_director | transport | false       | advisory fee | 7500   | 2024-12-16 |
        | payment | h-3      | PAY-002  | Harbour Dredging Co | OF-3011  | S. Haddad  | true              | port_planning_director | transport | false       | advisory fee | 9000   | 2025-06-09 |
      Then the flag "BRI-08" does not fire for event "h-2"
      And the flag "BRI-08" fires for event "h-3"
      And the flag "BRI-17" does not fire

  Rule: BRI-10 payments to enforcement staff and in key sectors are reviewed

    Scenario: A freight company pays a customs officer at the port
      When a "payment" event is evaluated with:
        | payer_id          | CO-06                          |
        | payer_name        | Northwind Freight              |
        | payee_id          | OF-4001                        |
        | payee_name        | K. Mensah                      |
        | payee_is_official | true                           |
        | payee_role        | customs_officer                |
        | payee_employer    | Customs Division, Port of Tema |
        | sector            | customs                        |
        | key_project       | false                          |
        | purpose           | inspection facilitation        |
        | amount            | 2500                           |
        | paid_on           | 2025-07-08                     |
      Then the flag "BRI-10" fires
      And the explanation of "BRI-10" mentions "role: customs_officer"
      And the score is 30
      And the band is "medium"

    Scenario: An equipment trader pays a hospital director
      When a "payment" event is evaluated with:
        | payer_id          | PAY-043                    |
        | payee_id          | OF-3203                    |
        | payee_is_official | true                       |
        | payee_role        | hospital_director          |
        | sector            | medical                    |
        | key_project       | false                      |
        | amount            | 15000                      |
        | paid_on           | 2025-02-24                 |
      Then the flag "BRI-10" fires

    Scenario: A contractor pays the manager of a key state rail project
      When a "payment" event is evaluated with:
        | payer_id          | PAY-044         |
        | payee_id          | OF-3204         |
        | payee_is_official | true            |
        | payee_role        | project_manager |
        | sector            | transport       |
        | key_project       | true            |
        | amount            | 40000           |
        | paid_on           | 2025-06-30      |
      Then the flag "BRI-10" fires

    Scenario: An honorarium to a city planner outside the key sectors
      When a "payment" event is evaluated with:
        | payer_id          | ORG-001                        |
        | payee_id          | OF-1001                        |
        | payee_is_official | true                           |
        | payee_role        | urban_planner                  |
        | sector            | urban_planning                 |
        | key_project       | false                          |
        | purpose           | conference speaker honorarium  |
        | amount            | 800                            |
        | paid_on           | 2025-06-30                     |
      Then the flag "BRI-10" does not fire
      And no flag fires

    Scenario: A payment to a private customs broker's clerk is not a payment to enforcement staff
      When a "payment" event is evaluated with:
        | payer_id          | CO-06           |
        | payee_id          | IND-0042        |
        | payee_is_official | false           |
        | payee_role        | customs_officer |
        | sector            | customs         |
        | key_project       | false           |
        | amount            | 600             |
        | paid_on           | 2025-06-30      |
      Then the flag "BRI-10" does not fire

  Rule: BRI-17 an official paid by three private payers, or five times, within 24 months is reviewed

    Scenario: An association official paid by two clubs and a media company
      Given these earlier events:
        | kind    | payer_id | payer_name               | payee_id | payee_name | payee_is_official | payee_role           | payee_employer                  | sector | key_project | amount | paid_on    |
        | payment | CO-07    | Riverside FC             | OF-5001  | X. Chen    | true              | association_official | Provincial Football Association | sport  | false       | 30000  | 2024-10-01 |
        | payment | CO-08    | Harbour Stadium Builders | OF-5001  | X. Chen    | true              | association_official | Provincial Football Association | sport  | false       | 80000  | 2025-02-11 |
      When a "payment" event is evaluated with:
        | payer_id          | CO-09                           |
        | payer_name        | Summit Sports Media             |
        | payee_id          | OF-5001                         |
        | payee_name        | X. Chen                         |
        | payee_is_official | true                            |
        | payee_role        | association_official            |
        | payee_employer    | Provincial Football Association |
        | sector            | sport                           |
        | key_project       | false                           |
        | purpose           | speaking fee                    |
        | amount            | 50000                           |
        | paid_on           | 2025-05-30                      |
      Then the flag "BRI-17" fires
      And the explanation of "BRI-17" mentions "from 3 different private payers"
      And the flag "BRI-08" does not fire

    Scenario: Four payments from two payers stay below both limits
      Given these earlier events:
        | kind    | payer_id | payee_id | payee_is_official | payee_role     | sector       | key_project | amount | paid_on    |
        | payment | PAY-031  | OF-3121  | true              | roads_engineer | public_works | false       | 4000   | 2024-02-19 |
        | payment | PAY-032  | OF-3121  | true              | roads_engineer | public_works | false       | 4000   | 2024-06-24 |
        | payment | PAY-031  | OF-3121  | true              | roads_engineer | public_works | false       | 4000   | 2024-11-04 |
      When a "payment" event is evaluated with:
        | payer_id          | PAY-032        |
        | payee_id          | OF-3121        |
        | payee_is_official | true           |
        | payee_role        | roads_engineer |
        | sector            | public_works   |
        | key_project       | false          |
        | amount            | 4000           |
        | paid_on           | 2025-03-10     |
      Then the flag "BRI-17" does not fire
      And the flag "BRI-08" does not fire

    Scenario: The fifth payment to the same roads engineer is flagged on both sides
      Given these earlier events:
        | kind    | payer_id | payee_id | payee_is_official | payee_role     | sector       | key_project | amount | paid_on    |
        | payment | PAY-031  | OF-3121  | true              | roads_engineer | public_works | false       | 4000   | 2024-02-19 |
        | payment | PAY-032  | OF-3121  | true              | roads_engineer | public_works | false       | 4000   | 2024-06-24 |
        | payment | PAY-031  | OF-3121  | true              | roads_engineer | public_works | false       | 4000   | 2024-11-04 |
        | payment | PAY-032  | OF-3121  | true              | roads_engineer | public_works | false       | 4000   | 2025-03-10 |
      When a "payment" event is evaluated with:
        | payer_id          | PAY-031        |
        | payee_id          | OF-3121        |
        | payee_is_official | true           |
        | payee_role        | roads_engineer |
        | sector            | public_works   |
        | key_project       | false          |
        | amount            | 4000           |
        | paid_on           | 2025-08-04     |
      Then the flag "BRI-17" fires
      And the flag "BRI-08" fires
      And the score is 50
      And the band is "medium"
