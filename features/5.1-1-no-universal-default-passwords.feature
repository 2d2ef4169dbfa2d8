@provision=5.1-1
Feature: 5.1-1 Unique per-device or user-defined passwords
  Where passwords are used, and in any state other than the factory default, all device
  passwords are unique per device or defined by the user (EN 303 645 5.1-1).

  @testcase=5.1-1-2
  Scenario: 5.1-1-2 Universal default credentials are refused on every login surface
    Given the DUT is running with its network up
    When the credentials of the "mirai" list are tried on every login surface of the DUT
    Then no login surface accepts any of them
    And every login surface found on the DUT is declared in the IXIT
