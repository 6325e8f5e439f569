@bribery
Feature: Intermediaries paid to win business
  Most foreign bribes go through intermediaries: agents, consultants and brokers (OECD: 75% of
  cases). The compliance team reviews each third party when it is onboarded and each fee or
  commission paid to it, against the FCPA Resource Guide's third-party red flags.

  Background:
    Given the "bribery" ruleset

  Rule: BRI-01 a commission far above the contract's value or the peer rate is reviewed

    Scenario: A 15% commission on a turbine contract is excessive
      When a "third_party_payment" event is evaluated with:
        | field                 | value                                            |
        | third_party_id        | TP-0101                                          |
        | third_party_name      | Horizon Trade Advisors                           |
        | contract_id           | K-2025-014                                       |
        | contract_value        | 2400000                                          |
        | amount                | 360000                                           |
        | peer_median_rate      | 0.04                                             |
        | service_description   | Customs clearance and port handling for turbines |
        | deliverables          | [clearance records, port invoices]               |
        | country               | GH                                               |
        | service_country       | GH                                               |
        | account_country       | GH                                               |
        | service_country_cpi   | 43                                               |
        | service_country_trace | 52                                               |
        | paid_on               | 2025-03-14                                       |
      Then the flag "BRI-01" fires
      And the explanation of "BRI-01" mentions "is 15.0% of contract K-2025-014"
      And the score is 25
      And the band is "low"

    Scenario: A commission of 9% is excessive when peers charge 4%
      When a "third_party_payment" event is evaluated with:
        | third_party_id        | TP-0102                   |
        | contract_value        | 1000000                   |
        | amount                | 90000                     |
        | peer_median_rate      | 0.04                      |
        | service_description   | Tender documentation review |
        | deliverables          | [gap analysis]            |
        | country               | PT                        |
        | service_country       | PT                        |
        | account_country       | PT                        |
        | service_country_cpi   | 61                        |
        | service_country_trace | 22                        |
        | paid_on               | 2025-04-02                |
      Then the flag "BRI-01" fires

    Scenario: A commission of exactly 10%, twice the peer median, is at the limit and not flagged
      When a "third_party_payment" event is evaluated with:
        | third_party_id        | TP-0103                 |
        | contract_value        | 2400000                 |
        | amount                | 240000                  |
        | peer_median_rate      | 0.05                    |
        | service_description   | Owner's engineer services, 12 monthly inspection reports |
        | deliverables          | [inspection reports]    |
        | country               | ES                      |
        | service_country       | ES                      |
        | account_country       | ES                      |
        | service_country_cpi   | 60                      |
        | service_country_trace | 24                      |
        | paid_on               | 2025-05-02              |
      Then the flag "BRI-01" does not fire
      And no flag fires

    Scenario: A jurisdiction with a lower cap flags the same commission
      Given the parameter "commission_rate_cap" is 0.08
      When a "third_party_payment" event is evaluated with:
        | third_party_id        | TP-0103                 |
        | contract_value        | 2400000                 |
        | amount                | 240000                  |
        | peer_median_rate      | 0.05                    |
        | service_description   | Owner's engineer services, 12 monthly inspection reports |
        | deliverables          | [inspection reports]    |
        | country               | ES                      |
        | service_country       | ES                      |
        | account_country       | ES                      |
        | service_country_cpi   | 60                      |
        | service_country_trace | 24                      |
        | paid_on               | 2025-05-02              |
      Then the flag "BRI-01" fires

  Rule: BRI-02 a fee for services nobody can describe is reviewed

    Scenario: "General consulting services" is not a description of work
      When a "third_party_payment" event is evaluated with:
        | third_party_id        | TP-0104                     |
        | third_party_name      | Meridian Partners           |
        | contract_id           | K-2025-021                  |
        | contract_value        | 900000                      |
        | amount                | 36000                       |
        | peer_median_rate      | 0.04                        |
        | service_description   | General consulting services |
        | deliverables          | [monthly statement]         |
        | country               | PT                          |
        | service_country       | PT                          |
        | account_country       | PT                          |
        | service_country_cpi   | 61                          |
        | service_country_trace | 22                          |
        | paid_on               | 2025-04-02                  |
      Then the flag "BRI-02" fires
      And the explanation of "BRI-02" mentions "General consulting services"

    Scenario: A fee with no deliverable at all is reviewed whatever its description
      When a "third_party_payment" event is evaluated with:
        | third_party_id        | TP-0105                                      |
        | contract_value        | 600000                                       |
        | amount                | 18000                                        |
        | peer_median_rate      | 0.035                                        |
        | service_description   | Installation of pump controls at 3 stations |
        | deliverables          | []                                           |
        | country               | PL                                           |
        | service_country       | PL                                           |
        | account_country       | PL                                           |
        | service_country_cpi   | 54                                           |
        | service_country_trace | 33                                           |
        | paid_on               | 2025-06-12                                   |
      Then the flag "BRI-02" fires
      And the explanation of "BRI-02" mentions "0 listed deliverables"

    Scenario: Consulting on a named task with one deliverable is specific enough
      When a "third_party_payment" event is evaluated with:
        | third_party_id        | TP-0106                                              |
        | contract_value        | 600000                                               |
        | amount                | 18000                                                |
        | peer_median_rate      | 0.035                                                |
        | service_description   | Consulting services for SCADA integration at 4 substations |
        | deliverables          | [acceptance protocol]                                |
        | country               | PL                                                   |
        | service_country       | PL                                                   |
        | account_country       | PL                                                   |
        | service_country_cpi   | 54                                                   |
        | service_country_trace | 33                                                   |
        | paid_on               | 2025-06-12                                           |
      Then the flag "BRI-02" does not fire

    Scenario: Without the list of deliverables the check cannot be made
      When a "third_party_payment" event is evaluated with:
        | third_party_id        | TP-0106                                   |
        | contract_value        | 600000                                    |
        | amount                | 18000                                     |
        | peer_median_rate      | 0.035                                     |
        | service_description   | Road transport of 8 loads of switchgear   |
        | deliverables          | <missing>                                 |
        | country               | PL                                        |
        | service_country       | PL                                        |
        | account_country       | PL                                        |
        | service_country_cpi   | 54                                        |
        | service_country_trace | 33                                        |
        | paid_on               | 2025-06-12                                |
      Then the flag "BRI-02" is not evaluable because "deliverables" is missing

  Rule: BRI-03 a third party is engaged for what it is registered to do

    Scenario: A real-estate company engaged as a customs broker
      When a "third_party_onboarding" event is evaluated with:
        | third_party_id      | TP-0107                                      |
        | third_party_name    | Lagoon Property Holdings                     |
        | registered_activity | L68 real estate activities                   |
        | service_activity    | H52 customs brokerage and freight forwarding |
        | country             | NG                                           |
        | service_country     | NG                                           |
        | account_country     | NG                                           |
        | employees           | 6                                            |
        | nominee_directors   | false                                        |
        | introduced_by_role  | own_sales_team                               |
        | related_to_official | false                                        |
        | owners              | [{"name": "A. Okafor", "pep": false, "soe_officer": false}] |
        | onboarded_on        | 2025-02-10                                   |
      Then the flag "BRI-03" fires
      And the explanation of "BRI-03" mentions "L68 real estate activities"

    Scenario: A customs broker engaged for customs brokerage
      When a "third_party_onboarding" event is evaluated with:
        | third_party_id      | TP-0108                                      |
        | registered_activity | H52 customs brokerage and freight forwarding |
        | service_activity    | H52 customs brokerage and freight forwarding |
        | country             | NG                                           |
        | service_country     | NG                                           |
        | account_country     | NG                                           |
        | employees           | 25                                           |
        | nominee_directors   | false                                        |
        | introduced_by_role  | tender_portal                                |
        | related_to_official | false                                        |
        | owners              | [{"name": "B. Adeyemi", "pep": false, "soe_officer": false}] |
        | onboarded_on        | 2025-02-10                                   |
      Then the flag "BRI-03" does not fire
      And no flag fires

  Rule: BRI-04 a third party owned by or close to an official is reviewed

    Scenario: One of the owners is a politically exposed person
      When a "third_party_onboarding" event is evaluated with:
        | third_party_id      | TP-0109                                      |
        | third_party_name    | Golden Gate Logistics                        |
        | registered_activity | H49 road freight transport                   |
        | service_activity    | H49 road freight transport                   |
        | country             | ID                                           |
        | service_country     | ID                                           |
        | account_country     | ID                                           |
        | employees           | 14                                           |
        | nominee_directors   | false                                        |
        | introduced_by_role  | trade_fair                                   |
        | related_to_official | false                                        |
        | owners              | [{"name": "R. Wibowo", "pep": true, "soe_officer": false}, {"name": "S. Wibowo", "pep": false, "soe_officer": false}] |
        | onboarded_on        | 2025-01-20                                   |
      Then the flag "BRI-04" fires
      And the score is 30
      And the band is "medium"

    Scenario: The second owner is an officer of a state-owned customer
      When a "third_party_onboarding" event is evaluated with:
        | third_party_id      | TP-0110                                      |
        | registered_activity | M71 architectural and engineering activities |
        | service_activity    | M71 architectural and engineering activities |
        | country             | CL                                           |
        | service_country     | CL                                           |
        | account_country     | CL                                           |
        | employees           | 30                                           |
        | nominee_directors   | false                                        |
        | introduced_by_role  | tender_portal                                |
        | related_to_official | false                                        |
        | owners              | [{"name": "M. Soto", "pep": false, "soe_officer": false}, {"name": "J. Lopez", "pep": false, "soe_officer": true}] |
        | onboarded_on        | 2025-03-20                                   |
      Then the flag "BRI-04" fires

    Scenario: Screening finds a family link to an official
      When a "third_party_onboarding" event is evaluated with:
        | third_party_id      | TP-0111                    |
        | registered_activity | M70 management consultancy |
        | service_activity    | M70 management consultancy |
        | country             | SA                         |
        | service_country     | SA                         |
        | account_country     | SA                         |
        | employees           | 8                          |
        | nominee_directors   | false                      |
        | introduced_by_role  | own_sales_team             |
        | related_to_official | true                       |
        | owners              | []                         |
        | onboarded_on        | 2025-07-14                 |
      Then the flag "BRI-04" fires

    Scenario: Owners screened with no official or SOE link
      When a "third_party_onboarding" event is evaluated with:
        | third_party_id      | TP-0112                                      |
        | registered_activity | M71 architectural and engineering activities |
        | service_activity    | M71 architectural and engineering activities |
        | country             | CL                                           |
        | service_country     | CL                                           |
        | account_country     | CL                                           |
        | employees           | 30                                           |
        | nominee_directors   | false                                        |
        | introduced_by_role  | tender_portal                                |
        | related_to_official | false                                        |
        | owners              | [{"name": "M. Soto", "pep": false, "soe_officer": false}, {"name": "J. Lopez", "pep": false, "soe_officer": false}] |
        | onboarded_on        | 2025-03-20                                   |
      Then the flag "BRI-04" does not fire

  Rule: BRI-05 an intermediary introduced by an official is reviewed

    Scenario: The ministry asked the company to use this agent
      When a "third_party_onboarding" event is evaluated with:
        | third_party_id      | TP-0113                                        |
        | third_party_name    | Andes Project Services                         |
        | registered_activity | M70 management consultancy                     |
        | service_activity    | M70 management consultancy                     |
        | country             | PE                                             |
        | service_country     | PE                                             |
        | account_country     | PE                                             |
        | employees           | 9                                              |
        | nominee_directors   | false                                          |
        | introduced_by_role  | ministry_staff                                 |
        | introduced_by_name  | Deputy director, Ministry of Energy and Mines  |
        | related_to_official | false                                          |
        | owners              | [{"name": "C. Quispe", "pep": false, "soe_officer": false}] |
        | onboarded_on        | 2025-05-06                                     |
      Then the flag "BRI-05" fires
      And the explanation of "BRI-05" mentions "Ministry of Energy and Mines"

    Scenario: An agent found by the company's own sales team
      When a "third_party_onboarding" event is evaluated with:
        | third_party_id      | TP-0114                    |
        | registered_activity | M70 management consultancy |
        | service_activity    | M70 management consultancy |
        | country             | PE                         |
        | service_country     | PE                         |
        | account_country     | PE                         |
        | employees           | 9                          |
        | nominee_directors   | false                      |
        | introduced_by_role  | own_sales_team             |
        | introduced_by_name  | Sales team Andean region   |
        | related_to_official | false                      |
        | owners              | [{"name": "C. Quispe", "pep": false, "soe_officer": false}] |
        | onboarded_on        | 2025-05-06                 |
      Then the flag "BRI-05" does not fire

  Rule: BRI-06 an intermediary is paid where it is registered or where it works

    Scenario: A Ghanaian agent asks to be paid in the British Virgin Islands
      When a "third_party_payment" event is evaluated with:
        | third_party_id        | TP-0115                                 |
        | third_party_name      | Coral Bay Consulting                    |
        | contract_value        | 1500000                                 |
        | amount                | 45000                                   |
        | peer_median_rate      | 0.04                                    |
        | service_description   | Permit filings for the Tema substation  |
        | deliverables          | [permit file]                           |
        | country               | GH                                      |
        | service_country       | GH                                      |
        | account_country       | VG                                      |
        | service_country_cpi   | 43                                      |
        | service_country_trace | 52                                      |
        | paid_on               | 2025-06-11                              |
      Then the flag "BRI-06" fires
      And the explanation of "BRI-06" mentions "paid into an account in VG"

    Scenario: A Senegalese freight agent onboarded with a Swiss bank account
      When a "third_party_onboarding" event is evaluated with:
        | third_party_id      | TP-0116                    |
        | registered_activity | H49 road freight transport |
        | service_activity    | H49 road freight transport |
        | country             | SN                         |
        | service_country     | SN                         |
        | account_country     | CH                         |
        | employees           | 40                         |
        | nominee_directors   | false                      |
        | introduced_by_role  | own_sales_team             |
        | related_to_official | false                      |
        | owners              | [{"name": "A. Sow", "pep": false, "soe_officer": false}] |
        | onboarded_on        | 2024-09-30                 |
      Then the flag "BRI-06" fires

    Scenario: A British firm working in Kenya is paid in Kenya
      When a "third_party_payment" event is evaluated with:
        | third_party_id        | TP-0117                                 |
        | contract_value        | 1500000                                 |
        | amount                | 45000                                   |
        | peer_median_rate      | 0.04                                    |
        | service_description   | Site survey for 4 pumping stations      |
        | deliverables          | [survey data]                           |
        | country               | GB                                      |
        | service_country       | KE                                      |
        | account_country       | KE                                      |
        | service_country_cpi   | 45                                      |
        | service_country_trace | 50                                      |
        | paid_on               | 2025-06-11                              |
      Then the flag "BRI-06" does not fire

  Rule: BRI-16 a third party that has no staff of its own is reviewed as a possible shell

    Scenario: A Seychelles company with no employees and nominee directors
      When a "third_party_onboarding" event is evaluated with:
        | third_party_id      | TP-0118                    |
        | third_party_name    | Blue Reef Holdings Ltd     |
        | registered_activity | M70 management consultancy |
        | service_activity    | M70 management consultancy |
        | country             | SC                         |
        | service_country     | KE                         |
        | account_country     | SC                         |
        | employees           | 0                          |
        | nominee_directors   | true                       |
        | introduced_by_role  | existing_partner_referral  |
        | related_to_official | false                      |
        | owners              | [{"name": "Nominee Services SC Ltd", "pep": false, "soe_officer": false}] |
        | onboarded_on        | 2025-03-03                 |
      Then the flag "BRI-16" fires
      And the flag "BRI-06" fires
      And the score is 50
      And the band is "medium"

    Scenario: One employee is enough not to count as a shell
      When a "third_party_onboarding" event is evaluated with:
        | third_party_id      | TP-0119                    |
        | registered_activity | M70 management consultancy |
        | service_activity    | M70 management consultancy |
        | country             | GB                         |
        | service_country     | KE                         |
        | account_country     | GB                         |
        | employees           | 1                          |
        | nominee_directors   | true                       |
        | introduced_by_role  | own_sales_team             |
        | related_to_official | false                      |
        | owners              | [{"name": "K. Otieno", "pep": false, "soe_officer": false}] |
        | onboarded_on        | 2025-03-03                 |
      Then the flag "BRI-16" does not fire
      And no flag fires

  Rule: BRI-14 intermediaries working in high bribery-risk countries get enhanced due diligence

    Scenario: A transport agent working in Mali
      When a "third_party_payment" event is evaluated with:
        | third_party_id        | TP-0120                                               |
        | third_party_name      | Sahel Transit Services                                |
        | contract_value        | 600000                                                |
        | amount                | 18000                                                 |
        | peer_median_rate      | 0.035                                                 |
        | service_description   | Road transport of mining equipment Bamako to Sadiola |
        | deliverables          | [waybills, delivery receipts]                         |
        | country               | ML                                                    |
        | service_country       | ML                                                    |
        | account_country       | ML                                                    |
        | service_country_cpi   | 28                                                    |
        | service_country_trace | 71                                                    |
        | paid_on               | 2025-02-26                                            |
      Then the flag "BRI-14" fires
      And the score is 10
      And the band is "low"

    Scenario: A TRACE score of exactly 60 is high risk
      When a "third_party_payment" event is evaluated with:
        | third_party_id        | TP-0121              |
        | contract_value        | 600000               |
        | amount                | 18000                |
        | peer_median_rate      | 0.035                |
        | service_description   | Road transport of 6 loads |
        | deliverables          | [waybills]           |
        | country               | KE                   |
        | service_country       | KE                   |
        | account_country       | KE                   |
        | service_country_cpi   | 45                   |
        | service_country_trace | 60                   |
        | paid_on               | 2025-02-26           |
      Then the flag "BRI-14" fires

    Scenario: A country with a CPI of 40 and a TRACE score of 59 is not high risk
      When a "third_party_payment" event is evaluated with:
        | third_party_id        | TP-0122              |
        | contract_value        | 600000               |
        | amount                | 18000                |
        | peer_median_rate      | 0.035                |
        | service_description   | Road transport of 6 loads |
        | deliverables          | [waybills]           |
        | country               | CO                   |
        | service_country       | CO                   |
        | account_country       | CO                   |
        | service_country_cpi   | 40                   |
        | service_country_trace | 59                   |
        | paid_on               | 2025-02-26           |
      Then the flag "BRI-14" does not fire
      And no flag fires

  Rule: Several red flags on one intermediary add up

    Scenario: An excessive, vague commission paid offshore is high risk
      When a "third_party_payment" event is evaluated with:
        | third_party_id        | TP-0901                     |
        | third_party_name      | Volta Government Relations  |
        | contract_value        | 1000000                     |
        | amount                | 160000                      |
        | peer_median_rate      | 0.045                       |
        | service_description   | Government liaison services |
        | deliverables          | []                          |
        | country               | GH                          |
        | service_country       | GH                          |
        | account_country       | AE                          |
        | service_country_cpi   | 43                          |
        | service_country_trace | 52                          |
        | paid_on               | 2024-04-15                  |
      Then the flag "BRI-01" fires
      And the flag "BRI-02" fires
      And the flag "BRI-06" fires
      And the score is 65
      And the band is "high"
