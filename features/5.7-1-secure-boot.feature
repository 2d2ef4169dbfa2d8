@provision=5.7-1
Feature: 5.7-1 The device verifies its software using secure boot mechanisms
  The consumer IoT device verifies its software using secure boot mechanisms (EN 303 645 5.7-1):
  software altered in storage is not run.

  @testcase=5.7-1-2
  Scenario: 5.7-1-2 A program altered in storage is not run
    Given the DUT is running with its network up
    When one byte of the installed program the IXIT names is altered in the DUT's storage while it is off
    And the DUT is switched on
    Then the DUT does not run the altered program
