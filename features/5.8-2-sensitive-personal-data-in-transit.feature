@provision=5.8-2
Feature: 5.8-2 Confidentiality of sensitive personal data in transit
  The confidentiality of sensitive personal data communicated between the device and associated
  services shall be protected, with cryptography appropriate to the properties of the technology
  and usage (EN 303 645 5.8-2). The items the IXIT marks sensitive are planted as for 5.8-1 and
  must not appear in clear.

  @testcase=5.8-2-2
  Scenario: 5.8-2-2 Sensitive personal data leaves the DUT only encrypted
    Given the DUT is running with its network up
    When the DUT's traffic to its cloud is captured with known secrets and personal data planted in it
    Then no sensitive personal data appears in clear
