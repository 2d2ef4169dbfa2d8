@provision=5.5-7
Feature: 5.5-7 Confidentiality of critical security parameters over remotely accessible interfaces
  The consumer IoT device shall protect the confidentiality of critical security parameters that
  are communicated via remotely accessible network interfaces (EN 303 645 5.5-7). What the DUT
  sends over its network interface is captured and searched for the secrets the lab knows.

  @testcase=5.5-7-2
  Scenario: 5.5-7-2 Critical security parameters sent over the network stay confidential
    Given the DUT is running with its network up
    When the DUT's traffic to its cloud is captured with known secrets and personal data planted in it
    Then no critical security parameter appears in clear
