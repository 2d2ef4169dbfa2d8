@provision=5.8-1
Feature: 5.8-1 Confidentiality of personal data in transit
  The confidentiality of personal data transiting between a device and a service, especially
  associated services, should be protected, with cryptography appropriate to the properties of
  the technology and usage (EN 303 645 5.8-1). Every item of personal data the IXIT declares
  (21-PersData) is set to a marker through the local API; the DUT's traffic to its cloud is
  captured and searched for the markers in clear.

  @testcase=5.8-1-2
  Scenario: 5.8-1-2 Personal data leaves the DUT only encrypted
    Given the DUT is running with its network up
    When the DUT's traffic to its cloud is captured with known secrets and personal data planted in it
    Then no personal data appears in clear
