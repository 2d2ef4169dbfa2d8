@provision=5.6-4
Feature: 5.6-4 Physically accessible debug interfaces are disabled in software
  Where a debug interface is physically accessible, it is disabled in software
  (EN 303 645 5.6-4): the UART gives no shell without authentication, and the boot
  cannot be interrupted from it.

  @testcase=5.6-4-2
  Scenario: 5.6-4-2 The UART gives no shell without authentication, during or after boot
    Given the DUT is running with its network up
    Then the UART console asks for credentials before offering a shell
    When the DUT is power-cycled while keys and breaks are sent on the UART throughout its boot
    Then no shell is offered without authentication
    And the DUT completes its boot
