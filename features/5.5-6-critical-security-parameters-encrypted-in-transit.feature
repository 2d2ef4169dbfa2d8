@provision=5.5-6
Feature: 5.5-6 Critical security parameters encrypted in transit
  Critical security parameters should be encrypted in transit, with such encryption appropriate
  to the properties of the technology, risk and usage (EN 303 645 5.5-6). The DUT's traffic to
  its cloud is captured while it holds secrets the lab knows (its cloud token, the password on
  its label), and searched for them in clear.

  @testcase=5.5-6-2
  Scenario: 5.5-6-2 No critical security parameter crosses the network in clear
    Given the DUT is running with its network up
    When the DUT's traffic to its cloud is captured with known secrets and personal data planted in it
    Then no critical security parameter appears in clear
